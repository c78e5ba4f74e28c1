/**
 * "Who is this hurting?" Leaked calls per member segment on a date (one journey or all): calls,
 * cost, the share who were calling again within 7 days, and average end-of-call sentiment.
 */
import { formatCount, formatMoney, round1, round2 } from '../format.ts';
import { zoneClock } from '../time.ts';
import type { Context } from '../context.ts';
import { describeRepeatWarmUp, readRepeatKnownFrom } from '../pipeline/repeat-window.ts';

/** repeat_pct is null on a day whose calls' 7-day look-back reaches before the store's first call: unknown, not low. */
export type SegmentRow = { segment: string; calls: number; cost: number; share_pct: number; repeat_pct: number | null; avg_sentiment: number | null };
export type SegmentsResult = {
  journey: string | null;
  date: string;
  /** True when the date is today in LEAK_TZ: counts so far. */
  so_far: boolean;
  segments: SegmentRow[];
  total: { calls: number; cost: number };
  /** Set when the date's repeat rates are unknown, saying why. */
  repeat_note: string | null;
  headline: string;
};

export function querySegments(ctx: Context, date: string, journey?: string): SegmentsResult {
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT segment, sum(calls) AS calls, sum(cost) AS cost, sum(repeats) AS repeats,
         sum(sentiment_end_sum) AS sentSum, sum(sentiment_end_n) AS sentN
       FROM segment_drilldown WHERE date = @date AND (@journey IS NULL OR journey = @journey)
       GROUP BY segment ORDER BY calls DESC, segment`,
    )
    .all({ date, journey: journey ?? null }) as { segment: string; calls: number; cost: number; repeats: number; sentSum: number; sentN: number }[];
  const calls = rows.reduce((s, r) => s + r.calls, 0);
  const known = readRepeatKnownFrom(ctx.store.sqlite);
  const repeatKnown = known !== null && date >= known;
  const segments = rows.map((r) => ({
    segment: r.segment,
    calls: r.calls,
    cost: r.cost,
    share_pct: round1((100 * r.calls) / calls),
    repeat_pct: repeatKnown ? round1((100 * r.repeats) / r.calls) : null,
    avg_sentiment: r.sentN ? round2(r.sentSum / r.sentN) : null,
  }));
  const soFar = zoneClock(ctx.config.timeZone).today(ctx.now()) === date;
  const total = { calls, cost: rows.reduce((s, r) => s + r.cost, 0) };
  const repeatNote = repeatKnown || known === null || rows.length === 0 ? null : `Repeat % unknown on ${date}: ${describeRepeatWarmUp(known)}.`;
  return { journey: journey ?? null, date, so_far: soFar, segments, total, repeat_note: repeatNote, headline: headlineFor(journey, date, soFar, segments, total.calls) };
}

function headlineFor(journey: string | undefined, date: string, soFar: boolean, segments: SegmentRow[], calls: number): string {
  const what = journey ? `${journey} leaks` : 'leaks';
  const when = soFar ? 'so far today' : `on ${date}`;
  const top = segments[0];
  if (!top) return `No ${what} ${when}.`;
  const mood = top.avg_sentiment === null ? '' : `, end-of-call sentiment ${top.avg_sentiment.toFixed(2)}`;
  const repeats = top.repeat_pct === null ? '' : `, ${Math.round(top.repeat_pct)}% repeat callers`;
  return `The epicenter of ${what} ${when} is ${top.segment}: ${formatCount(top.calls)} of ${formatCount(calls)} calls (${Math.round(top.share_pct)}%), ${formatMoney(top.cost)}${repeats}${mood}.`;
}
