import { describe, expect, it } from 'vitest';
import { parseInvocation } from '../../commands/invocation.ts';
import simulateCommand, { type SimulateArgs, type SimulateResult } from '../../commands/simulate.ts';
import { invoke, refusal } from '../helpers/invoke.ts';
import { makeDeps } from '../helpers/store.ts';
import { END, simulatedStore } from '../helpers/simulated.ts';
import { natsServerBinary, useNatsServer } from '../helpers/nats-server.ts';
import { comparable, lastSeqOf, servicesConsumedUntil, tempFolders } from '../helpers/stream.ts';
import { loadSimState } from '../../src/simulator/state.ts';

type Deps = ReturnType<typeof makeDeps>;
const names = (name: string) => ({ LEAK_STREAM_NAME: name, LEAK_STREAM_PREFIX: name.toLowerCase() });
const count = (deps: Deps, table: string) => deps.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Real time that passes only when slept through: the live producer runs its batches without waiting. */
function fakeClock(maxBatches: number) {
  let now = 1_000_000;
  return { now: () => now, sleep: async (ms: number) => void (now += ms), batchMs: 2000, maxBatches };
}

describe('simulate --publish: bad input', () => {
  it('refuses a malformed event log URL in one line', async () => {
    expect(await refusal(makeDeps(), ['simulate', '--days', '1', '--publish', 'localhost:4222'])).toMatch(/^Invalid event log URL "localhost:4222": must be nats:\/\/HOST:PORT/);
  });

  it('with LEAK_STREAM set, a local simulate is refused and told to publish instead', async () => {
    const deps = makeDeps({ env: { LEAK_STREAM: 'nats://127.0.0.1:4222' } });
    expect(await refusal(deps, ['simulate', '--days', '1', '--scale', '0.002'])).toBe(
      'The simulator is off: this store is fed by the event log at nats://127.0.0.1:4222 (LEAK_STREAM), and the local simulator never writes beside it. For simulated data there: leak simulate --live --publish nats://127.0.0.1:4222',
    );
    expect(count(deps, 'import_batches')).toBe(0);
  });
});

describe.skipIf(!natsServerBinary)('simulate --publish → npm start with LEAK_STREAM', { timeout: 120_000 }, () => {
  const server = useNatsServer();

  it('a history published instead of stored reaches the consuming store as a local simulate would have written it; this store is not touched', async () => {
    const producer = makeDeps({ now: END, env: names('SIMHIST') });
    const r = await invoke<SimulateResult>(producer, ['simulate', '--days', '2', '--scale', '0.002', '--seed', '7', '--publish', server().url]);
    expect(r.backfill).toBeUndefined();
    expect(r.published).toMatchObject({ to: server().url, stream: 'SIMHIST', live: false, rows: { members: 10_000 }, duplicates: 0, simulatedTo: new Date(END).toISOString() });
    const text = simulateCommand.renderText(r).split('\n');
    expect(text[0]).toBe(`Published to the stream SIMHIST at ${server().url} (simhist.members, simhist.digital, simhist.calls); this store was not touched.`);
    expect(text[1]).toMatch(/^ {2}members +10,000$/);
    expect(count(producer, 'import_batches')).toBe(0);
    expect(loadSimState(producer.store)).toBeUndefined();

    const { deps: local } = simulatedStore({ seed: 7, scale: 0.002, days: 2 });
    const bot = makeDeps({ now: END, env: { LEAK_STREAM: server().url, ...names('SIMHIST'), ...tempFolders() } });
    const { services } = await servicesConsumedUntil(bot, await lastSeqOf(server().url, 'SIMHIST'));
    for (const s of services) await s.stop();
    expect(bot.store.sqlite.prepare('SELECT DISTINCT source FROM import_batches').pluck().all()).toEqual(['simulator']);
    expect(comparable(local.store).leakage.length).toBeGreaterThan(0);
    expect(comparable(bot.store)).toEqual(comparable(local.store));
  });

  it('--live --publish sends the members, then live batches until stopped; the consuming store holds every row sent', async () => {
    const producer = makeDeps({ now: END, env: names('SIMLIVE') });
    const inv = await parseInvocation(['simulate', '--live', '--speed', '3600', '--scale', '0.002', '--publish', server().url], producer);
    const args: SimulateArgs = { ...(inv.args as SimulateArgs), clock: fakeClock(3) };
    const r = (await simulateCommand.run(args, producer)) as SimulateResult;
    const published = r.published!;
    // Three batches of two real seconds at 3600×: six simulated hours after the end.
    expect(published).toMatchObject({ live: true, rows: { members: 10_000 }, simulatedTo: new Date(END + 3 * 2 * 3600_000).toISOString() });
    expect(published.rows.digital + published.rows.calls).toBeGreaterThan(0);
    expect(simulateCommand.renderText(r)).toMatch(/\nStopped cleanly\. The producer keeps no state/);
    expect(count(producer, 'import_batches')).toBe(0);

    const bot = makeDeps({ now: END, env: { LEAK_STREAM: server().url, ...names('SIMLIVE'), ...tempFolders() } });
    const { services } = await servicesConsumedUntil(bot, await lastSeqOf(server().url, 'SIMLIVE'));
    for (const s of services) await s.stop();
    expect([count(bot, 'member_profiles_raw'), count(bot, 'digital_journeys_raw'), count(bot, 'call_logs_raw')]).toEqual([
      published.rows.members, published.rows.digital, published.rows.calls,
    ]);
  });
});
