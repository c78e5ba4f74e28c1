import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { CALL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { callRow } from '../../helpers/leak-fixture.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { applyMessages } from '../../../src/stream/apply-messages.ts';
import { encodeMessage, type RowsMessage } from '../../../src/stream/messages.ts';
import { LagReader, lagNews, newLagWatch } from '../../../src/stream/lag-reader.ts';
import type { StreamLag } from '../../../src/stream/cursor.ts';
import { settingsFor } from '../../helpers/stream.ts';

const KEY = { stream: 'LEAK', consumer: 'leak', prefix: 'leak', created: '2026-12-06T00:00:00Z' };
const message = (seq: number, source: RowsMessage['source'], id: string) => {
  const msg: RowsMessage = { v: 1, source, file: `${source} calls ${seq}`, header: CALL_HEADER, rows: [[2, callRow({ id, member: 'M-000001', start: '2026-11-20T14:00:00Z' })]] };
  return { seq, subject: 'leak.calls', data: encodeMessage('leak.calls', msg).data };
};
const count = (deps: ReturnType<typeof makeDeps>, sql: string) => deps.store.sqlite.prepare(sql).pluck().get();

describe('one store, one source: the consumer never mixes real and simulated rows', () => {
  it('on an empty store the first message decides; a message of the other source is quarantined whole with its subject and sequence', () => {
    const deps = makeDeps();
    const r = applyMessages(deps.store, KEY, [message(1, 'csv', 'c1'), message(2, 'simulator', 's1'), message(3, 'csv', 'c2')]);
    expect(r).toMatchObject({ messages: 3, loaded: 2, badMessages: 1, mixedSource: 1, appliedSeq: 3 });
    expect(deps.store.sqlite.prepare('SELECT DISTINCT source FROM import_batches').pluck().all()).toEqual(['csv']);
    const q = deps.store.sqlite.prepare('SELECT batch_id, file, reason_code, reason, subject, stream_seq FROM quarantine').all();
    expect(q).toEqual([
      {
        batch_id: 0, file: 'simulator calls 2', reason_code: 'mixed_source', subject: 'leak.calls', stream_seq: 2,
        reason: 'simulated rows in a store of real data: real and simulated data never mix (publish them under another LEAK_STREAM_PREFIX, consumed into a store of their own)',
      },
    ]);
  });

  it('a store of imported (real) data refuses simulated messages; a simulated one refuses real messages', async () => {
    const real = makeDeps();
    await importCsvFile(real.store, 'members', writeCsv(tempDir(), 'members.csv', MEMBER_HEADER, ['M-000001,MAPD,2026-06-01,en,1955,FL']));
    expect(applyMessages(real.store, KEY, [message(1, 'simulator', 's1')])).toMatchObject({ loaded: 0, mixedSource: 1, appliedSeq: 1 });
    const simulated = makeDeps();
    applyMessages(simulated.store, KEY, [message(1, 'simulator', 's1')]);
    expect(applyMessages(simulated.store, KEY, [message(2, 'csv', 'c1')])).toMatchObject({ loaded: 0, mixedSource: 1, appliedSeq: 2 });
    expect(count(simulated, 'SELECT count(*) FROM call_logs_raw')).toBe(1);
  });
});

describe('lag news: the log hears when the consumer falls behind, while it stays behind, and when it catches up', () => {
  const at = (s: number) => 1_000_000 + s * 1000;
  const lag = (s: number, pending: number, oldestAgeS: number | null): StreamLag => ({ pending, oldestAgeMs: oldestAgeS === null ? null : oldestAgeS * 1000, appliedSeq: 1, lastSeq: 1 + pending, at: at(s) });

  it('says nothing while within the threshold, once on falling behind, again only after repeatMs, once on catching up', () => {
    const w = newLagWatch();
    const said = [
      lagNews(w, lag(0, 0, null)),
      lagNews(w, lag(10, 40, 3)),
      lagNews(w, lag(20, 12_345, 125)),
      lagNews(w, lag(30, 9_000, 130)),
      lagNews(w, lag(85, 2_000, 90)),
      lagNews(w, lag(90, 0, null)),
      lagNews(w, lag(100, 0, null)),
    ];
    expect(said).toEqual([
      null,
      null,
      'Event log: 12,345 messages behind, the oldest waiting 2 min.',
      null,
      'Event log: 2,000 messages behind, the oldest waiting 2 min.',
      // Behind since the oldest message then waiting was stored: 125 s before second 20.
      'Event log: caught up after 3 min behind; up to date.',
      null,
    ]);
  });

  it('caught up to within the threshold says what is still in flight', () => {
    const w = newLagWatch();
    lagNews(w, lag(0, 500, 30));
    expect(lagNews(w, lag(20, 3, 1))).toBe('Event log: caught up after 50 s behind; 3 in flight, none waiting over 10 s.');
  });

  it('keeps the last reading for views that must not wait on the network', () => {
    const deps = makeDeps();
    const lines: string[] = [];
    const reader = new LagReader(deps.store, settingsFor('nats://127.0.0.1:1'), { log: (l) => lines.push(l) });
    expect(reader.last).toBeNull();
    reader.record(lag(0, 40, 30));
    expect(reader.last).toMatchObject({ pending: 40 });
    expect(lines).toEqual(['Event log: 40 messages behind, the oldest waiting 30 s.']);
  });
});
