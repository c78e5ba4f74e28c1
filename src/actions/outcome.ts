/**
 * The outcome of a shipped action: the targeted leak (journey, and segment / error message when
 * the action names them) in the 14 complete days before the ship date against the complete days
 * after it (up to LEAK_OUTCOME_FINAL_DAYS). The ship day itself is left out: it is half before,
 * half after. The daily series and Welch's t are the ones `leak impact` uses (src/leakage, src/before-after), so the
 * thread and the command judge a change the same way; only the windows differ, as the issue asks.
 */
import type { Context } from '../context.ts';
import { formatCount, formatMoney, formatPct, round1 } from '../format.ts';
import { dailySeries, type DayPoint } from '../leakage/daily-series.ts';
import { mean, welchTest } from '../before-after/statistics.ts';
import { addDays, daysBetween } from '../time.ts';
import { formatActionId, type Action } from './types.ts';

const BEFORE_DAYS = 14;

export type Side = { from: string; to: string; days: number; calls_per_day: number; cost_per_day: number; repeat_rate_pct: number | null; daily_calls: number[] };
export type Verdict = 'well outside normal variation' | 'outside normal variation' | 'within normal variation' | 'too short to judge';
export type Outcome = {
  as_of: string;
  afterDays: number;
  before: Side;
  after: Side;
  change_pct: number | null;
  /** Welch's t on daily calls (the same test `leak impact` uses); "well outside" is beyond twice the 95% critical value. */
  test: { t: number; df: number; critical: number } | null;
  verdict: Verdict;
  sentence: string;
};

/** Null until there is at least one complete day after the ship date. */
export function measureActionOutcome(ctx: Context, action: Pick<Action, 'journey' | 'segment' | 'errorMessage' | 'shipDate'>, today: string): Outcome | null {
  if (!action.shipDate) return null;
  const lastAfter = [addDays(today, -1), addDays(action.shipDate, ctx.config.actions.finalDays)].sort()[0];
  const afterDays = daysBetween(action.shipDate, lastAfter);
  if (afterDays < 1) return null;
  const filter = { journey: action.journey, segment: action.segment ?? undefined, errorMessage: action.errorMessage ?? undefined };
  const beforeSeries = dailySeries(ctx, filter, addDays(action.shipDate, -BEFORE_DAYS), addDays(action.shipDate, -1));
  const afterSeries = dailySeries(ctx, filter, addDays(action.shipDate, 1), lastAfter);
  const [before, after] = [side(beforeSeries, ctx.config.costPerCall), side(afterSeries, ctx.config.costPerCall)];
  // Judged on unrounded means; the rounded ones are for display.
  const [mb, ma] = [mean(before.daily_calls), mean(after.daily_calls)];
  const change = mb === 0 ? null : round1((100 * (ma - mb)) / mb);
  const w = welchTest(before.daily_calls, after.daily_calls);
  const verdict: Verdict = !w ? 'too short to judge' : !w.significant ? 'within normal variation' : Math.abs(w.t) >= 2 * w.critical ? 'well outside normal variation' : 'outside normal variation';
  const rate = (r: number | null) => (r === null ? 'n/a' : `${Math.round(r)}%`);
  const sentence =
    `Calls/day ${perDay(before.calls_per_day)} → ${perDay(after.calls_per_day)} (${formatPct(change, true).replace('-', '−')}), ` +
    `cost/day ${formatMoney(before.cost_per_day)} → ${formatMoney(after.cost_per_day)}, repeat rate ${rate(before.repeat_rate_pct)} → ${rate(after.repeat_rate_pct)}: ` +
    (w ? `the change is ${verdict}.` : 'too few days after shipping to judge against normal variation yet.');
  const test = w ? { t: Number.isFinite(w.t) ? round1(w.t) : w.t, df: round1(w.df), critical: w.critical } : null;
  return { as_of: today, afterDays, before, after, change_pct: change, test, verdict, sentence };
}

/** Small daily counts keep their decimal (6.5 is not 7); large ones read as 5,000. */
const perDay = (n: number) => (n >= 100 ? formatCount(n) : String(round1(n)));

function side(series: DayPoint[], costPerCall: number): Side {
  const calls = series.reduce((s, d) => s + d.calls, 0);
  const repeats = series.reduce((s, d) => s + d.repeats, 0);
  const days = series.length;
  return {
    from: series[0].date,
    to: series[days - 1].date,
    days,
    calls_per_day: round1(calls / days),
    cost_per_day: round1((calls / days) * costPerCall),
    repeat_rate_pct: calls ? round1((100 * repeats) / calls) : null,
    daily_calls: series.map((d) => d.calls),
  };
}

export function outcomeReplyText(action: Action, o: Outcome, step: 'interim' | 'final'): string {
  const id = formatActionId(action.id);
  const head = step === 'final'
    ? `Final outcome for ${id} (${o.before.days} days before ${action.shipDate} vs ${o.afterDays} days after):`
    : `Interim outcome for ${id} after ${o.afterDays} days (vs the ${o.before.days} days before ${action.shipDate}):`;
  return `${head} ${o.sentence}${step === 'final' ? ` ${id} is now measured and closed.` : ''}`;
}
