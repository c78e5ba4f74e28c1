/**
 * Leaked calls over a run of complete days (a digest that covers Friday to Sunday): per journey over
 * the span, and the span's days one by one. Reads gold segment_drilldown only, so it costs the same at
 * any volume. The trend of one day is the house's (against the mean of the 7 days before, as `today
 * --date` gives it); a span of several days is compared with the same weekdays a whole number of weeks
 * earlier, because a mean over a week would call every weekend-heavy span "easing".
 */
import { addDays, listDays } from '../time.ts';
import type { Context } from '../context.ts';
import { readCallSpan } from '../pipeline/call-span.ts';
import { GOLD_SOURCE, topSegmentByJourney } from './top-segment.ts';
import { pctChange } from '../format.ts';
import { biggestLeakHeadline, queryToday, type TodayJourney, type TodayResult } from './today.ts';

export type SpanDay = { date: string; calls: number; cost: number; top_journey: string | null; top_journey_calls: number };

export type SpanResult = TodayResult & {
  /** First day of the span; `date` is the last. */
  from: string;
  days: SpanDay[];
  /** What trend_pct compares with, in words: "7-day avg", or "the same days a week earlier". */
  trend_basis: string;
};

/** "Fri, Nov 20, 2026" for one day; "Fri, Nov 20 – Sun, Nov 22, 2026" for a span (the year once when both share it). */
export function spanLabel(from: string, to: string): string {
  const fmt = (d: string, year: boolean) =>
    new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', ...(year ? { year: 'numeric' } : {}), timeZone: 'UTC' });
  if (from === to) return fmt(to, true);
  return `${fmt(from, from.slice(0, 4) !== to.slice(0, 4))} – ${fmt(to, true)}`;
}

export function querySpan(ctx: Context, from: string, to: string): SpanResult {
  const { sqlite } = ctx.store;
  const { costPerCall, timeZone } = ctx.config;
  const dates = listDays(from, to);
  const n = dates.length;
  const perDay = sqlite
    .prepare(
      `SELECT date, journey, sum(calls) AS calls FROM segment_drilldown WHERE date BETWEEN @from AND @to
       GROUP BY date, journey ORDER BY date, calls DESC, journey`,
    )
    .all({ from, to }) as { date: string; journey: string; calls: number }[];
  const days = dates.map((date): SpanDay => {
    const rows = perDay.filter((r) => r.date === date);
    const total = rows.reduce((s, r) => s + r.calls, 0);
    return { date, calls: total, cost: total * costPerCall, top_journey: rows[0]?.journey ?? null, top_journey_calls: rows[0]?.calls ?? 0 };
  });
  // One complete day is `today --date`'s answer (the 7-day mean and the same weekday), with its day row.
  if (n === 1) return { ...queryToday(ctx, to), from, days, trend_basis: '7-day avg' };
  // Several days: the same weekdays, shifted by whole weeks past the span.
  const shift = 7 * Math.ceil(n / 7);
  const params = { from, to, priorFrom: addDays(from, -shift), priorTo: addDays(to, -shift) };
  // Days before the store's first call were never counted: an earlier span reaching before it has no fair comparison.
  const first = readCallSpan(sqlite).first;
  const comparable = first !== null && params.priorFrom >= first;
  const counts = sqlite
    .prepare(
      `SELECT journey, sum(CASE WHEN date >= @from THEN calls ELSE 0 END) AS calls,
         sum(CASE WHEN date BETWEEN @priorFrom AND @priorTo THEN calls ELSE 0 END) AS prior
       FROM segment_drilldown WHERE date BETWEEN @priorFrom AND @to GROUP BY journey`,
    )
    .all(params) as { journey: string; calls: number; prior: number }[];
  // Both sides as totals over n days.
  const trend = (calls: number, prior: number) => (comparable ? pctChange(prior, calls) : null);
  const basis = shift === 7 ? 'the same days a week earlier' : `the same days ${shift / 7} weeks earlier`;
  const topSegment = topSegmentByJourney(ctx, GOLD_SOURCE, { from, to });

  const journeys: TodayJourney[] = counts
    .filter((c) => c.calls > 0)
    .map((c) => ({
      journey: c.journey,
      calls: c.calls,
      cost: c.calls * costPerCall,
      top_segment: topSegment.get(c.journey) ?? null,
      trend_pct: trend(c.calls, c.prior),
    }))
    .sort((a, b) => b.calls - a.calls || a.journey.localeCompare(b.journey));
  const calls = journeys.reduce((s, j) => s + j.calls, 0);
  const prior = counts.reduce((s, c) => s + c.prior, 0);
  return {
    date: to,
    from,
    time_zone: timeZone,
    partial_through: null,
    // A span digest covers complete days only: nothing is still arriving.
    stale: false,
    data_note: null,
    journeys,
    total: { calls, cost: calls * costPerCall, trend_pct: trend(calls, prior) },
    headline: headlineFor(from, to, journeys, basis),
    days,
    trend_basis: basis,
  };
}

function headlineFor(from: string, to: string, journeys: TodayJourney[], basis: string): string {
  const when = `over ${spanLabel(from, to)}`;
  return biggestLeakHeadline(journeys, when, { none: when, steady: 'and steady', basis });
}
