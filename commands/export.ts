/** `export --out DIR`: the store's current data as members.csv, digital_events.csv and calls.csv, re-importable elsewhere. */
import path from 'node:path';
import { exportCsv, type ExportResult } from '../src/simulator/export-csv.ts';
import { formatCount } from '../src/format.ts';
import { badArgument } from './args.ts';
import { defineCommand, TERMINAL_ONLY } from './command.ts';

export default defineCommand({
  name: 'export',
  summary: 'Write the current data as the three contract CSV files (members, digital events, calls)',
  args: { positionals: [], options: [{ name: 'out', type: 'string', value: 'DIR', description: 'directory to write members.csv, digital_events.csv, calls.csv into' }] },
  query: false,
  surfaces: TERMINAL_ONLY,
  terminalOnlyBecause: 'it reads or writes files on the server',
  examples: [{ line: 'export --out ./export', what: 'the data as the three contract CSV files' }],
  parse: (parsed): { dir: string } => {
    const out = parsed.values.out;
    if (typeof out !== 'string' || out.trim() === '') throw badArgument('Where to? Give --out DIR (it is created if missing).');
    return { dir: path.resolve(out) };
  },
  run: (args: { dir: string }, ctx): ExportResult => exportCsv(ctx.store, args.dir),
  renderText: (r: ExportResult) =>
    [...r.files.map((f) => `${f.file}: ${formatCount(f.rows)} rows`), `Re-import with: leak import --members ${path.join(r.dir, 'members.csv')} --digital ${path.join(r.dir, 'digital_events.csv')} --calls ${path.join(r.dir, 'calls.csv')}`].join('\n'),
});
