/**
 * Business time for reminders: the hours of Monday to Friday in LEAK_TZ (whole days; a plan's
 * digital teams are spread over shifts, so "48 business hours" means two working days, and a
 * weekend does not count towards it). Walks local days, so DST days count their real length.
 */
import { addDays, isoWeekday, zoneClock } from '../time.ts';

const HOUR_MS = 3_600_000;

/** Business hours elapsed between two instants (0 if `to` is before `from`). */
export function businessHoursBetween(fromMs: number, toMs: number, timeZone: string): number {
  if (toMs <= fromMs) return 0;
  const clock = zoneClock(timeZone);
  let total = 0;
  let date = clock.localDate(fromMs);
  for (let start = fromMs; start < toMs; ) {
    const nextDay = addDays(date, 1);
    const end = Math.min(clock.startOfDay(nextDay), toMs);
    if (isoWeekday(date) <= 5) total += end - start;
    start = end;
    date = nextDay;
  }
  return total / HOUR_MS;
}

/** True on Monday–Friday in the zone: reminders are only posted when people are at work. */
export function isBusinessDay(ms: number, timeZone: string): boolean {
  return isoWeekday(zoneClock(timeZone).localDate(ms)) <= 5;
}

/** The first instant at which `hours` business hours have passed since `fromMs`. */
export function addBusinessHours(fromMs: number, hours: number, timeZone: string): number {
  const clock = zoneClock(timeZone);
  let remaining = hours * HOUR_MS;
  let date = clock.localDate(fromMs);
  let start = fromMs;
  for (;;) {
    const end = clock.startOfDay(addDays(date, 1));
    if (isoWeekday(date) <= 5) {
      if (end - start >= remaining) return start + remaining;
      remaining -= end - start;
    }
    start = end;
    date = addDays(date, 1);
  }
}
