/**
 * Where a day's (or a span's) leaked calls are read from, and the segment each journey leaked most
 * in: the one read that `today` and a span of days (span.ts) both make.
 */
import type { Context } from '../context.ts';

/** A leaked-call table and its columns: gold for whole days, silver when part of a day is counted (by minute). */
export type LeakSource = { table: string; date: string; calls: string; where: string };

/** Gold, one row per day, journey and segment: enough for whole days at any volume. */
export const GOLD_SOURCE: LeakSource = { table: 'segment_drilldown', date: 'date', calls: 'calls', where: '' };
/** Silver, one row per leaked call: keeps the minute, so today can be counted up to a time of day (@cutoff). */
export const SILVER_SOURCE_TO_CUTOFF: LeakSource = { table: 'digital_call_leakage', date: 'local_date', calls: '1', where: 'AND local_minute < @cutoff' };

/** Each journey's segment with the most leaked calls over [from, to] (ties to the first segment by name). */
export function topSegmentByJourney(ctx: Context, source: LeakSource, q: { from: string; to: string; cutoff?: number }): Map<string, string> {
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT journey, segment, sum(${source.calls}) AS calls FROM ${source.table}
       WHERE ${source.date} BETWEEN @from AND @to ${source.where} GROUP BY journey, segment
       ORDER BY journey, calls DESC, segment`,
    )
    .all(q) as { journey: string; segment: string }[];
  const top = new Map<string, string>();
  for (const r of rows) if (!top.has(r.journey)) top.set(r.journey, r.segment);
  return top;
}
