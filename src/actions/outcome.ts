/**
 * The outcome of a shipped action: the targeted leak (journey, and segment / error message when
 * the action names them) in the 14 complete days before the ship date (fewer in a younger store) against the complete days
 * after it (up to LEAK_OUTCOME_FINAL_DAYS). The ship day itself is left out: it is half before,
 * half after. The daily series and Welch's t are the ones `leak impact` uses (src/leakage, src/before-after), so the
 * thread and the command judge a change the same way; only the windows differ, as the issue asks.
 */
import type { Context } from '../context.ts';
import { formatMoney, formatPct, formatPerDay, pctChange, round1 } from '../format.ts';
import { dailySeries, type DayPoint } from '../leakage/daily-series.ts';
import { describeRepeatWarmUp, repeatKnownFrom } from '../pipeline/repeat-window.ts';
import { readCallSpan } from '../pipeline/call-span.ts';
import { mean, welchTest } from '../before-after/statistics.ts';
import { measureWindow } from '../before-after/measure.ts';
import { addDays, daysBetween } from '../time.ts';
import { formatActionId, type Action } from './types.ts';

const BEFORE_DAYS = 14;

/** repeat_rate_pct counts the side's days from repeat_from on: those whose 7-day look-back lies inside the store's history. */
export type Side = { from: string; to: string; days: number; calls_per_day: number; cost_per_day: number; repeat_rate_pct: number | null; repeat_from: string | null; daily_calls: number[] };
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
  /** Set when a side's repeat rate leaves out days whose look-back reaches before the store's first call. */
  repeat_note: string | null;
};

/**
 * The one definition of a shipped action's "after" window, for every place that shows or posts its
 * outcome (`action ship`/`show`, `impact A-3`, the thread's interim and final replies): the complete
 * days from the day after the ship date, up to the day before `asOf`, at most LEAK_OUTCOME_FINAL_DAYS,
 * and never past the store's last day of calls (days the store has no data for are not zero calls).
 * Null until there is one such day.
 */
function afterWindow(ctx: Context, shipDate: string, asOf: string, last: string | null): { from: string; to: string; days: number } | null {
  if (!last) return null;
  const to = [addDays(asOf, -1), addDays(shipDate, ctx.config.actions.finalDays), last].sort()[0];
  const days = daysBetween(shipDate, to);
  return days < 1 ? null : { from: addDays(shipDate, 1), to, days };
}

/** Why an action has no outcome yet: it has not shipped, no complete day after its ship date yet (see afterWindow), or no day before it in the store. */
export type NoOutcomeReason = 'not_shipped' | 'no_day_after' | 'no_day_before';
type Measured = { outcome: Outcome; reason: null } | { outcome: null; reason: NoOutcomeReason };
type Target = Pick<Action, 'journey' | 'segment' | 'errorMessage' | 'shipDate'>;

/** Null until there is an outcome; assessActionOutcome says why not. */
export function measureActionOutcome(ctx: Context, action: Target, today: string): Outcome | null {
  return assessActionOutcome(ctx, action, today).outcome;
}

/** The outcome as of `today`, or the reason there is none yet. */
export function assessActionOutcome(ctx: Context, action: Target, today: string): Measured {
  const none = (reason: NoOutcomeReason): Measured => ({ outcome: null, reason });
  if (!action.shipDate) return none('not_shipped');
  const span = readCallSpan(ctx.store.sqlite);
  const known = repeatKnownFrom(span.first);
  const window = afterWindow(ctx, action.shipDate, today, span.last);
  if (!window) return none('no_day_after');
  const { to: lastAfter, days: afterDays } = window;
  const filter = { journey: action.journey, segment: action.segment ?? undefined, errorMessage: action.errorMessage ?? undefined };
  // Nor are days before the store's first call zero calls: the before window starts there at the
  // earliest, and with no day before the ship date in the store there is nothing to compare with.
  const beforeFrom = [addDays(action.shipDate, -BEFORE_DAYS), span.first ?? ''].sort()[1];
  if (beforeFrom >= action.shipDate) return none('no_day_before');
  const beforeSeries = dailySeries(ctx, filter, beforeFrom, addDays(action.shipDate, -1));
  const afterSeries = dailySeries(ctx, filter, window.from, lastAfter);
  const [before, after] = [side(ctx, beforeSeries, known), side(ctx, afterSeries, known)];
  // Judged on unrounded means; the rounded ones are for display.
  const [mb, ma] = [mean(before.daily_calls), mean(after.daily_calls)];
  const change = pctChange(mb, ma);
  const w = welchTest(before.daily_calls, after.daily_calls);
  const verdict: Verdict = !w ? 'too short to judge' : !w.significant ? 'within normal variation' : Math.abs(w.t) >= 2 * w.critical ? 'well outside normal variation' : 'outside normal variation';
  const rate = (s: Side) => (s.repeat_rate_pct !== null ? `${Math.round(s.repeat_rate_pct)}%` : s.repeat_from === null ? 'unknown' : 'n/a');
  const sentence =
    `Calls/day ${formatPerDay(before.calls_per_day)} → ${formatPerDay(after.calls_per_day)} (${formatPct(change, true).replace('-', '−')}), ` +
    `cost/day ${formatMoney(before.cost_per_day)} → ${formatMoney(after.cost_per_day)}, repeat rate ${rate(before)} → ${rate(after)}: ` +
    (w ? `the change is ${verdict}.` : 'too few days after shipping to judge against normal variation yet.');
  const test = w ? { t: Number.isFinite(w.t) ? round1(w.t) : w.t, df: round1(w.df), critical: w.critical } : null;
  const repeatNote = known && [before, after].some((s) => s.repeat_from !== s.from) ? `${describeRepeatWarmUp(known).replace(/^r/, 'R')}.` : null;
  // The note travels with the sentence: the thread, the action's message and `impact A-3` all show it.
  const outcome = { as_of: today, afterDays, before, after, change_pct: change, test, verdict, sentence: repeatNote ? `${sentence} ${repeatNote}` : sentence, repeat_note: repeatNote };
  return { outcome, reason: null };
}

/** A side's figures are before-after's (measureWindow), rounded as the thread has always shown them: one decimal, cost at today's cost per call. */
function side(ctx: Context, series: DayPoint[], known: string | null): Side {
  const w = measureWindow(series, known);
  return {
    from: series[0].date,
    to: series[series.length - 1].date,
    days: w.days,
    calls_per_day: round1(w.calls_per_day),
    cost_per_day: round1(w.calls_per_day * ctx.config.costPerCall),
    repeat_rate_pct: w.repeat_rate_pct === null ? null : round1(w.repeat_rate_pct),
    repeat_from: w.repeat_from,
    daily_calls: w.daily_calls,
  };
}

export function outcomeReplyText(action: Action, o: Outcome, step: 'interim' | 'final'): string {
  const id = formatActionId(action.id);
  const head = step === 'final'
    ? `Final outcome for ${id} (${o.before.days} days before ${action.shipDate} vs ${o.afterDays} days after):`
    : `Interim outcome for ${id} after ${o.afterDays} days (vs the ${o.before.days} days before ${action.shipDate}):`;
  return `${head} ${o.sentence}${step === 'final' ? ` ${id} is now measured and closed.` : ''}`;
}
