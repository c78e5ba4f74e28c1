/**
 * npm start with LEAK_STREAM: the event log as a service. Which stores may consume it, the alerts
 * checked after each batch, the lag in the log, and the lag line on the Home tab through the real
 * Bolt app (a consumer held between batches is genuinely behind; released, it catches up).
 */
import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { CALL_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { END, simulatedStore } from '../../helpers/simulated.ts';
import { natsServerBinary, useNatsServer } from '../../helpers/nats-server.ts';
import { settingsFor, tempFolders, waitUntil } from '../../helpers/stream.ts';
import { startFakeSlack } from '../../helpers/fake-slack.ts';
import { startApp } from '../../helpers/start-app.ts';
import { appHomeOpenedEvent, eventEnvelope, eventRequest, USER } from '../../helpers/slack-request.ts';
import { startEventLog, startEventLogIfConfigured } from '../../../src/services/event-log.ts';
import { startServices } from '../../../src/services/start-services.ts';
import { applyMessages, readAppliedSeq } from '../../../src/stream/apply-messages.ts';
import { encodeMessage } from '../../../src/stream/messages.ts';
import { StreamPublisher } from '../../../src/stream/publisher.ts';
import { publishFiles } from '../../../src/stream/publish-csv.ts';
import type { StreamSettings } from '../../../src/stream/stream-settings.ts';
import { queryHome } from '../../../src/slack/home/query.ts';
import { describeError } from '../../../src/errors.ts';

const collect = (lines: string[]) => ({ info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) });
const FAILED_CALL = `cf1,M-000001,${new Date(END - 3_600_000).toISOString()},${new Date(END - 3_300_000).toISOString()},voice,billing,A101,failed,,,,`;
const OK_CALL = (id: string) => `${id},M-000001,2026-11-24T14:00:00Z,2026-11-24T14:05:00Z,voice,billing,A101,resolved,,,,`;

/** Publishes the lines as a calls file, one row per message; resolves with the stream's last sequence. */
async function publishCalls(settings: StreamSettings, lines: string[]): Promise<number> {
  const pub = await StreamPublisher.open(settings);
  await publishFiles(pub, [{ kind: 'calls', file: writeCsv(tempDir(), 'calls.csv', CALL_HEADER, lines) }], { maxRows: 1 });
  await pub.close();
  return pub.lastSeq;
}

describe('which stores consume the event log (npm start with LEAK_STREAM)', () => {
  it('none without LEAK_STREAM; LEAK_SIMULATE=on with it is refused in one line; so is a store the local simulator wrote', async () => {
    expect(startEventLogIfConfigured(makeDeps())).toBeUndefined();
    const on = makeDeps({ env: { LEAK_STREAM: 'nats://127.0.0.1:1', LEAK_SIMULATE: 'on' } });
    expect(() => startEventLogIfConfigured(on)).toThrow(/^LEAK_SIMULATE=on and LEAK_STREAM=nats:\/\/127\.0\.0\.1:1 both say what feeds this store, and one store takes one: unset LEAK_SIMULATE/);
    // A demo store of the local simulator, then started with LEAK_STREAM set.
    const { deps: simulated } = simulatedStore({ days: 1, env: tempFolders() });
    const config = { ...simulated.config, stream: { ...simulated.config.stream, url: 'nats://127.0.0.1:1' } };
    const err = await startServices({ ...simulated, config, log: collect([]) }, { inboxPollMs: 0 }).catch((e: unknown) => describeError(e));
    expect(err).toBe("This store (:memory:) holds the local simulator's data, and the event log's rows never join it. Consume into a store of its own: LEAK_DB=./data/stream.db LEAK_STREAM=nats://127.0.0.1:1 npm start");
  });

  it('a store once fed by an event log keeps the local simulator off when LEAK_STREAM is unset', async () => {
    const deps = makeDeps({ now: END, env: tempFolders() });
    const msg = { v: 1 as const, source: 'simulator' as const, file: 'simulator calls', header: CALL_HEADER, rows: [[2, OK_CALL('c1')] as [number, string]] };
    applyMessages(deps.store, { stream: 'LEAK', consumer: 'leak', prefix: 'leak', created: 'x' }, [{ seq: 1, subject: 'leak.calls', data: encodeMessage('leak.calls', msg).data }]);
    const lines: string[] = [];
    const services = await startServices({ ...deps, log: collect(lines) }, { inboxPollMs: 0 });
    for (const s of services) await s.stop();
    expect(lines[0]).toBe('The simulator is off: this store was fed by an event log (LEAK_STREAM); simulated data reach it from there (leak simulate --publish URL), or use a fresh LEAK_DB to simulate.');
    expect(services.map((s) => s.name)).not.toContain('simulator');
  });

  it('says on the Home tab that nothing has been read yet while the server cannot be reached', async () => {
    const deps = makeDeps({ now: END });
    const eventLog = startEventLog({ ...deps, log: collect([]) }, settingsFor('nats://127.0.0.1:1'));
    try {
      expect(queryHome({ ...deps, eventLog }).eventLog).toBe('Event log: no reading yet from nats://127.0.0.1:1.');
      expect(queryHome(deps).eventLog).toBeNull();
    } finally {
      await eventLog.stop();
    }
  });
});

describe.skipIf(!natsServerBinary)('the event log as a service', { timeout: 120_000 }, () => {
  const server = useNatsServer();

  it('checks the threshold alerts after each consumed batch, and logs falling behind and catching up', async () => {
    const settings = settingsFor(server().url, { name: 'ALERTS', prefix: 'alerts' });
    const lastSeq = await publishCalls(settings, [OK_CALL('c1'), FAILED_CALL, OK_CALL('c2')]);
    const deps = makeDeps({ now: END });
    const lines: string[] = [];
    const events: (() => void)[] = [];
    // behindMs 0: any message waiting counts as behind, so the log's lines can be seen without waiting for them.
    const eventLog = startEventLog({ ...deps, log: collect(lines) }, settings, { maxMessages: 1, lagEveryMs: 0, behindMs: 0, onBatch: () => events.forEach((e) => e()) });
    try {
      await waitUntil(() => readAppliedSeq(deps.store, { stream: 'ALERTS', consumer: 'leak' }) >= lastSeq, (c) => events.push(c), 'the calls in the store');
    } finally {
      await eventLog.stop();
    }
    const alerts = deps.store.sqlite.prepare('SELECT rule, text FROM alerts').all() as { rule: string; text: string }[];
    expect(alerts).toEqual([expect.objectContaining({ rule: 'failed_interaction', text: expect.stringMatching(/^Failed interaction: voice cf1 \(member M-000001, agent A101/) })]);
    expect(lines[0]).toBe(`Event log: consuming alerts.members, alerts.digital, alerts.calls from the stream ALERTS at ${server().url} (durable consumer leak) into :memory:; threshold alerts are checked after each batch.`);
    const lag = lines.filter((l) => l.startsWith('Event log: ') && !l.startsWith('Event log: consuming'));
    expect(lag[0]).toMatch(/^Event log: [1-3] messages? behind, the oldest waiting \d+ s\.$/);
    expect(lag.at(-1)).toMatch(/^Event log: caught up after \d+ s behind; up to date\.$/);
    expect(lag.length).toBe(2);
  });

  it('the Home tab (app_home_opened through the real Bolt app) shows how far behind the consumer is, then that it is up to date', async () => {
    const settings = settingsFor(server().url, { name: 'HOME', prefix: 'home' });
    const lastSeq = await publishCalls(settings, [OK_CALL('h1'), OK_CALL('h2'), OK_CALL('h3')]);
    const deps = makeDeps({ now: END });
    const events: (() => void)[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let firstApplied!: () => void;
    const first = new Promise<void>((r) => (firstApplied = r));
    // One message a batch; the first batch's follow-up is held, so the consumer stays two messages behind until released.
    const eventLog = startEventLog({ ...deps, log: collect([]) }, settings, {
      maxMessages: 1,
      lagEveryMs: 0,
      onBatch: async (b) => {
        if (b.firstSeq === 1) {
          firstApplied();
          await held;
        }
        events.forEach((e) => e());
      },
    });
    const slack = await startFakeSlack();
    const app = await startApp({ slack, deps: { ...deps, eventLog } });
    const homeText = async (n: number) => {
      await app.post(eventRequest(eventEnvelope(appHomeOpenedEvent(USER.id)), app.sign));
      const published = await slack.waitFor('views.publish', n);
      return JSON.stringify(published[n - 1].body.view.blocks);
    };
    try {
      await first;
      expect(await homeText(1)).toMatch(/\{"type":"context","elements":\[\{"type":"mrkdwn","text":"Event log: 2 messages behind, the oldest waiting \d+ s\.","verbatim":true\}\]\}/);
      release();
      await waitUntil(() => readAppliedSeq(deps.store, { stream: 'HOME', consumer: 'leak' }) >= lastSeq, (c) => events.push(c), 'the rest of the stream');
      expect(await homeText(2)).toContain('{"type":"context","elements":[{"type":"mrkdwn","text":"Event log: up to date.","verbatim":true}]}');
    } finally {
      release();
      await app.stop();
      await slack.close();
      await eventLog.stop();
    }
  });
});
