/**
 * A producer in its own process for the benchmark, as one would run on another machine: publishes
 * the bench world's history (`history URL SCALE DAYS`) or its live stream from BENCH_END
 * (`live URL SCALE DAYS SECONDS SPEED`). Prints a JSON line when it starts and one when done.
 */
import { loadConfig } from '../config.ts';
import { StreamPublisher } from '../stream/publisher.ts';
import { publishSimulatedHistory, publishSimulatedLive, simulatedWorld } from '../stream/publish-simulated.ts';
import { realSleep } from '../simulator/live.ts';
import { BENCH_END } from './bench-store.ts';

const [mode, url, scale, days, seconds, speed] = process.argv.slice(2);
const settings = { url, name: 'LEAK', prefix: 'leak', consumer: 'leak' };
const say = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

const startedAt = Date.now();
say({ startedAt });
const req = { seed: 42, scale: Number(scale), days: Number(days), end: BENCH_END, fixes: [] };
const { world, start } = simulatedWorld(loadConfig({}), req);
const pub = await StreamPublisher.open(settings);
if (mode === 'history') {
  const r = await publishSimulatedHistory(pub, world, { from: start, to: BENCH_END });
  await pub.close();
  say({ done: true, lastSeq: pub.lastSeq, rows: r.rows, messages: pub.tally.messages, elapsedMs: Date.now() - startedAt });
} else {
  const controller = new AbortController();
  setTimeout(() => controller.abort(), Number(seconds) * 1000);
  const r = await publishSimulatedLive(pub, world, BENCH_END, { speed: Number(speed), batchMs: 1000, now: () => Date.now(), sleep: realSleep, signal: controller.signal });
  await pub.close();
  say({ done: true, lastSeq: pub.lastSeq, rows: r.rows, messages: pub.tally.messages, elapsedMs: Date.now() - startedAt });
}
