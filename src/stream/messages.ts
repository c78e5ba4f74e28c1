/**
 * The wire format: one JSON message holds consecutive rows of one contract file as they arrived
 * (each row's line number and raw CSV text) plus the file's name and header line, which is all the
 * bronze gate needs to read them exactly as `import` would. The subject says which source it is.
 *
 *   { "v": 1, "source": "csv", "file": "calls.csv", "header": "call_id,member_id,…", "rows": [[2, "C-1,M-100001,…"], …] }
 *
 * The message id is a hash of the subject and the body (file, header, line numbers and text), so the
 * same rows published twice carry the same id and JetStream stores them once within its duplicate window.
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { SOURCE_KINDS, type SourceKind } from '../ingest/contract.ts';
import { kindOf, subjectFor } from './stream-settings.ts';

export type Row = [lineNo: number, raw: string];

export type RowsMessage = { v: 1; source: 'csv' | 'simulator'; file: string; header: string; rows: Row[] };

/** Rows a message carries at most, and the text they may add up to (NATS refuses payloads over 1 MB by default). */
export const MESSAGE_ROWS = 1000;
export const MESSAGE_BYTES = 512 * 1024;

const rowsMessage = z.object({
  v: z.literal(1),
  source: z.enum(['csv', 'simulator']),
  file: z.string().min(1).max(1000),
  header: z.string().min(1).max(100_000),
  rows: z.array(z.tuple([z.number().int().min(1), z.string()])).min(1),
});

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true });

export function encodeMessage(subject: string, msg: RowsMessage): { data: Uint8Array; msgID: string } {
  const data = encoder.encode(JSON.stringify(msg));
  const msgID = crypto.createHash('sha256').update(subject).update('\n').update(data).digest('base64url').slice(0, 32);
  return { data, msgID };
}

export type Decoded =
  | { ok: true; kind: SourceKind; msg: RowsMessage }
  | { ok: false; code: 'bad_message'; reason: string; raw: string };

/** Most of a rejected message's text kept in quarantine: enough to recognise it, not a megabyte per row. */
const RAW_KEPT = 2000;

/** Reads a message from `subject`: a known source and a well-formed rows message, or why not. */
export function decodeMessage(prefix: string, subject: string, data: Uint8Array): Decoded {
  let text: string;
  try {
    text = decoder.decode(data);
  } catch {
    return bad('the payload is not UTF-8 text', Buffer.from(data.subarray(0, RAW_KEPT)).toString('latin1'));
  }
  const kind = kindOf(prefix, subject);
  if (!kind) return bad(`unknown subject ${subject}: Leak reads ${new Intl.ListFormat('en-GB').format(SOURCE_KINDS.map((k) => subjectFor(prefix, k)))}`, text);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return bad(`not JSON (${(e as Error).message})`, text);
  }
  const parsed = rowsMessage.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return bad(`not a rows message: ${issue.path.join('.') || 'the message'} ${issue.message} (expected {v:1, source, file, header, rows:[[line, text], …]})`, text);
  }
  return { ok: true, kind, msg: parsed.data as RowsMessage };
}

const bad = (reason: string, raw: string): Decoded => ({ ok: false, code: 'bad_message', reason, raw: keepRaw(raw) });

/** A rejected message's text as quarantine keeps it: at most RAW_KEPT characters, cut ones ending in "…". */
export const keepRaw = (raw: string) => (raw.length > RAW_KEPT ? `${raw.slice(0, RAW_KEPT - 1)}…` : raw);

/**
 * Cuts a file's rows into messages of at most MESSAGE_ROWS rows and about MESSAGE_BYTES of text,
 * always on the same boundaries for the same rows (so a republished file repeats its message ids).
 */
export class MessageCutter {
  private rows: Row[] = [];
  private bytes = 0;

  constructor(
    private readonly base: Omit<RowsMessage, 'rows'>,
    private readonly emit: (msg: RowsMessage) => void,
    private readonly maxRows = MESSAGE_ROWS,
  ) {}

  add(lineNo: number, raw: string): void {
    if (this.rows.length > 0 && (this.rows.length >= this.maxRows || this.bytes + raw.length > MESSAGE_BYTES)) this.flush();
    this.rows.push([lineNo, raw]);
    this.bytes += raw.length + 12;
  }

  flush(): void {
    if (this.rows.length === 0) return;
    this.emit({ ...this.base, rows: this.rows });
    this.rows = [];
    this.bytes = 0;
  }
}
