/** `import --members F --digital F --calls F`: loads contract CSVs into bronze, then runs the pipeline. */
import { checkCsvFile, loadCsvFile, type ImportResult } from '../src/ingest/import-csv.ts';
import type { SourceKind } from '../src/ingest/contract.ts';
import { runPipeline, type PipelineResult } from '../src/pipeline/run-pipeline.ts';
import { formatCount } from '../src/format.ts';
import { LeakError } from '../src/errors.ts';
import { holdsSimulatedData } from '../src/import-batches/provenance.ts';
import { badArgument } from './args.ts';
import { defineCommand, TERMINAL_ONLY } from './command.ts';

type ImportArgs = { files: { kind: SourceKind; file: string }[] };
export type ImportCommandResult = { imports: ImportResult[]; pipeline: PipelineResult };

const KINDS: SourceKind[] = ['members', 'digital', 'calls'];

export default defineCommand({
  name: 'import',
  summary: 'Load contract CSV files (members, digital events, calls) and update every answer',
  args: {
    positionals: [],
    options: [
      { name: 'members', type: 'string', value: 'FILE', description: 'members.csv' },
      { name: 'digital', type: 'string', value: 'FILE', description: 'digital_events.csv' },
      { name: 'calls', type: 'string', value: 'FILE', description: 'calls.csv' },
    ],
  },
  query: false,
  surfaces: TERMINAL_ONLY,
  createsStore: true,
  terminalOnlyBecause: 'it reads or writes files on the server',
  examples: [{ line: 'import --members members.csv --digital digital_events.csv --calls calls.csv', what: 'load the contract files (any subset)' }],
  parse: (parsed): ImportArgs => {
    const files = KINDS.filter((k) => typeof parsed.values[k] === 'string').map((kind) => ({ kind, file: parsed.values[kind] as string }));
    if (files.length === 0) throw badArgument('Nothing to import: give at least one of --members FILE, --digital FILE, --calls FILE.');
    return { files };
  },
  // Every file is checked before any is loaded: one refused file refuses the command, so
  // "Nothing was loaded" stays true and no half-import waits for a later pipeline run.
  // Members first, so segments are right from the first pipeline run; the answers do not depend on it.
  run: async (args: ImportArgs, ctx): Promise<ImportCommandResult> => {
    // Real and simulated data never mix: figures from a blend would describe no real plan.
    if (holdsSimulatedData(ctx.store)) {
      throw new LeakError(
        'conflict',
        `This store (${ctx.store.file}) holds simulated data, and real and simulated data never mix. Import into a new store: LEAK_DB=./data/real.db npm run -s leak -- import …, then LEAK_DB=./data/real.db npm start.`,
      );
    }
    const checked = [];
    for (const { kind, file } of args.files) checked.push(await checkCsvFile(kind, file));
    const imports: ImportResult[] = checked.map((csv) => loadCsvFile(ctx.store, csv));
    const pipeline = runPipeline(ctx.store, ctx.config);
    return { imports, pipeline };
  },
  renderText: (r: ImportCommandResult) =>
    [
      ...r.imports.map((i) => {
        if (i.skipped) return `${i.file}: already imported (batch ${i.skipped.batchId}); nothing changed.`;
        const reasons = [...i.reasons].map(([code, n]) => `${code} ${formatCount(n)}`).join(', ');
        const empty = i.emptyLines ? `, ${formatCount(i.emptyLines)} empty line${i.emptyLines === 1 ? '' : 's'} skipped` : '';
        return `${i.file}: ${formatCount(i.loaded)} loaded, ${formatCount(i.quarantined)} quarantined${reasons ? ` (${reasons})` : ''}${empty}`;
      }),
      `Pipeline: ${r.pipeline.batches} batch(es), ${r.pipeline.changedDays.length} day(s) updated in ${Math.round(r.pipeline.ms)} ms.`,
      ...(r.imports.some((i) => i.quarantined > 0) ? ["See quarantined rows with: leak quarantine"] : []),
    ].join('\n'),
});
