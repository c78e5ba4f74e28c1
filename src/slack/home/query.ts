/** What the Home tab shows, read from the store: today's leaks, the biggest mover, open actions and alerts, failed digests; and, when npm start consumes an event log, how far behind it is. */
import type { Context } from '../../context.ts';
import { queryToday, type TodayJourney, type TodayResult } from '../../leakage/today.ts';
import { queryOpenActions, type OpenActionRow } from '../../actions/open-actions.ts';
import { queryOpenAlerts, type OpenAlertRow } from '../../alerts/open-alerts.ts';
import { listDigestFailures, type DigestPostRow } from '../../bookkeeping/digest-ledger.ts';
import { addDays, zoneClock } from '../../time.ts';

/** trend_pct is null when the usual level was 0: a rise from nothing has no percentage. */
export type Mover = { journey: string; calls: number; prior_mean: number; change: number; trend_pct: number | null; basis: 'weekday' | 'week' };
export type HomeData = {
  today: TodayResult;
  mover: Mover | null;
  actions: OpenActionRow[];
  alerts: OpenAlertRow[];
  /** Digests of the last week that did not go out (or may not have): someone should know. */
  digestFailures: DigestPostRow[];
  /** "Event log: …" when the store is fed by an event log (LEAK_STREAM), else null. */
  eventLog: string | null;
  updated_at: string;
};

/**
 * The journey whose leaked calls moved most against its usual level (in calls, so a small journey
 * doubling from 1 to 2 does not outrank a big one rising by 40): the same weekday of the weeks
 * before when the store holds one (the week's rhythm is no move), else the 7-day mean. The means
 * are today's own (queryToday), so a journey that leaked none on those days and some today counts
 * as a rise of all its calls, with no percentage: a new leak is the biggest news, not a blind spot.
 */
function biggestMover(journeys: TodayJourney[]): Mover | null {
  let best: Mover | null = null;
  for (const j of journeys) {
    const weekday = j.weekday_mean != null;
    const mean = weekday ? j.weekday_mean! : j.prior_mean;
    if (mean == null) continue;
    const change = j.calls - mean;
    const pct = (weekday ? j.weekday_pct : j.trend_pct) ?? null;
    if (!best || Math.abs(change) > Math.abs(best.change)) best = { journey: j.journey, calls: j.calls, prior_mean: mean, change, trend_pct: pct, basis: weekday ? 'weekday' : 'week' };
  }
  return best && Math.round(best.change) !== 0 ? best : null;
}

export function queryHome(ctx: Context): HomeData {
  const clock = zoneClock(ctx.config.timeZone);
  const now = ctx.now();
  const today = queryToday(ctx, clock.today(now));
  return {
    today,
    mover: biggestMover(today.journeys),
    actions: queryOpenActions(ctx),
    alerts: queryOpenAlerts(ctx, 10),
    digestFailures: listDigestFailures(ctx.store, { sinceDate: addDays(today.date, -7), now }),
    eventLog: ctx.eventLog?.describe() ?? null,
    updated_at: `${clock.localTime(now)} ${ctx.config.timeZone}`,
  };
}
