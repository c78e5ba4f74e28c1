/**
 * "What's breaking right now?" Each leaking journey on a date: leaked calls, cost, the segment
 * most affected, the trend against the mean of the 7 days before, and against the same weekday of
 * the weeks before (the week's own rhythm: a quiet Sunday is not news). Days before the store's first
 * call were never counted, so they are left out of both baselines, not read as zero. For today (unfinished),
 * both sides are counted up to the same local time of day, so the comparison is fair: the newest
 * data the store holds for today, or the current time if that is earlier (data-through.ts). When
 * the data stopped arriving, the answer says since when.
 */
import { addDays, sameWeekdaysBefore, weekdayName, zoneClock } from '../time.ts';
import { readDataReach } from './data-through.ts';
import { GOLD_SOURCE, SILVER_SOURCE_TO_CUTOFF, topSegmentByJourney } from './top-segment.ts';
import { readCallSpan } from '../pipeline/call-span.ts';
import { formatCount, formatMoney, formatPct, pctChange, round2 } from '../format.ts';
import type { Context } from '../context.ts';

export type TodayJourney = {
  journey: string;
  calls: number;
  cost: number;
  top_segment: string | null;
  trend_pct: number | null;
  /** Against the mean of the same weekday in the (up to) 4 weeks before that the store holds; null without one. */
  weekday_pct?: number | null;
  /**
   * The means the two trends compare with (calls a day, 2 decimals; a day is counted only as far as
   * today is): null when the store holds none of those days, 0 when it holds them and they had no
   * calls (then the trend, a percentage of nothing, is null).
   */
  prior_mean?: number | null;
  weekday_mean?: number | null;
};
export type TodayResult = {
  date: string;
  time_zone: string;
  /** Set when the date is today: counts run up to this local time, and so do the comparison days. */
  partial_through: string | null;
  /** Today only: whether the newest data is more than 15 minutes old, and the sentence saying so. */
  stale: boolean;
  data_note: string | null;
  journeys: TodayJourney[];
  total: { calls: number; cost: number; trend_pct: number | null; weekday_pct?: number | null; prior_mean?: number | null; weekday_mean?: number | null };
  headline: string;
};

/** The weeks back the weekday baseline reaches. */
export const WEEKDAY_WEEKS = 4;

/**
 * The baselines a day is compared with, leaving out days before the store's first call: the 7 days
 * before (how many of them the store holds) and the same weekday 1..4 weeks before (which ones).
 */
export function baselineDays(date: string, first: string | null): { prior: string[]; weekdays: string[] } {
  const held = (d: string) => first !== null && d >= first;
  const prior = Array.from({ length: 7 }, (_, i) => addDays(date, -7 + i)).filter(held);
  return { prior, weekdays: sameWeekdaysBefore(date, WEEKDAY_WEEKS, first) };
}

/** A trend of at least this much counts as spiking in the headline. */
const SPIKE_PCT = 10;

export function queryToday(ctx: Context, date: string): TodayResult {
  const { sqlite } = ctx.store;
  const { costPerCall, timeZone } = ctx.config;
  const clock = zoneClock(timeZone);
  const now = ctx.now();
  const partial = clock.today(now) === date;
  const reach = partial ? readDataReach(ctx, date, now) : null;
  // Minutes of the day counted: through the minute of the newest data (or of now), none without data today.
  const throughMinute = reach?.cut == null ? -1 : clock.localMinute(reach.cut);
  const cutoff = partial ? throughMinute + 1 : 1440;
  const base = baselineDays(date, readCallSpan(sqlite).first);
  const days = [date, ...base.prior, ...base.weekdays];

  // A past day reads gold; today reads silver, which keeps the minute of each call.
  const source = partial ? SILVER_SOURCE_TO_CUTOFF : GOLD_SOURCE;
  // The days are named, not a range: the weekday baseline reaches 4 weeks back but needs only 4 of those days.
  const inList = (list: string[]) => (list.length ? list.map((d) => `'${d}'`).join(', ') : 'NULL');
  const counts = sqlite
    .prepare(
      `SELECT journey, sum(CASE WHEN ${source.date} = @date THEN ${source.calls} ELSE 0 END) AS calls,
         sum(CASE WHEN ${source.date} IN (${inList(base.prior)}) THEN ${source.calls} ELSE 0 END) AS prior,
         sum(CASE WHEN ${source.date} IN (${inList(base.weekdays)}) THEN ${source.calls} ELSE 0 END) AS weekday
       FROM ${source.table} WHERE ${source.date} IN (${inList(days)}) ${source.where}
       GROUP BY journey`,
    )
    .all({ date, cutoff }) as { journey: string; calls: number; prior: number; weekday: number }[];
  const meanOf = (sum: number, n: number) => (n === 0 ? null : sum / n);
  const vs = (calls: number, mean: number | null) => (mean === null ? null : pctChange(mean, calls));
  /** Both trends and the means they compare with. */
  const against = (calls: number, prior: number, weekday: number) => {
    const priorMean = meanOf(prior, base.prior.length);
    const weekdayMean = meanOf(weekday, base.weekdays.length);
    return {
      trend_pct: vs(calls, priorMean),
      weekday_pct: vs(calls, weekdayMean),
      prior_mean: priorMean === null ? null : round2(priorMean),
      weekday_mean: weekdayMean === null ? null : round2(weekdayMean),
    };
  };
  const topSegment = topSegmentByJourney(ctx, source, { from: date, to: date, cutoff });

  const journeys = counts
    .filter((c) => c.calls > 0)
    .map((c) => ({
      journey: c.journey,
      calls: c.calls,
      cost: c.calls * costPerCall,
      top_segment: topSegment.get(c.journey) ?? null,
      ...against(c.calls, c.prior, c.weekday),
    }))
    .sort((a, b) => b.calls - a.calls || a.journey.localeCompare(b.journey));
  const calls = journeys.reduce((s, j) => s + j.calls, 0);
  const prior = counts.reduce((s, c) => s + c.prior, 0);
  const weekday = counts.reduce((s, c) => s + c.weekday, 0);
  const total = { calls, cost: calls * costPerCall, ...against(calls, prior, weekday) };
  // Without data today nothing is counted: through the day's first minute.
  const partialThrough = partial ? (reach?.cut == null ? '00:00' : clock.localTime(reach.cut)) : null;
  const dataNote = reach ? describeReach(ctx, date, now, reach) : null;
  return {
    date, time_zone: timeZone, partial_through: partialThrough, stale: reach?.stale ?? false, data_note: dataNote,
    journeys, total, headline: headlineFor(date, partial, journeys, base.weekdays.length),
  };
}

/** "No new data since 09:05 (now 15:20): …", "No data yet today: …", or null when the data is current. */
function describeReach(ctx: Context, date: string, now: number, reach: ReturnType<typeof readDataReach>): string | null {
  const clock = zoneClock(ctx.config.timeZone);
  const at = (ms: number) => (clock.localDate(ms) === date ? clock.localTime(ms) : clock.localDateTime(ms));
  if (reach.newest === null) return 'The store holds no calls yet: import data, or run npm start for a simulated demo.';
  if (reach.cut === null) return `No data yet today: the newest is from ${at(reach.newest)}, so nothing today is counted yet.`;
  if (!reach.stale) return null;
  return `No new data since ${at(reach.newest)} (now ${at(now)}): today's counts and the trend's comparison hours stop there.`;
}

function headlineFor(date: string, partial: boolean, journeys: TodayJourney[], weeks: number): string {
  const weekday = `${weeks === 1 ? 'last' : `the last ${weeks}`} ${weekdayName(date)}${weeks === 1 ? '' : 's'}`;
  return biggestLeakHeadline(journeys, partial ? 'today' : `on ${date}`, { none: partial ? 'so far today' : `on ${date}`, steady: 'in line with the week before', basis: '7-day average', weekday });
}


/**
 * "Your single biggest leak <when> is billing: 6 calls, $48, and it's spiking (+20.0% vs <basis>)." — the
 * one sentence a day (today.ts) and a span of days (span.ts) both lead with. With a weekday baseline
 * (`words.weekday`, e.g. "the last 4 Mondays"), spiking or easing is judged against it: the 7-day
 * mean alone would call every weekend "easing" and every Monday "spiking".
 */
export function biggestLeakHeadline(journeys: TodayJourney[], when: string, words: { none: string; steady: string; basis: string; weekday?: string }): string {
  const top = journeys[0];
  if (!top) return `No leaked calls ${words.none}.`;
  const weekday = words.weekday !== undefined && top.weekday_pct != null ? top.weekday_pct : null;
  const judged = weekday ?? top.trend_pct;
  const trend =
    judged === null
      ? 'with no earlier week to compare'
      : judged >= SPIKE_PCT
        ? "and it's spiking"
        : judged <= -SPIKE_PCT
          ? "and it's easing"
          : weekday !== null
            ? `in line with ${words.weekday}`
            : words.steady;
  const against = [
    ...(top.trend_pct !== null ? [`${formatPct(top.trend_pct, true)} vs ${words.basis}`] : []),
    ...(weekday !== null ? [`${formatPct(weekday, true)} vs ${words.weekday}`] : []),
  ];
  return `Your single biggest leak ${when} is ${top.journey}: ${formatCount(top.calls)} ${top.calls === 1 ? 'call' : 'calls'}, ${formatMoney(top.cost)}, ${trend}${
    against.length ? ` (${against.join(', ')})` : ''
  }.`;
}
