/**
 * The store side of consuming: a micro-batch of stream messages lands in one transaction, through
 * the same bronze gate as `import` (BronzeWriter, one CSV record at a time with addCsvRecord), with
 * the highest stream sequence it covers recorded beside the rows. A message at or below the recorded
 * sequence was applied before (a redelivery after a crash between commit and acknowledgement) and is
 * skipped. A message that cannot be read (not UTF-8 or JSON, wrong shape, unknown subject, a header
 * without the required columns) is quarantined whole with its subject and sequence. So is one whose
 * source (`csv` or `simulator`) is not the store's: real and simulated rows never share a store, and
 * the first rows a store holds decide which it is.
 */
import type { Store } from '../../db/open-db.ts';
import { BronzeWriter } from '../ingest/bronze-writer.ts';
import { SOURCE_KINDS, type SourceKind } from '../ingest/contract.ts';
import { splitCsv, type CsvRecord } from '../ingest/csv-records.ts';
import { addCsvRecord, mapHeader } from '../ingest/import-csv.ts';
import { storeSource } from '../ingest/provenance.ts';
import { decodeMessage, keepRaw, type RowsMessage } from './messages.ts';

export type StreamedMessage = { seq: number; subject: string; data: Uint8Array };

/** Which stream position: a stream and durable consumer, and (when known) when the server created that stream. */
export type OffsetKey = { stream: string; consumer: string; created?: string };

export type ApplyResult = {
  /** Messages applied now, and those skipped as already applied (redeliveries). */
  messages: number;
  redelivered: number;
  loaded: number;
  quarantined: number;
  badMessages: number;
  /** Of badMessages, those refused for their source (simulated rows in a store of real data, or the reverse). */
  mixedSource: number;
  /** The applied sequence after this batch. */
  appliedSeq: number;
};

/** The quarantine's batch id for messages rejected whole: they belong to no import batch. */
export const MESSAGE_BATCH = 0;

/**
 * The highest sequence applied from the stream. A stream of the same name created at another time
 * was deleted and made again: its sequences start over, so nothing of it has been applied yet.
 */
export function readAppliedSeq(store: Store, key: OffsetKey): number {
  const row = store.sqlite.prepare('SELECT applied_seq AS seq, stream_created AS created FROM stream_offsets WHERE stream = ? AND consumer = ?').get(key.stream, key.consumer) as
    | { seq: number; created: string }
    | undefined;
  if (!row || (key.created !== undefined && row.created !== key.created)) return 0;
  return row.seq;
}

type Good = { seq: number; subject: string; kind: SourceKind; msg: RowsMessage; positions: number[]; headerWidth: number };
type Bad = { seq: number; subject: string; file: string; reason: string; raw: string; code?: 'mixed_source' };

/**
 * `sorted`: the batch in stream order (ascending sequence), as the consumer sorts it for its gap
 * check. The applied sequence is read again inside the write transaction: the redelivery check holds
 * against the position committed with the rows, whatever was read before it.
 */
export function applyMessages(store: Store, key: Required<OffsetKey> & { prefix: string }, sorted: StreamedMessage[]): ApplyResult {
  const { sqlite } = store;
  const run = sqlite.transaction((): ApplyResult => {
    const before = readAppliedSeq(store, key);
    const fresh = sorted.filter((m, i) => m.seq > before && (i === 0 || m.seq !== sorted[i - 1].seq));
    const result: ApplyResult = { messages: fresh.length, redelivered: sorted.length - fresh.length, loaded: 0, quarantined: 0, badMessages: 0, mixedSource: 0, appliedSeq: before };
    if (fresh.length === 0) return result;
    const read: Good[] = [];
    const bad: Bad[] = [];
    for (const m of fresh) readMessage(key.prefix, m, read, bad);
    const good = oneSource(store, read, bad);
    // Per kind, in stream order; a new bronze batch whenever the file (or its header) changes, so
    // rows keep the order they were published in and each batch names the file its rows came from.
    for (const kind of SOURCE_KINDS) {
      let writer: BronzeWriter | undefined;
      let current = '';
      for (const g of good) {
        if (g.kind !== kind) continue;
        const id = `${g.msg.source}\n${g.msg.file}\n${g.msg.header}`;
        if (!writer || id !== current) {
          if (writer) tallyCommit(writer, result);
          writer = new BronzeWriter(store, { source: g.msg.source, kind, file: g.msg.file });
          writer.open();
          current = id;
        }
        for (const [lineNo, raw] of g.msg.rows) addCsvRecord(writer, recordOf(lineNo, raw), g.positions, g.headerWidth);
      }
      if (writer) tallyCommit(writer, result);
    }
    const quarantine = sqlite.prepare(
      'INSERT INTO quarantine (batch_id, file, line_no, raw_line, reason_code, reason, subject, stream_seq) VALUES (?, ?, 0, ?, ?, ?, ?, ?)',
    );
    for (const b of bad) quarantine.run(MESSAGE_BATCH, b.file, b.raw, b.code ?? 'bad_message', b.reason, b.subject, b.seq);
    result.badMessages = bad.length;
    result.mixedSource = bad.filter((b) => b.code === 'mixed_source').length;
    result.appliedSeq = fresh[fresh.length - 1].seq;
    sqlite
      .prepare(
        `INSERT INTO stream_offsets (stream, consumer, applied_seq, stream_created, applied_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (stream, consumer) DO UPDATE SET applied_seq = excluded.applied_seq, stream_created = excluded.stream_created, applied_at = excluded.applied_at`,
      )
      .run(key.stream, key.consumer, result.appliedSeq, key.created, Date.now());
    return result;
  });
  return run.immediate();
}

/** The messages of the store's source (on an empty store, of the first message's); the others are quarantined whole. */
function oneSource(store: Store, good: Good[], bad: Bad[]): Good[] {
  let owner = storeSource(store);
  return good.filter((g) => {
    owner ??= g.msg.source;
    if (g.msg.source === owner) return true;
    const [what, store_] = g.msg.source === 'simulator' ? ['simulated rows', 'real data'] : ['real rows', 'simulated data'];
    const reason = `${what} in a store of ${store_}: real and simulated data never mix (publish them under another LEAK_STREAM_PREFIX, consumed into a store of their own)`;
    bad.push({ seq: g.seq, subject: g.subject, file: g.msg.file, reason, raw: keepRaw(JSON.stringify(g.msg)), code: 'mixed_source' });
    return false;
  });
}

function tallyCommit(writer: BronzeWriter, result: ApplyResult): void {
  const r = writer.commit();
  result.loaded += r.loaded;
  result.quarantined += r.quarantined;
}

function readMessage(prefix: string, m: StreamedMessage, good: Good[], bad: Bad[]): void {
  const decoded = decodeMessage(prefix, m.subject, m.data);
  if (!decoded.ok) {
    bad.push({ seq: m.seq, subject: m.subject, file: `message ${m.seq}`, reason: decoded.reason, raw: decoded.raw });
    return;
  }
  const { kind, msg } = decoded;
  const header = recordOf(1, msg.header);
  try {
    if (header.fields === undefined) throw new Error(`the header cannot be read (${header.error})`);
    good.push({ seq: m.seq, subject: m.subject, kind, msg, positions: mapHeader(header.fields, kind, msg.file), headerWidth: header.fields.length });
  } catch (e) {
    bad.push({ seq: m.seq, subject: m.subject, file: msg.file, reason: (e as Error).message, raw: msg.header });
  }
}

/**
 * One line as the file's own splitting saw it. A leading line break keeps splitCsv from taking a
 * byte-order mark at the start of a row for the file's; an empty line is the blank record a file
 * holds there; a line holding more than one record did not come from a file.
 */
export function recordOf(lineNo: number, raw: string): CsvRecord {
  const records = splitCsv(`\n${raw}`);
  records.next();
  const first = records.next();
  if (first.done) return { lineNo, raw, fields: [''] };
  if (!records.next().done) return { lineNo, raw, error: 'a streamed line holds more than one CSV record' };
  return { ...first.value, lineNo };
}
