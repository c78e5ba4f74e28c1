/** `import --members F --digital F --calls F`: loads contract CSVs into bronze, then runs the pipeline. */
import { checkCsvFile, loadCsvFile, type ImportResult } from '../src/ingest/import-csv.ts';
import { SOURCES, type SourceKind } from '../src/ingest/contract.ts';
import { runPipeline, type PipelineResult } from '../src/pipeline/run-pipeline.ts';
import { formatCount } from '../src/format.ts';
import { LeakError } from '../src/errors.ts';
import { holdsSimulatedData } from '../src/import-batches/provenance.ts';
import { badArgument } from './args.ts';
import { defineCommand, TERMINAL_ONLY } from './command.ts';

/** A file without a kind (the inbox's) is told by its header. */
type ImportArgs = { files: { kind?: SourceKind; file: string }[] };
export type ImportCommandResult = { imports: ImportResult[]; pipeline: PipelineResult };

export default defineCommand({
  name: 'import',
  summary: `Load contract CSV files (${SOURCES.map((s) => s.label).join(', ')}) and update every answer`,
  args: {
    positionals: [],
    // One option per source, named by its kind: --members members.csv.
    options: SOURCES.map((s) => ({ name: s.kind, type: 'string' as const, value: 'FILE', description: s.file })),
  },
  query: false,
  surfaces: TERMINAL_ONLY,
  createsStore: true,
  terminalOnlyBecause: 'it reads or writes files on the server',
  examples: [{ line: `import ${SOURCES.map((s) => `--${s.kind} ${s.file}`).join(' ')}`, what: 'load the contract files (any subset)' }],
  parse: (parsed): ImportArgs => {
    const files = SOURCES.filter((s) => typeof parsed.values[s.kind] === 'string').map((s) => ({ kind: s.kind, file: parsed.values[s.kind] as string }));
    if (files.length === 0) throw badArgument(`Nothing to import: give at least one of ${SOURCES.map((s) => `--${s.kind} FILE`).join(', ')}.`);
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
