/**
 * "Is this worth fixing now?" Avoidable calls a day (measured: mean of the 7 complete days before
 * the date), cost per call, annual cost, and what a fix of N% is worth. Any input can be given
 * instead of measured, for what-if questions: `savings --calls 5000 --cost 8 --fix 10 --repeat-rate 28`.
 */
import { computeSavings, measureSavingsInputs, type SavingsFigures } from '../src/savings/savings.ts';
import { formatMoney, formatPerDay, renderTable, round1, spokenMoney } from '../src/format.ts';
import { badArgument, dateArg, journeyArg, numberArg } from './args.ts';
import { defineCommand, EVERYWHERE, type ParsedArgs } from './command.ts';
import type { Context } from '../src/context.ts';

const DEFAULT_FIX_PCT = 10;

export type SavingsArgs = { date: string; journey?: string; fix: number; calls?: number; cost?: number; repeatRate?: number };
export type SavingsResult = SavingsFigures & {
  journey: string | null;
  date: string;
  /** Which inputs were measured from the store and which were given. */
  sources: { calls_per_day: 'measured' | 'given'; cost_per_call: 'config' | 'given'; repeat_rate_pct: 'measured' | 'given' };
  baseline: { from: string; to: string };
  /** The days the measured repeat rate counts (the baseline's days whose look-back the history covers), or null when none does. */
  repeat_window: { from: string; to: string } | null;
  repeat_known_from: string | null;
  headline: string;
};

function querySavings(ctx: Context, a: SavingsArgs): SavingsResult {
  const m = measureSavingsInputs(ctx, { date: a.date, journey: a.journey });
  const figures = computeSavings({
    calls_per_day: a.calls ?? m.calls_per_day,
    cost_per_call: a.cost ?? m.cost_per_call,
    repeat_rate_pct: a.repeatRate ?? m.repeat_rate_pct,
    fix_pct: a.fix,
  });
  return {
    journey: a.journey ?? null,
    date: a.date,
    ...figures,
    sources: {
      calls_per_day: a.calls === undefined ? 'measured' : 'given',
      cost_per_call: a.cost === undefined ? 'config' : 'given',
      repeat_rate_pct: a.repeatRate === undefined ? 'measured' : 'given',
    },
    baseline: { from: m.baseline_from, to: m.baseline_to },
    repeat_window: m.repeat_from ? { from: m.repeat_from, to: m.baseline_to } : null,
    repeat_known_from: m.repeat_known_from,
    headline: headlineFor(a.journey, figures),
  };
}

function headlineFor(journey: string | undefined, f: SavingsFigures): string {
  const what = journey ? `The ${journey} leak` : 'The leak across all journeys';
  if (f.calls_per_day === 0) return `${what} has no measured calls in the 7 days before: nothing to save yet.`;
  return `${what} costs ${spokenMoney(f.annual_cost)} a year; fixing ${f.fix_pct}% of it saves ${spokenMoney(f.savings_per_year)} a year (${spokenMoney(f.savings_per_day)} a day, ${callsText(f.calls_avoided_per_day)} calls avoided a day).`;
}

const callsText = formatPerDay;

/** Where the repeat rate came from: given, the days it was measured on, or why it is unknown. */
function repeatSource(r: SavingsResult): string {
  if (r.sources.repeat_rate_pct === 'given') return 'given';
  const w = r.repeat_window;
  if (w) return w.from === r.baseline.from ? 'measured, same days' : `measured ${w.from}..${w.to} (earlier days' 7-day look-back is before the first call)`;
  return r.repeat_known_from ? `7-day look-back before the store's first call; known from ${r.repeat_known_from}` : 'no calls to measure';
}

/** The fix rate: --fix, else a number positional (`savings billing 10`), else 10%. */
function fixArg(parsed: ParsedArgs, positional: string | undefined): number {
  if (parsed.values.fix !== undefined) return numberArg(parsed, 'fix', 0, 100)!;
  if (positional === undefined) return DEFAULT_FIX_PCT;
  const n = /^[+-]?(\d+(\.\d*)?|\.\d+)%?$/.test(positional.trim()) ? Number(positional.trim().replace('%', '')) : Number.NaN;
  if (!(n >= 0 && n <= 100)) throw badArgument(`The fix rate must be a number from 0 to 100 (got ${JSON.stringify(positional)}). Usage: ${parsed.usage}`);
  return n;
}

const isNumberLike = (s: string) => /^[+-]?[\d.]+%?$/.test(s.trim());

export default defineCommand({
  name: 'savings',
  summary: 'Is this worth fixing: avoidable calls, annual cost, and what an N% fix saves (inputs can be overridden)',
  args: {
    positionals: [
      { name: 'JOURNEY', description: 'one journey (default: all journeys)' },
      { name: 'FIX%', description: `the same as --fix, e.g. 'savings billing 10'` },
    ],
    options: [
      { name: 'fix', type: 'string', value: 'PCT', description: `share of the leak the fix removes, 0-100 (default ${DEFAULT_FIX_PCT})` },
      { name: 'calls', type: 'string', value: 'N', description: 'avoidable calls a day (default: mean of the 7 days before the date)' },
      { name: 'cost', type: 'string', value: 'DOLLARS', description: 'cost per call (default: LEAK_COST_PER_CALL)' },
      { name: 'repeat-rate', type: 'string', value: 'PCT', description: 'share of those calls that are repeat calls, 0-100 (default: measured)' },
    ],
  },
  query: true,
  surfaces: EVERYWHERE,
  examples: [
    { line: 'savings', what: 'what fixing it is worth', onStart: true },
    { line: 'savings billing 10', what: 'what a 10% fix of billing saves' },
    { line: 'savings --calls 5000 --cost 8 --fix 10 --repeat-rate 28', what: 'what-if, every input given' },
  ],
  parse: (parsed, ctx): SavingsArgs => {
    const [first, second] = parsed.positionals;
    const journeyText = first !== undefined && !(second === undefined && isNumberLike(first)) ? first : undefined;
    const fixText = journeyText === undefined ? first : second;
    return {
      date: dateArg(parsed, ctx, 'date', { reachBack: 7 }),
      journey: journeyArg(journeyText, ctx),
      fix: fixArg(parsed, fixText),
      calls: numberArg(parsed, 'calls', 0, 1e9),
      cost: numberArg(parsed, 'cost', 0, 10_000),
      repeatRate: numberArg(parsed, 'repeat-rate', 0, 100),
    };
  },
  run: (args: SavingsArgs, ctx) => querySavings(ctx, args),
  renderText: (r: SavingsResult) =>
    [
      r.headline,
      '',
      renderTable(
        ['', 'value', 'from'],
        [
          ['calls a day', callsText(r.calls_per_day), r.sources.calls_per_day === 'given' ? 'given' : `mean of ${r.baseline.from}..${r.baseline.to}`],
          ['cost per call', formatMoney(r.cost_per_call), r.sources.cost_per_call === 'given' ? 'given' : 'LEAK_COST_PER_CALL'],
          ['annual cost', formatMoney(r.annual_cost), 'calls × cost × 365'],
          ['repeat rate', r.repeat_rate_pct === null ? 'unknown' : `${round1(r.repeat_rate_pct)}%`, repeatSource(r)],
          [`at a ${r.fix_pct}% fix:`, '', ''],
          ['calls avoided a day', callsText(r.calls_avoided_per_day), ''],
          ['savings a day', formatMoney(r.savings_per_day), ''],
          ['savings a year', formatMoney(r.savings_per_year), ''],
          ['repeat calls avoided a day', r.repeat_calls_avoided_per_day === null ? 'unknown' : callsText(r.repeat_calls_avoided_per_day), ''],
        ],
      ),
    ].join('\n'),
});
