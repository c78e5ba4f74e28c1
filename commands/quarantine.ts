/**
 * `quarantine [--file NAME] [--limit N]`: the rows imports rejected, newest import first, each
 * with its file, line, reason and raw text, so a data owner can fix the source and re-import.
 */
import { formatCount } from '../src/format.ts';
import { badArgument, noMorePositionals, numberArg } from './args.ts';
import { defineCommand } from './types.ts';
import type { Context } from '../src/context.ts';

export type QuarantineRow = { batch_id: number; file: string; line: number; reason_code: string; reason: string; raw_line: string };
export type QuarantineResult = {
  file: string | null;
  /** Rows matching the filter, and how many of them are listed. */
  total: number;
  shown: number;
  by_reason: Record<string, number>;
  rows: QuarantineRow[];
};

type QuarantineArgs = { file?: string; limit: number };

export const DEFAULT_LIMIT = 50;
/** The raw line as shown in text: enough to recognise the row without flooding a terminal. */
export const RAW_SHOWN = 100;

export function queryQuarantine(ctx: Context, args: QuarantineArgs): QuarantineResult {
  const { sqlite } = ctx.store;
  const file = args.file ?? null;
  if (file !== null) {
    const known = sqlite.prepare('SELECT DISTINCT file FROM import_batches ORDER BY file').pluck().all() as string[];
    if (!known.includes(file)) {
      throw badArgument(
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

const truncate = (s: string) => {
  const one = s.replace(/\r?\n|\r/g, '⏎');
  return one.length > RAW_SHOWN ? `${one.slice(0, RAW_SHOWN - 1)}…` : one;
};

export function renderQuarantine(r: QuarantineResult): string {
  const where = r.file ? ` in ${r.file}` : '';
  if (r.total === 0) return `No quarantined rows${where}.`;
  const reasons = Object.entries(r.by_reason)
    .map(([code, n]) => `${code} ${formatCount(n)}`)
    .join(', ');
  const noun = r.total === 1 ? 'row' : 'rows';
  const showing = r.shown === r.total ? '' : ` Showing the first ${formatCount(r.shown)} (use --limit N for more).`;
  return [
    `${formatCount(r.total)} quarantined ${noun}${where} (${reasons}), newest import first.${showing}`,
    ...r.rows.flatMap((q) => ['', `batch ${q.batch_id}  ${q.file} line ${q.line}  ${q.reason_code}: ${q.reason}`, `  ${truncate(q.raw_line)}`]),
  ].join('\n');
}

export const quarantineCommand = defineCommand({
  name: 'quarantine',
  summary: 'List the rows imports rejected: file, line, reason and the raw line',
  options: [
    { name: 'file', type: 'string', value: 'NAME', description: 'only rows from this file (its name, e.g. calls.csv)' },
    { name: 'limit', type: 'string', value: 'N', description: `list at most N rows (default ${DEFAULT_LIMIT})` },
    { name: 'json', type: 'boolean', description: 'machine-readable output' },
  ],
  query: false,
  parse: (parsed): QuarantineArgs => {
    noMorePositionals(parsed, 0, 'leak quarantine [--file NAME] [--limit N] [--json]');
    const limit = numberArg(parsed, 'limit', 1, 100_000, DEFAULT_LIMIT)!;
    if (!Number.isInteger(limit)) throw badArgument(`--limit must be a whole number from 1 to 100000 (got "${parsed.values.limit}").`);
    const file = typeof parsed.values.file === 'string' ? parsed.values.file.trim() : undefined;
    if (file === '') throw badArgument('--file needs a file name, e.g. --file calls.csv.');
    return { file, limit };
  },
  run: (args: QuarantineArgs, ctx) => queryQuarantine(ctx, args),
  renderText: renderQuarantine,
});
