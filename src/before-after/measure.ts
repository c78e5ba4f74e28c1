/**
 * "How do we know it worked?" Daily leaked calls, cost and repeat-call rate in two equal windows:
 * the days before the pivot and the days from the pivot on. Only complete days the store holds count,
 * so a fix shipped three days ago is judged on three days a side, not on a half-empty week.
 */
import type { Context } from '../context.ts';
import { formatPerDay as perDay, pctChange, round1, round2, spokenMoney } from '../format.ts';
import { addDays, daysBetween } from '../time.ts';
import { dailySeries, measureRepeatRate, storeSpan, type DayPoint } from '../leakage/daily-series.ts';
import { describeRepeatWarmUp, repeatKnownFrom } from '../pipeline/repeat-window.ts';
import { describeCoverage } from '../leakage/coverage.ts';
import { readCallSpan } from '../pipeline/call-span.ts';
import { mean, welchTest } from './statistics.ts';

export type BeforeAfterInput = {
  journey: string;
  segment?: string;
  errorMessage?: string;
  pivot: string;
  beforeDays: number;
  afterDays: number;
  /** Measure as of this date: later days are not counted (default: the last complete day). */
  asOf?: string;
};

export type WindowStats = {
  from: string | null;
  to: string | null;
  days: number;
  calls: number;
  calls_per_day: number;
  cost_per_day: number;
  /**
   * Share of leaked calls that were repeat calls, in %, over the window's days from `repeat_from` on
   * (days whose 7-day look-back reaches before the store's first call are left out: unknown, not
   * low); null when no day of the window is counted, or those days have no calls.
   */
  repeat_rate_pct: number | null;
  repeat_from: string | null;
  daily_calls: number[];
};

export type BeforeAfter = {
  journey: string;
  segment: string | null;
  error_message: string | null;
  pivot: string;
  /** True when the windows are under a week and "before" is the same weekdays one week earlier. */
  same_weekdays: boolean;
  before: WindowStats;
  after: WindowStats;
  change: { calls_pct: number | null; cost_pct: number | null; repeat_rate_points: number | null };
  /** Set when a window's repeat rate leaves out warm-up days (or all of them), saying why. */
  repeat_note: string | null;
  /**
   * Welch's t-test on daily calls, before vs after, two-sided at 95%. Welch rather than a plain
   * t-test because a fix changes the spread as well as the level. null when either window has
   * fewer than two days: one day cannot show what normal variation is.
   */
  significant: boolean | null;
  test: { method: 'welch_t'; t: number | null; df: number; critical: number } | null;
  sentence: string;
};

export function measureBeforeAfter(ctx: Context, input: BeforeAfterInput): BeforeAfter {
  const callSpan = readCallSpan(ctx.store.sqlite);
  const known = repeatKnownFrom(callSpan.first);
  const store = storeSpan(ctx, callSpan);
  const span = store && input.asOf && input.asOf < store.lastComplete ? { ...store, lastComplete: input.asOf } : store;
  const filter = { journey: input.journey, segment: input.segment, errorMessage: input.errorMessage };
  // Equal windows: as many days a side as the shorter of what was asked and what the store has.
  const availableAfter = span && span.lastComplete >= input.pivot ? daysBetween(input.pivot, span.lastComplete) + 1 : 0;
  const availableBefore = span && span.first < input.pivot ? daysBetween(span.first, input.pivot) : 0;
  const n = Math.max(0, Math.min(input.beforeDays, input.afterDays, availableAfter, availableBefore));
  // Under a week a side, the adjacent days are other weekdays (a Monday peak against a quiet weekend
  // would read as a jump), so the before window is the same weekdays a week earlier when the store has them.
  const sameWeekdays = n > 0 && n < 7 && availableBefore >= 7;
  const beforeFrom = addDays(input.pivot, sameWeekdays ? -7 : -n);
  const before = n ? dailySeries(ctx, filter, beforeFrom, addDays(beforeFrom, n - 1)) : [];
  const after = n ? dailySeries(ctx, filter, input.pivot, addDays(input.pivot, n - 1)) : [];
  const [b, a] = [windowStats(before, known), windowStats(after, known)];
  const trimmed = [b, a].some((w) => w.days > 0 && w.repeat_from !== w.from);
  const test = welchTest(before.map((d) => d.calls), after.map((d) => d.calls));
  const result: BeforeAfter = {
    journey: input.journey,
    segment: input.segment ?? null,
    error_message: input.errorMessage ?? null,
    pivot: input.pivot,
    same_weekdays: sameWeekdays,
    before: b,
    after: a,
    change: {
      // From window totals, not the rounded per-day figures (equal windows, so totals compare like means).
      calls_pct: pctChange(sum(before, 'calls'), sum(after, 'calls')),
      cost_pct: pctChange(sum(before, 'cost'), sum(after, 'cost')),
      repeat_rate_points: b.repeat_rate_pct === null || a.repeat_rate_pct === null ? null : round1(a.repeat_rate_pct - b.repeat_rate_pct),
    },
    repeat_note: trimmed && known ? `${describeRepeatWarmUp(known).replace(/^r/, 'R')}.` : null,
    significant: test ? test.significant : null,
    test: test ? { method: 'welch_t', t: Number.isFinite(test.t) ? round2(test.t) : null, df: round1(test.df), critical: test.critical } : null,
    sentence: '',
  };
  result.sentence = describeBeforeAfter(result, availableAfter, describeCoverage(ctx, callSpan), (callSpan.last ?? '') < input.pivot) + (result.repeat_note && result.after.days > 0 ? ` ${result.repeat_note}` : '');
  return result;
}

/**
 * What a window of days measures, unrounded (each answer rounds for its own display): its days, leaked
 * calls, the mean calls and cost a day, and the repeat rate over the days from `known` on (repeat-window.ts).
 */
export function measureWindow(days: DayPoint[], known: string | null) {
  const repeat = measureRepeatRate(days, known);
  const daily = days.map((d) => d.calls);
  return {
    from: days[0]?.date ?? null,
    to: days.at(-1)?.date ?? null,
    days: days.length,
    calls: days.reduce((s, d) => s + d.calls, 0),
    calls_per_day: mean(daily),
    cost_per_day: mean(days.map((d) => d.cost)),
    repeat_rate_pct: repeat.pct,
    repeat_from: repeat.from,
    daily_calls: daily,
  };
}

function windowStats(days: DayPoint[], known: string | null): WindowStats {
  const w = measureWindow(days, known);
  return { ...w, calls_per_day: round2(w.calls_per_day), cost_per_day: round2(w.cost_per_day), repeat_rate_pct: w.repeat_rate_pct === null ? null : round1(w.repeat_rate_pct) };
}

const sum = (days: DayPoint[], key: 'calls' | 'cost') => days.reduce((s, d) => s + d[key], 0);

const signedPct = (n: number | null) => (n === null ? 'n/a' : `${n > 0 ? '+' : n < 0 ? '−' : '±'}${Math.abs(Math.round(n))}%`);

/** `stale`: the store's calls end before the pivot, so waiting a day will not help. */
function describeBeforeAfter(r: BeforeAfter, availableAfter: number, coverage: string, stale: boolean): string {
  const what = [r.journey, r.segment, r.error_message && `"${r.error_message}"`].filter(Boolean).join(', ');
  if (r.after.days === 0) {
    return availableAfter === 0
      ? stale
        ? `No data from ${r.pivot} on for ${what}: ${coverage}.`
        : `No complete day from ${r.pivot} on yet for ${what}: check again tomorrow.`
      : `No days before ${r.pivot} in the store for ${what}, so there is nothing to compare with: ${coverage}.`;
  }
  const repeat = (w: WindowStats) => (w.repeat_rate_pct !== null ? `${Math.round(w.repeat_rate_pct)}%` : w.repeat_from === null && w.calls > 0 ? 'unknown' : 'n/a');
  const verdict =
    r.significant === null
      ? 'too few days yet to tell it from normal day-to-day variation'
      : r.significant
        ? 'the change is well outside normal day-to-day variation'
        : 'the change is within normal day-to-day variation';
  return (
    `${what}, ${r.after.days} day${r.after.days === 1 ? '' : 's'} ${r.same_weekdays ? `from ${r.pivot} against the same weekdays a week earlier` : `each side of ${r.pivot}`}: ` +
    `calls/day ${perDay(r.before.calls_per_day)} → ${perDay(r.after.calls_per_day)} (${signedPct(r.change.calls_pct)}), ` +
    `cost/day ${spokenMoney(r.before.cost_per_day)} → ${spokenMoney(r.after.cost_per_day)}, ` +
    `repeat rate ${repeat(r.before)} → ${repeat(r.after)}: ${verdict}.`
  );
}
