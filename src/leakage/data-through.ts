/**
 * How far the store's data reaches: where "so far today" must stop counting. Counting to the wall
 * clock instead makes a stream that stopped look like a falling trend (the count stands still while
 * the comparison days keep adding hours). The reach is the newest call the store holds for the day
 * (calls make leaked calls), or, in a simulated store, how far the simulator has written both
 * sources, since a quiet night's hour with no call is still an hour of data.
 */
import type { Context } from '../context.ts';
import { zoneClock } from '../time.ts';
import { loadSimState } from '../simulator/state.ts';

/** Data older than this (against the wall clock) is called stale in the answer. */
export const STALE_AFTER_MS = 15 * 60_000;

export type DataReach = {
  /** Count up to this instant: the newest data on the date, or now if that is earlier. null when the date has no data at all. */
  cut: number | null;
  /** The newest data instant in the store (on the date, else before it); null for a store without calls. */
  newest: number | null;
  /** True when the newest data is more than STALE_AFTER_MS older than now. */
  stale: boolean;
};

/** Where counting a partial `date` stops, at wall-clock instant `now`. */
export function readDataReach(ctx: Context, date: string, now: number): DataReach {
  const { sqlite } = ctx.store;
  const clock = zoneClock(ctx.config.timeZone);
  // The calls_date_ops index covers (local_date, …, started_at): one day's entries, no table rows.
  const newestOn = (d: string) => sqlite.prepare('SELECT max(started_at) FROM call_logs_cleaned WHERE local_date = ?').pluck().get(d) as number | null;
  const sim = loadSimState(ctx.store);
  const simulatedTo = sim ? Math.min(sim.cut.digital, sim.cut.calls) : null;
  const dayStart = clock.startOfDay(date);
  const candidates = [newestOn(date), simulatedTo !== null && clock.localDate(simulatedTo) >= date ? simulatedTo : null].filter((t): t is number => t !== null && t >= dayStart);
  let newest = candidates.length ? Math.max(...candidates) : null;
  const cut = newest === null ? null : Math.min(now, newest);
  if (newest === null) {
    // Nothing on the date: the newest data before it, for "no new data since …".
    const last = sqlite.prepare('SELECT max(local_date) FROM call_logs_cleaned WHERE local_date < ?').pluck().get(date) as string | null;
    const before = [last === null ? null : newestOn(last), simulatedTo].filter((t): t is number => t !== null && t < dayStart);
    newest = before.length ? Math.max(...before) : null;
  }
  return { cut, newest, stale: newest !== null && now - newest > STALE_AFTER_MS };
}
