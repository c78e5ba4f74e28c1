import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { tempDir } from '../../helpers/csv.ts';
import { makeDeps } from '../../helpers/store.ts';
import { simulatedStore } from '../../helpers/simulated.ts';
import { natsServerBinary, useNatsServer } from '../../helpers/nats-server.ts';
import { comparable, consumeUntil, settingsFor, waitUntil } from '../../helpers/stream.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { exportCsv } from '../../../src/simulator/export-csv.ts';
import { StreamPublisher } from '../../../src/stream/publisher.ts';
import { publishFiles, type CsvSource } from '../../../src/stream/publish-csv.ts';
import { applyMessages, readAppliedSeq } from '../../../src/stream/apply-messages.ts';
import { alignCursor } from '../../../src/stream/cursor.ts';
import { serversOf, type StreamSettings } from '../../../src/stream/stream-settings.ts';
import { openStore } from '../../../db/open-db.ts';

const ENTRY = path.resolve('src/stream/consume-main.ts');

/** A small simulated history as contract CSVs, and the store a direct import of them gives. */
async function history(seed: number) {
  const { deps: sim } = simulatedStore({ seed, scale: 0.002, days: 2 });
  const files: CsvSource[] = exportCsv(sim.store, tempDir()).files.map((f) => ({ kind: f.kind, file: f.file }));
  const direct = makeDeps();
  for (const f of files) await importCsvFile(direct.store, f.kind, f.file);
  runPipeline(direct.store, direct.config);
  return { files, direct };
}

async function publish(settings: StreamSettings, files: CsvSource[], maxRows: number): Promise<number> {
  const pub = await StreamPublisher.open(settings);
  await publishFiles(pub, files, { maxRows });
  await pub.close();
  return pub.lastSeq;
}

/** A seeded choice of kill points, so a failure can be replayed. */
function seeded(seed: number) {
  let s = seed;
  return (n: number) => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) % n) + 1;
}

/** The consumer in a child process; resolves each time it reports a batch. */
function spawnConsumer(db: string, settings: StreamSettings) {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ENTRY, '--max-messages', '3'], {
    env: { ...process.env, LEAK_DB: db, LEAK_STREAM: settings.url, LEAK_STREAM_NAME: settings.name, LEAK_STREAM_PREFIX: settings.prefix, LEAK_STREAM_CONSUMER: settings.consumer },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const batches: { appliedSeq: number }[] = [];
  const listeners: (() => void)[] = [];
  let started = false;
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const event = JSON.parse(line);
    if (event.started) started = true;
    else batches.push(event);
    for (const l of listeners) l();
  });
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.once('exit', () => listeners.forEach((l) => l()));
  const waitFor = (done: () => boolean, what: string) =>
    waitUntil(() => done() || child.exitCode !== null, (c) => listeners.push(c), what).then(() => {
      if (!done()) throw new Error(`the consumer exited before ${what}:\n${stderr}`);
    });
  return { child, batches, exited, waitFor, started: () => started };
}

describe.skipIf(!natsServerBinary)('exactly once through crashes', { timeout: 120_000 }, () => {
  const server = useNatsServer();

  it('a message redelivered after a crash between commit and acknowledgement is recognised and acknowledged, not applied again', async () => {
    const { files, direct } = await history(3);
    const settings = settingsFor(server().url, { name: 'REDELIVER', prefix: 'redeliver' });
    const lastSeq = await publish(settings, files, 500);
    const store = makeDeps();
    // What a consumer does up to the crash: fetch everything, commit it, die before acknowledging.
    const nc = await connect({ servers: serversOf(server().url) });
    const jsm = await jetstreamManager(nc);
    const { created } = await jsm.streams.info(settings.name);
    await alignCursor(jsm, store.store, { ...settings, created }, false, { ackWaitMs: 1000 });
    const fetched = await (await jetstream(nc).consumers.get(settings.name, settings.consumer)).fetch({ max_messages: lastSeq, expires: 5000 });
    const msgs = [];
    for await (const m of fetched) {
      msgs.push({ seq: m.seq, subject: m.subject, data: m.data });
      if (msgs.length === lastSeq) break;
    }
    await nc.close();
    applyMessages(store.store, { ...settings, stream: settings.name, created }, msgs);
    expect(readAppliedSeq(store.store, { stream: settings.name, consumer: settings.consumer })).toBe(lastSeq);

    // The server redelivers once its 1 s acknowledgement wait is over; the consumer must acknowledge without applying.
    let redelivered = 0;
    const seen: (() => void)[] = [];
    const { consumer, batches } = await consumeUntil(store.store, store.config, settings, lastSeq, {
      ackWaitMs: 1000,
      onBatch: (b) => ((redelivered += b.redelivered), seen.forEach((f) => f())),
    });
    await waitUntil(() => redelivered === lastSeq, (c) => seen.push(c), `${lastSeq} redelivered messages`);
    await consumer.stop();
    expect(batches.reduce((n, b) => n + b.messages, 0)).toBe(0);
    const mgr = await jetstreamManager(await connect({ servers: serversOf(server().url) }));
    const info = await mgr.consumers.info(settings.name, settings.consumer);
    expect([info.num_pending, info.num_ack_pending, info.ack_floor.stream_seq]).toEqual([0, 0, lastSeq]);
    expect(comparable(store.store)).toEqual(comparable(direct.store));
    expect(store.store.sqlite.prepare('SELECT count(*) FROM call_logs_raw').pluck().get()).toBe(direct.store.sqlite.prepare('SELECT count(*) FROM call_logs_raw').pluck().get());
  });

  it('a consumer killed (SIGKILL) at random points and restarted ends with the tables of a direct import', async () => {
    const { files, direct } = await history(4);
    const settings = settingsFor(server().url, { name: 'KILLED', prefix: 'killed' });
    const lastSeq = await publish(settings, files, 100);
    const db = path.join(tempDir(), 'leak.db');
    const next = seeded(2026);
    const kills: number[] = [];
    for (let round = 0; round < 3; round++) {
      const c = spawnConsumer(db, settings);
      // Killed right after its k-th batch report: by then it may be committing, acknowledging or in the pipeline of the next.
      const k = next(5);
      kills.push(k);
      await c.waitFor(() => c.batches.length >= k || c.batches.at(-1)?.appliedSeq === lastSeq, `batch ${k} (kills so far ${kills.join(', ')})`);
      c.child.kill('SIGKILL');
      await c.exited;
    }
    // Whatever the last kill interrupted (a batch, the pipeline), a restart finishes it before it says it started.
    const last = spawnConsumer(db, settings);
    const store = openStore(db);
    const applied = () => readAppliedSeq(store, { stream: settings.name, consumer: settings.consumer });
    await last.waitFor(() => last.started() && applied() === lastSeq && (last.batches.length === 0 || last.batches.at(-1)!.appliedSeq === lastSeq), `stream sequence ${lastSeq} (kills after batches ${kills.join(', ')})`);
    last.child.kill('SIGTERM');
    await last.exited;
    expect(comparable(store)).toEqual(comparable(direct.store));
    expect(store.sqlite.prepare('SELECT count(*) FROM digital_journeys_raw').pluck().get()).toBe(direct.store.sqlite.prepare('SELECT count(*) FROM digital_journeys_raw').pluck().get());
    store.close();
  });
});
