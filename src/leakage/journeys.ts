/** The journeys and segments the store knows: the valid choices for JOURNEY and --segment arguments. */
import { addDays } from '../time.ts';
import type { Context } from '../context.ts';

/** Every journey with a digital event, sorted. */
export function listJourneys(ctx: Context): string[] {
  return ctx.store.sqlite.prepare('SELECT DISTINCT journey FROM digital_journeys_cleaned ORDER BY journey').pluck().all() as string[];
}

/**
 * Whether the store has seen the journey. A journey with leaks is in gold (small); otherwise the
 * first matching digital event answers. Only a refusal pays for listing every journey.
 */
export function hasJourney(ctx: Context, journey: string): boolean {
  const seen = ctx.store.sqlite.prepare(
    'SELECT EXISTS (SELECT 1 FROM segment_drilldown WHERE journey = @j) OR EXISTS (SELECT 1 FROM digital_journeys_cleaned WHERE journey = @j)',
  );
  return Boolean(seen.pluck().get({ j: journey }));
}

/** The segments a journey has leaked in, sorted. */
export function listSegments(ctx: Context, journey: string): string[] {
  return ctx.store.sqlite.prepare('SELECT DISTINCT segment FROM segment_drilldown WHERE journey = ? ORDER BY segment').pluck().all(journey) as string[];
}

/**
 * The member of the store's newest leaked call, and its local date: a real example to show (the
 * start-up hint's `journey M-…`). The covering index finds the newest date and walks that day alone.
 */
export function findLatestLeakedMember(ctx: Context): { member_id: string; date: string } | undefined {
  return ctx.store.sqlite
    .prepare(
      `SELECT member_id, local_date AS date FROM digital_call_leakage
       WHERE local_date = (SELECT max(local_date) FROM digital_call_leakage) ORDER BY started_at DESC, call_id LIMIT 1`,
    )
    .get() as { member_id: string; date: string } | undefined;
}

/** The journey with the most leaked calls on the date, else over the 7 days before it. */
export function findBiggestLeak(ctx: Context, date: string): string | undefined {
  return ctx.store.sqlite
    .prepare(
      `SELECT journey FROM segment_drilldown WHERE date BETWEEN ? AND ?
       GROUP BY journey ORDER BY max(date) = ? DESC, sum(CASE WHEN date = ? THEN calls ELSE 0 END) DESC, sum(calls) DESC, journey LIMIT 1`,
    )
    .pluck()
    .get(addDays(date, -7), date, date, date) as string | undefined;
}
