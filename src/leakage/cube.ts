/**
 * Slicing for the analyst: one measure of the leaked calls, grouped by up to a few dimensions,
 * filtered by --where, over --from..--to. Column names come only from the whitelist below and
 * every value is bound, so nothing a user types reaches the SQL text. When every dimension used
 * is in gold's grain (date × journey × segment × device × channel) the answer reads gold's sums,
 * otherwise the leaked calls themselves; both give the same numbers.
 */
import { round1, round2 } from '../format.ts';
import { NO_VALUE } from './missing-values.ts';
import type { Context } from '../context.ts';
import { LAST_DATE } from '../time.ts';
import { describeRepeatWarmUp, readRepeatKnownFrom } from '../pipeline/repeat-window.ts';

export const DIMENSIONS = ['journey', 'segment', 'plan', 'language', 'age_group', 'device', 'channel', 'error_message', 'interaction', 'date'] as const;
export const MEASURES = ['calls', 'cost', 'repeat_pct', 'avg_sentiment', 'handle_time'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Measure = (typeof MEASURES)[number];

const GOLD_DIMENSIONS: readonly Dimension[] = ['date', 'journey', 'segment', 'device', 'channel'];
/** Repeats and the calls they are a share of count only days from @known on (see repeat-window.ts). */
const SOURCES = {
  gold: {
    table: 'daily_leakage_summary', date: 'date', calls: 'sum(calls)', sSum: 'sum(sentiment_end_sum)', sN: 'sum(sentiment_end_n)', handle: 'sum(handle_seconds)',
    repeats: 'sum(CASE WHEN date >= @known THEN repeats ELSE 0 END)', knownCalls: 'sum(CASE WHEN date >= @known THEN calls ELSE 0 END)',
  },
  silver: {
    table: 'digital_call_leakage', date: 'local_date', calls: 'count(*)', sSum: 'sum(sentiment_end)', sN: 'count(sentiment_end)', handle: 'sum(handle_seconds)',
    repeats: 'sum(CASE WHEN local_date >= @known THEN is_repeat ELSE 0 END)', knownCalls: 'sum(local_date >= @known)',
  },
};

export type CubeArgs = { measure: Measure; by: Dimension[]; where: Partial<Record<Dimension, string[]>>; from: string; to: string };
export type CubeRow = Partial<Record<Dimension, string>> & { value: number | null; calls: number };
export type CubeResult = { measure: Measure; by: Dimension[]; where: Partial<Record<Dimension, string[]>>; from: string; to: string; source: 'gold' | 'silver'; rows: CubeRow[]; total: { value: number | null; calls: number };
  /** For repeat_pct over days whose 7-day look-back reaches before the store's first call: which days it counts, and why. */
  repeat_note: string | null;
  /** When nothing matched: each --where value no leaked call in the range has, with the values that occur (likely a typo). */
  unmatched: { dimension: Dimension; value: string; seen: string[] }[] };

type Sums = { calls: number; repeats: number; known_calls: number; s_sum: number | null; s_n: number; handle: number };

function valueOf(measure: Measure, s: Sums, costPerCall: number): number | null {
  if (s.calls === 0) return measure === 'calls' || measure === 'cost' ? 0 : null;
  switch (measure) {
    case 'calls': return s.calls;
    case 'cost': return s.calls * costPerCall;
    case 'repeat_pct': return s.known_calls ? round1((100 * s.repeats) / s.known_calls) : null;
    case 'avg_sentiment': return s.s_n ? round2((s.s_sum ?? 0) / s.s_n) : null;
    case 'handle_time': return round1(s.handle / s.calls);
  }
}

export function queryCube(ctx: Context, args: CubeArgs): CubeResult {
  const used = [...args.by, ...(Object.keys(args.where) as Dimension[])];
  const sourceName = used.every((d) => GOLD_DIMENSIONS.includes(d)) ? 'gold' : 'silver';
  const src = SOURCES[sourceName];
  const column = (d: Dimension) => (d === 'date' ? src.date : d);
  const known = readRepeatKnownFrom(ctx.store.sqlite);
  const params: Record<string, string> = { from: args.from, to: args.to, known: known ?? LAST_DATE };
  const filters = Object.entries(args.where).map(([dim, values], i) => {
    const list = values!.map((v, j) => {
      params[`w${i}_${j}`] = v;
      return `@w${i}_${j}`;
    });
    const col = dim === 'error_message' ? `coalesce(error_message, '${NO_VALUE}')` : column(dim as Dimension);
    return `AND ${col} COLLATE NOCASE IN (${list.join(', ')})`;
  });
  const select = args.by.map((d) => `${column(d)} AS ${d}`);
  const sql = `SELECT ${[...select, `${src.calls} AS calls, ${src.repeats} AS repeats, ${src.knownCalls} AS known_calls, ${src.sSum} AS s_sum, ${src.sN} AS s_n, ${src.handle} AS handle`].join(', ')}
    FROM ${src.table} WHERE ${src.date} BETWEEN @from AND @to ${filters.join(' ')}
    ${args.by.length ? `GROUP BY ${args.by.map(column).join(', ')}` : ''}`;
  const groups = ctx.store.sqlite.prepare(sql).all(params) as (Sums & Record<string, string | null>)[];

  const { costPerCall } = ctx.config;
  const rows: CubeRow[] = groups
    .filter((g) => g.calls > 0)
    .map((g) => ({ ...Object.fromEntries(args.by.map((d) => [d, g[d] ?? NO_VALUE])), value: valueOf(args.measure, g, costPerCall), calls: g.calls }));
  const dims = args.by;
  rows.sort((a, b) => {
    if (dims.includes('date') && a.date !== b.date) return a.date! < b.date! ? -1 : 1;
    if (a.value !== b.value) return a.value === null ? 1 : b.value === null ? -1 : b.value - a.value;
    for (const d of dims) if (a[d] !== b[d]) return a[d]! < b[d]! ? -1 : 1;
    return 0;
  });
  const sum = (k: keyof Sums) => groups.reduce((s, g) => s + (g[k] ?? 0), 0);
  const totals: Sums = { calls: sum('calls'), repeats: sum('repeats'), known_calls: sum('known_calls'), s_sum: sum('s_sum'), s_n: sum('s_n'), handle: sum('handle') };
  const warmUp = args.measure === 'repeat_pct' && known !== null && args.from < known;
  return {
    measure: args.measure, by: args.by, where: args.where, from: args.from, to: args.to, source: sourceName, rows,
    total: { value: valueOf(args.measure, totals, costPerCall), calls: totals.calls },
    repeat_note: warmUp ? `${describeRepeatWarmUp(known)}; n/a where none of a row's calls are from then on.` : null,
    unmatched: rows.length ? [] : unmatchedValues(ctx, args),
  };
}

/** Only run when the answer is empty, so its extra reads cost nothing on the usual path. */
function unmatchedValues(ctx: Context, args: CubeArgs): CubeResult['unmatched'] {
  const out: CubeResult['unmatched'] = [];
  for (const [dim, values] of Object.entries(args.where) as [Dimension, string[]][]) {
    const col = dim === 'date' ? 'local_date' : dim === 'error_message' ? `coalesce(error_message, '${NO_VALUE}')` : dim;
    const seen = ctx.store.sqlite
      .prepare(`SELECT DISTINCT ${col} FROM digital_call_leakage WHERE local_date BETWEEN ? AND ? ORDER BY 1 LIMIT 30`)
      .pluck()
      .all(args.from, args.to) as string[];
    const lower = new Set(seen.map((v) => v.toLowerCase()));
    for (const value of values) if (!lower.has(value.toLowerCase())) out.push({ dimension: dim, value, seen });
  }
  return out;
}
