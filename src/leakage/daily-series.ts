/**
 * Daily leaked-call series for one journey (optionally one segment or one error message), zero-filled,
 * and the span of days the store actually covers. Gold when it can answer (segment grain), silver
 * when the question names an error message (gold does not keep it).
 */
import type { Context } from '../context.ts';
import { addDays, daysBetween, listDays, zoneClock } from '../time.ts';
import { readCallSpan, type CallSpan } from '../pipeline/call-span.ts';

export type DayPoint = { date: string; calls: number; cost: number; repeats: number };
export type SeriesFilter = { journey: string; segment?: string; errorMessage?: string };

export function dailySeries(ctx: Context, filter: SeriesFilter, from: string, to: string): DayPoint[] {
  const where = ['journey = @journey', filter.segment !== undefined ? 'segment = @segment' : ''];
  const useSilver = filter.errorMessage !== undefined;
  const sql = useSilver
    ? `SELECT local_date AS date, count(*) AS calls, sum(is_repeat) AS repeats FROM digital_call_leakage
       WHERE local_date BETWEEN @from AND @to AND ${[...where, 'error_message = @errorMessage'].filter(Boolean).join(' AND ')}
       GROUP BY local_date`
    : `SELECT date, sum(calls) AS calls, sum(cost) AS cost, sum(repeats) AS repeats FROM daily_leakage_summary
       WHERE date BETWEEN @from AND @to AND ${where.filter(Boolean).join(' AND ')} GROUP BY date`;
  const rows = ctx.store.sqlite
    .prepare(sql)
    .all({ journey: filter.journey, segment: filter.segment ?? null, errorMessage: filter.errorMessage ?? null, from, to }) as {
    date: string;
    calls: number;
    cost?: number;
    repeats: number;
  }[];
  const byDate = new Map(rows.map((r) => [r.date, r]));
  return listDays(from, to).map((d) => {
    const r = byDate.get(d);
    return { date: d, calls: r?.calls ?? 0, cost: r ? (r.cost ?? r.calls * ctx.config.costPerCall) : 0, repeats: r?.repeats ?? 0 };
  });
}

/**
 * The share of the days' leaked calls that were repeat calls, in %, counting only the days whose
 * 7-day look-back lies inside the store's history (from `known`, repeat-window.ts): `from` is the
 * first day counted. pct is null when no day is counted or those days have no calls.
 */
export function measureRepeatRate(days: DayPoint[], known: string | null): { pct: number | null; from: string | null } {
  const counted = known === null ? [] : days.filter((d) => d.date >= known);
  const calls = counted.reduce((s, d) => s + d.calls, 0);
  const repeats = counted.reduce((s, d) => s + d.repeats, 0);
  return { pct: calls ? (100 * repeats) / calls : null, from: counted[0]?.date ?? null };
}

/**
 * The days the store can speak for: from its first call date to its last complete one (the last call
 * date, or yesterday in LEAK_TZ when calls are still arriving today). null for an empty store.
 */
export function storeSpan(ctx: Context, span: CallSpan = readCallSpan(ctx.store.sqlite)): { first: string; lastComplete: string } | null {
  if (!span.first || !span.last) return null;
  const yesterday = addDays(zoneClock(ctx.config.timeZone).today(ctx.now()), -1);
  const lastComplete = span.last < yesterday ? span.last : yesterday;
  return daysBetween(span.first, lastComplete) < 0 ? null : { first: span.first, lastComplete };
}
