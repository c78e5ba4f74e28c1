import { describe, expect, it } from 'vitest';
import { connect } from '@nats-io/transport-node';
import { jetstreamManager } from '@nats-io/jetstream';
import { CALL_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { makeDeps } from '../../helpers/store.ts';
import { natsServerBinary, useNatsServer } from '../../helpers/nats-server.ts';
import { consumeUntil, settingsFor } from '../../helpers/stream.ts';
import { callRow } from '../../helpers/leak-fixture.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { StreamPublisher } from '../../../src/stream/publisher.ts';
import { publishFiles } from '../../../src/stream/publish-csv.ts';
import { serversOf } from '../../../src/stream/stream-settings.ts';
import type { Store } from '../../../db/open-db.ts';

const call = (id: string) => callRow({ id, member: 'M-000001', start: '2026-11-20T14:00:00Z' });

/** A calls file with every kind of bad line import knows, between good ones. */
const LINES = [
  call('c1'),
  'c2,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,route,A1,resolved,,,"said ""hi"", then\nhung up",',
  'c3,M-000001,"2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,route,A1,resolved,,,,',
  call('c4'),
  'c5,M-000001,2026-11-20T14:00:00Z',
  '',
  '   ',
  'c6,M-000001,2026-11-20T14:00:00Z,2026-11-20T13:00:00Z,voice,route,A1,resolved,,,,',
  'c7,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,carrier pigeon,route,A1,resolved,,,,',
  'c8,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,route,A1,resolved,,,a "quote" inside,',
  '\uFEFFc9,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,route,A1,resolved,,,,',
  call('c10'),
];

const rows = (store: Store, sql: string) => store.sqlite.prepare(sql).all();
const bronzeAndQuarantine = (store: Store) => ({
  bronze: rows(store, 'SELECT line_no, call_id, member_id, started_at, ended_at, interaction, survey_comment FROM call_logs_raw ORDER BY line_no'),
  quarantine: rows(store, 'SELECT file, line_no, raw_line, reason_code, reason FROM quarantine ORDER BY line_no'),
  batches: rows(store, 'SELECT source, kind, file, rows_loaded, rows_quarantined FROM import_batches'),
});

describe.skipIf(!natsServerBinary)('the consumer’s gate is import’s gate', { timeout: 120_000 }, () => {
  const server = useNatsServer();

  it('loads and quarantines every line of a file exactly as import does', async () => {
    const file = writeCsv(tempDir(), 'calls.csv', CALL_HEADER, LINES);
    const direct = makeDeps();
    await importCsvFile(direct.store, 'calls', file);
    const settings = settingsFor(server().url, { name: 'GATE', prefix: 'gate' });
    const pub = await StreamPublisher.open(settings);
    await publishFiles(pub, [{ kind: 'calls', file }]);
    await pub.close();
    const streamed = makeDeps();
    const { consumer } = await consumeUntil(streamed.store, streamed.config, settings, pub.lastSeq);
    await consumer.stop();
    const expected = bronzeAndQuarantine(direct.store);
    expect(expected.quarantine.length).toBeGreaterThanOrEqual(5);
    expect(bronzeAndQuarantine(streamed.store)).toEqual(expected);
  });

  it('quarantines unreadable messages with their subject and sequence, acknowledges them, and goes on', async () => {
    const settings = settingsFor(server().url, { name: 'BAD', prefix: 'bad' });
    const pub = await StreamPublisher.open(settings);
    const nc = await connect({ servers: serversOf(server().url) });
    const enc = (o: unknown) => new TextEncoder().encode(typeof o === 'string' ? o : JSON.stringify(o));
    const good = { v: 1, source: 'csv', file: 'calls.csv', header: CALL_HEADER, rows: [[2, call('c1')]] };
    const junk: [string, Uint8Array][] = [
      ['bad.calls', enc('this is not JSON')],
      ['bad.claims', enc(good)],
      ['bad.digital', enc({ v: 1, source: 'csv', file: 'd.csv', header: 'x', rows: 'none' })],
      ['bad.calls', enc({ ...good, header: 'call_id,member_id' })],
      ['bad.calls', new Uint8Array([0xff, 0xfe, 0x41])],
    ];
    const js = (await import('@nats-io/jetstream')).jetstream(nc);
    for (const [subject, data] of junk) await js.publish(subject, data);
    await nc.close();
    await publishFiles(pub, [{ kind: 'calls', file: writeCsv(tempDir(), 'calls.csv', CALL_HEADER, [call('c2'), call('c3')]) }]);
    await pub.close();

    const streamed = makeDeps();
    const { consumer, log } = await consumeUntil(streamed.store, streamed.config, settings, pub.lastSeq);
    await consumer.stop();
    const q = rows(streamed.store, 'SELECT batch_id, subject, stream_seq, reason_code, reason FROM quarantine ORDER BY stream_seq') as Record<string, unknown>[];
    expect(q.map((r) => [r.batch_id, r.subject, r.stream_seq, r.reason_code])).toEqual([
      [0, 'bad.calls', 1, 'bad_message'],
      [0, 'bad.claims', 2, 'bad_message'],
      [0, 'bad.digital', 3, 'bad_message'],
      [0, 'bad.calls', 4, 'bad_message'],
      [0, 'bad.calls', 5, 'bad_message'],
    ]);
    expect(q.map((r) => r.reason)).toEqual([
      expect.stringMatching(/^not JSON/),
      'unknown subject bad.claims: Leak reads bad.members, bad.digital and bad.calls',
      expect.stringMatching(/^not a rows message: rows /),
      expect.stringMatching(/missing columns started_at, ended_at, interaction, disposition/),
      'the payload is not UTF-8 text',
    ]);
    expect(rows(streamed.store, 'SELECT call_id FROM call_logs_cleaned ORDER BY call_id')).toEqual([{ call_id: 'c2' }, { call_id: 'c3' }]);
    expect(log.join('\n')).toMatch(/unreadable message\(s\) quarantined/);
    const mgr = await jetstreamManager(await connect({ servers: serversOf(server().url) }));
    const info = await mgr.consumers.info('BAD', 'leak');
    expect([info.num_pending, info.num_ack_pending, info.ack_floor.stream_seq]).toEqual([0, 0, pub.lastSeq]);
  });
});
