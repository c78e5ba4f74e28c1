/**
 * `leak cube`: slicing for the analyst (src/leakage/cube.ts). Dimensions and measures are checked
 * against the cube's whitelist here, so nothing a user types reaches the SQL text.
 */
import { formatCount, formatMoney, formatPct, renderTable } from '../src/format.ts';
import { DIMENSIONS, MEASURES, queryCube, type CubeArgs, type CubeResult, type Dimension, type Measure } from '../src/leakage/cube.ts';
import type { Context } from '../src/context.ts';
import { badArgument, checkDateText, RANGE_OPTIONS, rangeArgs } from './args.ts';
import { defineCommand, EVERYWHERE, type ParsedArgs } from './command.ts';

const SHOWN_ROWS = 50;

function formatMeasure(measure: Measure, v: number | null): string {
  if (v === null) return 'n/a';
  if (measure === 'cost') return formatMoney(v);
  if (measure === 'repeat_pct') return formatPct(v);
  if (measure === 'avg_sentiment') return v.toFixed(2);
  if (measure === 'handle_time') return `${formatCount(v)} s`;
  return formatCount(v);
}

function renderCube(r: CubeResult): string {
  const filters = Object.entries(r.where).map(([d, vs]) => `${d}=${vs!.join('|')}`);
  const head = `${r.measure} of leaked calls${r.by.length ? ` by ${r.by.join(', ')}` : ''}, ${r.from === r.to ? r.from : `from ${r.from} to ${r.to}`}${filters.length ? ` where ${filters.join(' and ')}` : ''}`;
  if (!r.rows.length) {
    const hints = r.unmatched.map((u) => ` No leaked call has ${u.dimension}=${u.value}${u.seen.length ? `; ${u.dimension} values: ${u.seen.join(', ')}` : ''}.`);
    return `${head}: no leaked calls.${hints.join('')}`;
  }
  const shown = r.rows.slice(0, SHOWN_ROWS);
  // Every measure but calls itself is shown next to the calls it rests on.
  const cells = (value: number | null, calls: number) => (r.measure === 'calls' ? [formatMeasure(r.measure, value)] : [formatMeasure(r.measure, value), formatCount(calls)]);
  const table = renderTable(
    [...(r.by.length ? r.by : ['']), r.measure, ...(r.measure === 'calls' ? [] : ['calls'])],
    [
      ...shown.map((row) => [...(r.by.length ? r.by.map((d) => row[d] ?? '') : ['all']), ...cells(row.value, row.calls)]),
      ...(r.by.length ? [['total', ...r.by.slice(1).map(() => ''), ...cells(r.total.value, r.total.calls)]] : []),
    ],
  );
  const more = r.rows.length > SHOWN_ROWS ? `\n… ${r.rows.length - SHOWN_ROWS} more rows (use --json for all).` : '';
  const note = r.repeat_note ? `\n${r.repeat_note.charAt(0).toUpperCase()}${r.repeat_note.slice(1)}` : '';
  return `${head}\n\n${table}${more}${note}`;
}

function dimension(name: string, where: string): Dimension {
  const d = name.trim().toLowerCase();
  if (!(DIMENSIONS as readonly string[]).includes(d)) throw badArgument(`Unknown dimension "${name}" in ${where}. Dimensions: ${DIMENSIONS.join(', ')}.`);
  return d as Dimension;
}

function parseCube(parsed: ParsedArgs, ctx: Context): CubeArgs {
  const m = parsed.values.measure;
  const measure = (typeof m === 'string' ? m.trim().toLowerCase() : 'calls') as Measure;
  if (!MEASURES.includes(measure)) throw badArgument(`Unknown measure "${m}". Measures: ${MEASURES.join(', ')}.`);
  const byText = typeof parsed.values.by === 'string' ? parsed.values.by : '';
  const by = byText.split(',').filter((s) => s.trim()).map((s) => dimension(s, '--by'));
  if (new Set(by).size !== by.length) throw badArgument(`--by names a dimension twice (${byText}); give each once.`);
  const where: CubeArgs['where'] = {};
  for (const w of (parsed.values.where as string[] | undefined) ?? []) {
    const eq = w.indexOf('=');
    if (eq < 1 || eq === w.length - 1) throw badArgument(`--where must be DIM=VALUE, e.g. --where journey=billing (got "${w}"). Dimensions: ${DIMENSIONS.join(', ')}.`);
    const d = dimension(w.slice(0, eq), '--where');
    const value = w.slice(eq + 1).trim();
    if (d === 'date') checkDateText('--where date=', value);
    (where[d] ??= []).push(value);
  }
  return { measure, by, where, ...rangeArgs(parsed, ctx) };
}

export default defineCommand({
  name: 'cube',
  summary: 'Slice leaked calls: calls, cost, repeat %, sentiment or handle time by any dimensions, filtered',
  args: {
    positionals: [],
    options: [
      { name: 'measure', type: 'string', value: 'MEASURE', description: `${MEASURES.join(', ')} (default calls)` },
      { name: 'by', type: 'string', value: 'DIM[,DIM]', description: `group by any of ${DIMENSIONS.join(', ')}` },
      { name: 'where', type: 'string', value: 'DIM=VALUE', description: 'keep only matching calls (repeatable; same DIM twice = either)', multiple: true },
      ...RANGE_OPTIONS,
    ],
  },
  query: true,
  surfaces: EVERYWHERE,
  examples: [
    { line: 'cube --measure cost --by journey,segment', what: 'cost of leaked calls by journey and segment' },
    { line: 'cube --by device --where journey=billing --from 2026-11-01 --to 2026-11-20', what: 'one journey over a range' },
  ],
  parse: parseCube,
  run: (args: CubeArgs, ctx) => queryCube(ctx, args),
  renderText: renderCube,
});
