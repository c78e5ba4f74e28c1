/**
 * The rows imports rejected (quarantine), newest import first, each with its file, line, reason and
 * raw text, so a data owner can fix the source and re-import.
 */
import { LeakError } from '../errors.ts';
import type { Context } from '../context.ts';

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
  const rows = sqlite
    .prepare(
      `SELECT batch_id, file, line_no AS line, reason_code, reason, raw_line FROM quarantine ${where}
       ORDER BY batch_id DESC, line_no, id LIMIT @limit`,
    )
    .all({ file, limit: args.limit }) as QuarantineRow[];
  const total = reasons.reduce((s, r) => s + r.n, 0);
  return { file, total, shown: rows.length, by_reason: Object.fromEntries(reasons.map((r) => [r.reason_code, r.n])), rows };
}
