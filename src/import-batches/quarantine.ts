/**
 * The rows imports rejected (quarantine), newest import first, each with its file, line, reason and
 * raw text, so a data owner can fix the source and re-import. A members row may hold a name, birth
 * year and state: where members' details are not shown (Slack, by default), its text is left out,
 * and so is a personal value its reason quotes.
 */
import { LeakError } from '../errors.ts';
import { showsMemberDetails, type Context } from '../context.ts';

export type QuarantineRow = { batch_id: number; file: string; line: number; reason_code: string; reason: string; raw_line: string };
export type QuarantineResult = {
  file: string | null;
  /** Rows matching the filter, and how many of them are listed. */
  total: number;
  shown: number;
  by_reason: Record<string, number>;
  rows: QuarantineRow[];
};

export type QuarantineQuery = { file?: string; limit: number };

export const DEFAULT_LIMIT = 50;

export function queryQuarantine(ctx: Context, args: QuarantineQuery): QuarantineResult {
  const { sqlite } = ctx.store;
  const file = args.file ?? null;
  if (file !== null) {
    const known = sqlite.prepare('SELECT DISTINCT file FROM import_batches ORDER BY file').pluck().all() as string[];
    if (!known.includes(file)) {
      throw new LeakError(
        'bad_argument',
        known.length
          ? `No import of a file named "${file}". Imported files: ${known.join(', ')}.`
          : `No import of a file named "${file}": nothing has been imported yet.`,
      );
    }
  }
  const where = 'WHERE (@file IS NULL OR file = @file)';
  const reasons = sqlite
    .prepare(`SELECT reason_code, count(*) AS n FROM quarantine ${where} GROUP BY reason_code ORDER BY reason_code`)
    .all({ file }) as { reason_code: string; n: number }[];
  // A members row: from a members import, or an event-log message rejected whole that is not digital or calls (it may be members').
  const rows = sqlite
    .prepare(
      `SELECT q.batch_id, q.file, q.line_no AS line, q.reason_code, q.reason, q.raw_line,
         (b.kind = 'members' OR (q.batch_id = 0 AND coalesce(q.subject, '') NOT LIKE '%.digital' AND coalesce(q.subject, '') NOT LIKE '%.calls')) AS personal
       FROM quarantine q LEFT JOIN import_batches b ON b.batch_id = q.batch_id WHERE (@file IS NULL OR q.file = @file)
       ORDER BY q.batch_id DESC, q.line_no, q.id LIMIT @limit`,
    )
    .all({ file, limit: args.limit }) as (QuarantineRow & { personal: number })[];
  const shown = showsMemberDetails(ctx);
  const total = reasons.reduce((s, r) => s + r.n, 0);
  const listed = rows.map(({ personal, ...row }) => (personal && !shown ? withoutDetails(row) : row));
  return { file, total, shown: rows.length, by_reason: Object.fromEntries(reasons.map((r) => [r.reason_code, r.n])), rows: listed };
}

export const ROW_LEFT_OUT = "(the row's text is left out here: a members row may hold a name, birth year or state; the people in LEAK_PII_USERS see it)";
/** A reason that quotes a personal column's value ('birth_year "19x4" must be …'): the quote, in linear time. */
const QUOTED_DETAIL = /^(name|birth_year|state|enrolled_on) "(?:[^"\\]|\\.)*"/;

function withoutDetails(row: QuarantineRow): QuarantineRow {
  return { ...row, raw_line: ROW_LEFT_OUT, reason: row.reason.replace(QUOTED_DETAIL, '$1 (value left out)') };
}
