import { describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { CALL_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { makeDeps } from '../../helpers/store.ts';
import { END } from '../../helpers/simulated.ts';
import { callRow } from '../../helpers/leak-fixture.ts';
import { natsServerBinary, startNatsServer, useNatsServer } from '../../helpers/nats-server.ts';
import { consumeUntil, settingsFor, waitUntil } from '../../helpers/stream.ts';
import { publishFiles, publishSimulation, startStreamConsumer } from '../../../src/stream/index.ts';
import { readAppliedSeq } from '../../../src/stream/apply-messages.ts';
import { serversOf } from '../../../src/stream/stream-settings.ts';
import { LeakError } from '../../../src/errors.ts';

const calls = (ids: string[]) => writeCsv(tempDir(), 'calls.csv', CALL_HEADER, ids.map((id) => callRow({ id, member: 'M-000001', start: '2026-11-20T14:00:00Z' })));

describe.skipIf(!natsServerBinary)('producers', { timeout: 120_000 }, () => {
  const server = useNatsServer();

  it('refuses every file when one fails the whole-file checks, before sending anything', async () => {
    const settings = settingsFor(server().url, { name: 'REFUSED', prefix: 'refused' });
    const bad = writeCsv(tempDir(), 'members.csv', 'member_id,plan', ['M-000001,MAPD']);
    const err = await publishFiles(settings, [{ kind: 'calls', file: calls(['c1']) }, { kind: 'members', file: bad }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LeakError);
    expect((err as LeakError).message).toMatch(/^members\.csv is not a members\.csv file: missing columns enrolled_on, language/);
    const nc = await connect({ servers: serversOf(server().url) });
    expect((await (await jetstreamManager(nc)).streams.info('REFUSED')).state.messages).toBe(0);
    await nc.close();
  });

  it('refuses a row larger than a message may be, after publishing the rows before it', async () => {
    const settings = settingsFor(server().url, { name: 'HUGE', prefix: 'huge' });
    const huge = `c2,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,r,A1,resolved,,,,${'x'.repeat(1_100_000)}`;
    const file = writeCsv(tempDir(), 'calls.csv', CALL_HEADER, [callRow({ id: 'c1', member: 'M-000001', start: '2026-11-20T14:00:00Z' }), huge]);
    const err = await publishFiles(settings, [{ kind: 'calls', file }]).catch((e: unknown) => e);
    expect((err as LeakError).message).toMatch(/^calls\.csv line 3: the row takes 1,100,\d{3} bytes, more than the event log takes in one message \(1,048,576\); the rows before it were published\.$/);
    const nc = await connect({ servers: serversOf(server().url) });
    expect((await (await jetstreamManager(nc)).streams.info('HUGE')).state.messages).toBe(1);
    await nc.close();
  });

  it('says in one line when the event log cannot be reached', async () => {
    const down = await startNatsServer();
    await down.stop();
    const err = await publishFiles(settingsFor(down.url), [{ kind: 'calls', file: calls(['c1']) }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LeakError);
    expect((err as LeakError).message).toMatch(new RegExp(`^Cannot reach the event log at ${down.url} \\(.+\\)\\. Is nats-server -js running there\\?$`));
  });

  it('a consumer started before its server keeps trying, and consumes once the server is up', async () => {
    const late = await startNatsServer();
    await late.stop();
    const settings = settingsFor(late.url);
    const deps = makeDeps();
    const log: string[] = [];
    const events: (() => void)[] = [];
    const consumer = startStreamConsumer(deps.store, deps.config, settings, { log: (l) => (log.push(l), events.forEach((e) => e())), onBatch: () => events.forEach((e) => e()) });
    try {
      await waitUntil(() => log.some((l) => l.startsWith('Stream: Cannot reach the event log')), (c) => events.push(c), 'the first failed attempt');
      await late.start();
      const summary = await publishFiles(settings, [{ kind: 'calls', file: calls(['c1', 'c2']) }]);
      expect(summary).toMatchObject({ rows: 2, messages: 1, duplicates: 0 });
      await waitUntil(() => readAppliedSeq(deps.store, { stream: 'LEAK', consumer: 'leak' }) === 1, (c) => events.push(c), 'the message in the store');
    } finally {
      await consumer.stop();
    }
    expect(log.filter((l) => l.startsWith('Stream: Cannot reach')).length).toBe(1);
    expect(deps.store.sqlite.prepare('SELECT count(*) FROM call_logs_cleaned').pluck().get()).toBe(2);
  });

  it('simulate --live --publish with no history sends the members first, then the live rows', async () => {
    const settings = settingsFor(server().url, { name: 'LIVE', prefix: 'live' });
    let now = 0;
    const live = { speed: 3600, batchMs: 1000, now: () => now, sleep: async (ms: number) => void (now += ms), signal: new AbortController().signal, maxBatches: 2 };
    const r = await publishSimulation(settings, { timeZone: 'America/New_York' }, { seed: 3, scale: 0.002, days: 0, end: END, fixes: [] }, { live });
    expect(r.rows.members).toBe(10_000);
    expect(r.rows.digital).toBeGreaterThan(0);
    expect(r.simulatedTo).toBe(END + 2 * 3600_000);
    const deps = makeDeps();
    const { consumer } = await consumeUntil(deps.store, deps.config, settings, r.tally.messages);
    await consumer.stop();
    expect(deps.store.sqlite.prepare('SELECT count(*) FROM member_profiles').pluck().get()).toBe(10_000);
    expect(deps.store.sqlite.prepare('SELECT count(*) FROM digital_journeys_cleaned').pluck().get()).toBe(r.rows.digital);
  });
});
