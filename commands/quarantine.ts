/** `leak quarantine [--file NAME] [--limit N]`: the rows imports rejected (src/import-batches/quarantine.ts). */
import { formatCount } from '../src/format.ts';
import { DEFAULT_LIMIT, queryQuarantine, type QuarantineQuery, type QuarantineResult } from '../src/import-batches/quarantine.ts';
import { badArgument, wholeArg } from './args.ts';
import { defineCommand, EVERYWHERE } from './command.ts';
import { JSON_OPTION } from './usage-line.ts';

/** The raw line as shown in text: enough to recognise the row without flooding a terminal. */
const RAW_SHOWN = 100;

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

export default defineCommand({
  name: 'quarantine',
  summary: 'List the rows imports rejected: file, line, reason and the raw line',
  args: {
    positionals: [],
    options: [
      { name: 'file', type: 'string', value: 'NAME', description: 'only rows from this file (its name, e.g. calls.csv)' },
      { name: 'limit', type: 'string', value: 'N', description: `list at most N rows (default ${DEFAULT_LIMIT})` },
      JSON_OPTION,
    ],
  },
  query: false,
  surfaces: EVERYWHERE,
  // Not a query (no --date to pin a share to), but it only reads.
  changes: () => false,
  examples: [{ line: 'quarantine --file calls.csv', what: 'the rows an import refused, and why' }],
  parse: (parsed): QuarantineQuery => {
    const limit = wholeArg(parsed, 'limit', 1, 100_000, DEFAULT_LIMIT)!;
    const file = typeof parsed.values.file === 'string' ? parsed.values.file.trim() : undefined;
    if (file === '') throw badArgument('--file needs a file name, e.g. --file calls.csv.');
    return { file, limit };
  },
  run: (args: QuarantineQuery, ctx) => queryQuarantine(ctx, args),
  renderText: renderQuarantine,
});
