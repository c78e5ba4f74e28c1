/**
 * Leaked calls over days, from gold segment_drilldown: what the digest's charts draw (a few
 * thousand rows a day at most, so these reads do not grow with the volume of leaked calls).
 */
import { listDays } from '../time.ts';
import type { Context } from '../context.ts';

export type DailyPoint = { date: string; journey: string; calls: number };
export type SegmentCalls = { segment: string; calls: number; cost: number };

/** Every journey gold has leaks for, sorted: a stable colour domain, so colours never shift between charts. */
export function listLeakingJourneys(ctx: Context): string[] {
  return ctx.store.sqlite.prepare('SELECT DISTINCT journey FROM segment_drilldown ORDER BY journey').pluck().all() as string[];
}

/** Leaked calls per day and journey over [from, to] for the journeys that leaked in it. */
export function dailyCallsByJourney(ctx: Context, from: string, to: string): DailyPoint[] {
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT date, journey, sum(calls) AS calls FROM segment_drilldown
       WHERE date BETWEEN ? AND ? GROUP BY date, journey`,
    )
    .all(from, to) as DailyPoint[];
  return zeroFill(rows, from, to);
}

/** A journey with no leaked calls on a day is a 0 on the chart, not a gap the line jumps across. */
function zeroFill(rows: DailyPoint[], from: string, to: string): DailyPoint[] {
  const journeys = [...new Set(rows.map((r) => r.journey))].sort();
  const byKey = new Map(rows.map((r) => [`${r.date}|${r.journey}`, r.calls]));
  return listDays(from, to).flatMap((d) => journeys.map((journey) => ({ date: d, journey, calls: byKey.get(`${d}|${journey}`) ?? 0 })));
}

/** One journey's leaked calls and cost by segment over [from, to] (one day when from = to), biggest first. */
export function listSegmentCalls(ctx: Context, q: { from: string; to: string; journey: string }): SegmentCalls[] {
  return ctx.store.sqlite
    .prepare(
      `SELECT segment, sum(calls) AS calls, sum(cost) AS cost FROM segment_drilldown
       WHERE date BETWEEN @from AND @to AND journey = @journey GROUP BY segment
       ORDER BY calls DESC, segment`,
    )
    .all(q) as SegmentCalls[];
}
