/**
 * Local dates and times in LEAK_TZ. The pipeline calls these millions of times, and
 * Intl is slow (microseconds a call), so the zone offset is cached per 15-minute UTC bucket:
 * every real-world offset change happens on a quarter hour, so a bucket never spans one.
 */
const BUCKET_MS = 15 * 60_000;
const DAY_MS = 86_400_000;

/**
 * Dates are computed only in years 1000–9999: there a YYYY-MM-DD string is ten characters and sorts
 * as the dates do. Past 9999 Date writes "+010000-01-01", which sorts before "9999-12-31", so a loop
 * `d <= last` stepping by addDays would never end; before 1000 Intl and Date.UTC disagree about
 * years. Anything outside throws a RangeError instead.
 */
export const FIRST_DATE = '1000-01-01';
export const LAST_DATE = '9999-12-31';
const FIRST_DAY = Date.parse(`${FIRST_DATE}T00:00:00Z`) / DAY_MS;
const LAST_DAY = Date.parse(`${LAST_DATE}T00:00:00Z`) / DAY_MS;

/** Day number (days since 1970-01-01) of a date in range, else a RangeError naming the date. */
function dayNumber(date: string): number {
  if (!isIsoDate(date)) throw new RangeError(`not a date written YYYY-MM-DD: ${JSON.stringify(date)}`);
  const day = Date.parse(`${date}T00:00:00Z`) / DAY_MS;
  if (day < FIRST_DAY) throw new RangeError(`${date} is before ${FIRST_DATE}, the first date Leak computes with`);
  return day;
}

const describeInstant = (ms: number) => (Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${ms} ms`);

/** The date of a day number, only when it is in range (see FIRST_DATE). */
function dateOfDay(day: number, what: () => string): string {
  if (!(day >= FIRST_DAY && day <= LAST_DAY)) throw new RangeError(`${what()} is outside ${FIRST_DATE} to ${LAST_DATE}, the dates Leak computes with`);
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export type ZoneClock = {
  timeZone: string;
  /** Offset of local time from UTC, in ms, at instant `ms`. */
  offsetAt(ms: number): number;
  /** Local calendar date (YYYY-MM-DD) of instant `ms`. */
  localDate(ms: number): string;
  /** Minutes since local midnight of instant `ms` (0..1439). */
  localMinute(ms: number): number;
  /** "14:05": the local time of day of instant `ms`. */
  localTime(ms: number): string;
  /** "2026-11-23 14:05": the local date and time of instant `ms`. */
  localDateTime(ms: number): string;
  /** The instant at which local date `date` begins (handles DST and zones whose midnight is skipped). */
  startOfDay(date: string): number;
  /** Today's local date. */
  today(now?: number): string;
};

const clocks = new Map<string, ZoneClock>();

export function zoneClock(timeZone: string): ZoneClock {
  let clock = clocks.get(timeZone);
  if (!clock) {
    clock = createZoneClock(timeZone);
    clocks.set(timeZone, clock);
  }
  return clock;
}

function createZoneClock(timeZone: string): ZoneClock {
  const fmt = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const offsets = new Map<number, number>();
  const computeOffset = (ms: number) => {
    // Intl and Date.UTC disagree before year 1000 (Date.UTC reads year 50 as 1950): no offset there.
    if (!(ms >= FIRST_DAY * DAY_MS && ms < (LAST_DAY + 1) * DAY_MS)) {
      throw new RangeError(`instant ${describeInstant(ms)} is outside ${FIRST_DATE} to ${LAST_DATE}, the dates Leak computes with`);
    }
    const p: Record<string, number> = {};
    for (const part of fmt.formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
    const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    return asUtc - (ms - (((ms % 1000) + 1000) % 1000));
  };
  const offsetAt = (ms: number) => {
    const bucket = Math.floor(ms / BUCKET_MS);
    let off = offsets.get(bucket);
    if (off === undefined) {
      off = computeOffset(bucket * BUCKET_MS);
      if (offsets.size > 200_000) offsets.clear();
      offsets.set(bucket, off);
    }
    return off;
  };
  // Formatting a date string per call is the pipeline's hottest path: cache one string per local day.
  const dayNames = new Map<number, string>();
  const localDate = (ms: number) => {
    const day = Math.floor((ms + offsetAt(ms)) / DAY_MS);
    let name = dayNames.get(day);
    if (name === undefined) {
      name = dateOfDay(day, () => `the local date of ${describeInstant(ms)}`);
      if (dayNames.size > 100_000) dayNames.clear();
      dayNames.set(day, name);
    }
    return name;
  };
  const localMinute = (ms: number) => {
    const local = ms + offsetAt(ms);
    return Math.floor((((local % DAY_MS) + DAY_MS) % DAY_MS) / 60_000);
  };
  const startOfDay = (date: string) => {
    const utcMidnight = dayNumber(date) * DAY_MS;
    // Guess with the offset near that wall time, then step forward to the first instant of the date.
    let guess = utcMidnight - offsetAt(utcMidnight);
    guess = utcMidnight - offsetAt(guess);
    while (localDate(guess) < date) guess += BUCKET_MS;
    while (localDate(guess - BUCKET_MS) === date) guess -= BUCKET_MS;
    return guess;
  };
  const localTime = (ms: number) => {
    const minute = localMinute(ms);
    return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
  };
  const localDateTime = (ms: number) => `${localDate(ms)} ${localTime(ms)}`;
  return { timeZone, offsetAt, localDate, localMinute, localTime, localDateTime, startOfDay, today: (now = Date.now()) => localDate(now) };
}

/** Adds whole calendar days to a YYYY-MM-DD date; throws a RangeError past the dates Leak computes with. */
export function addDays(date: string, days: number): string {
  if (!Number.isSafeInteger(days)) throw new RangeError(`addDays needs a whole number of days, not ${days}`);
  return dateOfDay(dayNumber(date) + days, () => `${date} ${days < 0 ? '-' : '+'} ${Math.abs(days)} days`);
}

/** Calendar days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return dayNumber(b) - dayNumber(a);
}

/** The days from..to inclusive, oldest first (none when from is after to). */
export function listDays(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/**
 * The same weekday 1..`weeks` weeks before `date`, newest first, leaving out days before `first`
 * (the store's first call: days before it were never counted, so they are no baseline). None when
 * `first` is null (an empty store).
 */
export function sameWeekdaysBefore(date: string, weeks: number, first: string | null): string[] {
  return Array.from({ length: weeks }, (_, i) => addDays(date, -7 * (i + 1))).filter((d) => first !== null && d >= first);
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  // Checked by arithmetic, not by a Date round trip: the import calls this for every member row.
  const m = +s.slice(5, 7);
  const d = +s.slice(8, 10);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(+s.slice(0, 4), m);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is wrong with a date a person typed, in words, or null when it is a date Leak computes with:
 * not written YYYY-MM-DD, a day the calendar does not have, or outside FIRST_DATE..LAST_DATE.
 */
export function describeDateProblem(s: string): string | null {
  if (!ISO_DATE.test(s)) return 'is not a date written YYYY-MM-DD';
  const [y, m, d] = [+s.slice(0, 4), +s.slice(5, 7), +s.slice(8, 10)];
  if (m < 1 || m > 12) return `does not exist: there is no month ${s.slice(5, 7)}`;
  const days = daysInMonth(y, m);
  if (d < 1 || d > days) return `does not exist: ${MONTHS[m - 1]} ${y} has ${days} days`;
  if (s < FIRST_DATE) return `is before ${FIRST_DATE}, the first date Leak computes with`;
  return null;
}

/** Days in month `m` (1–12) of year `y`, in the proleptic Gregorian calendar that Date uses. */
export const daysInMonth = (y: number, m: number) =>
  m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;

/** Monday = 1 … Sunday = 7, for a local date. */
export function isoWeekday(date: string): number {
  const d = new Date(dayNumber(date) * DAY_MS).getUTCDay();
  return d === 0 ? 7 : d;
}

/** "Monday" for 2026-11-23: a local date's weekday, as answers name it. */
export const weekdayName = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
