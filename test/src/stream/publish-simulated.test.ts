import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { END, simulatedStore } from '../../helpers/simulated.ts';
import { natsServerBinary, useNatsServer } from '../../helpers/nats-server.ts';
import { comparable, consumeUntil, settingsFor } from '../../helpers/stream.ts';
import { runLive } from '../../../src/simulator/live.ts';
import { StreamPublisher } from '../../../src/stream/publisher.ts';
import { publishSimulatedHistory, publishSimulatedLive, simulatedWorld } from '../../../src/stream/publish-simulated.ts';

const REQUEST = { seed: 5, scale: 0.002, days: 2, end: END, fixes: [] };

/** Real time that passes only when slept through: the live loops run without waiting. */
function fakeTime(batches: number) {
  let now = 1_000_000;
  return { speed: 3600, batchMs: 2000, now: () => now, sleep: async (ms: number) => void (now += ms), signal: new AbortController().signal, maxBatches: batches };
}

describe.skipIf(!natsServerBinary)('simulate --publish: the simulator’s rows through the event log', { timeout: 120_000 }, () => {
  const server = useNatsServer();

  it('a published history and live stream give the store a local simulate gives', async () => {
    const { deps: local } = simulatedStore({ seed: REQUEST.seed, scale: REQUEST.scale, days: REQUEST.days });
    await runLive(local.store, local.config, REQUEST, fakeTime(3));

    const settings = settingsFor(server().url, { name: 'SIM', prefix: 'sim' });
    const pub = await StreamPublisher.open(settings);
    const { world, start } = simulatedWorld(local.config, REQUEST);
    const progress: number[] = [];
    const history = await publishSimulatedHistory(pub, world, { from: start, to: END, onProgress: (p) => progress.push(p.done / p.total) });
    const live = await publishSimulatedLive(pub, world, END, fakeTime(3));
    await pub.close();
    expect(progress.at(-1)).toBe(1);
    expect(live).toMatchObject({ batches: 3, simulatedTo: END + 3 * 2 * 3600_000 });
    const sent = history.rows.members + history.rows.digital + history.rows.calls + live.rows.digital + live.rows.calls;
    expect(pub.tally).toMatchObject({ rows: sent, duplicates: 0 });

    const streamed = makeDeps();
    const { consumer } = await consumeUntil(streamed.store, streamed.config, settings, pub.lastSeq);
    await consumer.stop();
    const count = (s: typeof local.store, t: string) => s.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    for (const t of ['member_profiles_raw', 'digital_journeys_raw', 'call_logs_raw']) expect(count(streamed.store, t)).toBe(count(local.store, t));
    expect(streamed.store.sqlite.prepare("SELECT DISTINCT source FROM import_batches").pluck().all()).toEqual(['simulator']);
    expect(comparable(local.store).leakage.length).toBeGreaterThan(0);
    expect(comparable(streamed.store)).toEqual(comparable(local.store));
  });
});
