/**
 * "Why is this happening?" For one journey: where its leaked calls concentrate (error message,
 * device, channel, segment, language), when the current spike began (a change-point on the daily
 * series, not a fixed look-back), and the change annotations recorded near that start.
 *
 * One window per answer, stated in it. With a spike: "since" is its start through the last complete
 * day (at most the last 14 days), "before" the 14 days before its start (fewer if the store is
 * younger); the shares, their before-spike shares and the per-day levels of the spike are all
 * measured on exactly those two windows. Without a spike, the shares cover the date alone, or the 7
 * days up to it if the date has no leaks. The result says which in `window.basis`. Two weeks a side
 * keeps the scans within the time budget.
 */
import type { Context } from '../context.ts';
import { compareShares, FACTORS, measureShares, type Factor, type Mover, type Share } from './leak-shares.ts';
import { formatPerDay, plural, round1 } from '../format.ts';
import { addDays, daysBetween, zoneClock } from '../time.ts';
import { listAnnotations, type Annotation } from '../annotations/annotations.ts';
import { dailySeries, storeSpan } from '../leakage/daily-series.ts';
import { adjustForWeekday, findUpwardShift, mean } from '../before-after/statistics.ts';

export type Dominant = { factor: Factor; value: string; label: string; pct: number };
/** The levels are leaked calls a day over `before_window` (before) and `window` (after): the windows the shares use too. */
export type Spike = { start: string; before_from: string; before_per_day: number; after_per_day: number; rise_pct: number };
export type WhyWindow = { from: string; to: string; basis: 'since_spike_start' | 'date' | 'last_7_days'; calls: number };

export type WhyResult = {
  journey: string;
  date: string;
  window: WhyWindow;
  shares: Record<Factor, Share[]>;
  dominant: Dominant[];
  /** The days before the spike (up to 28) that each share's before_pct is measured on; null without a spike. */
  before_window: { from: string; to: string; calls: number } | null;
  /** Values whose share grew most since the spike began (not already named as dominant), at most 2. */
  movers: Mover[];
  /** The daily series the change-point ran on (raw calls; weekday_adjusted says whether the split used weekday-adjusted values). */
  series: { from: string; to: string; calls: number[]; weekday_adjusted: boolean } | null;
  spike: Spike | null;
  annotations: Annotation[];
  /** "86% of leaks tie to one message (…); 93% are on mobile; …" */
  factors_sentence: string;
  headline: string;
};

/** Days of history the change-point looks at (at most: a young store has fewer). */
const LOOKBACK_DAYS = 42;
/** A factor value holding more than this share of the leaks is called out as dominant (a 50/50 split of app and web explains nothing). */
const DOMINANT_PCT = 50;
/** Annotations this many days either side of the spike start count as "near" it. */
export const NEAR_DAYS = 3;
/** The shares since the spike are compared with up to this many days before it. */
export const BEFORE_DAYS = 14;
/** A spike older than this is explained by its most recent days. */
const SHARE_MAX_DAYS = 14;

/** `compare: false` skips the before-spike shares and movers (next-best actions need only the shares). */
export function explainJourney(ctx: Context, q: { date: string; journey: string }, opts: { compare?: boolean } = {}): WhyResult {
  const { date, journey } = q;
  const series = spikeSeries(ctx, journey, date);
  const shift = series ? findUpwardShift(adjustForWeekday(series.calls).values) : null;
  let spike: Spike | null = null;
  let window: Omit<WhyWindow, 'calls'> = { from: date, to: date, basis: 'date' };
  let spikeBefore: { from: string; to: string } | null = null;
  if (series && shift) {
    // The split is found on adjusted values; the levels reported are the calls a day actually seen,
    // over the same two windows the shares are measured on.
    const start = addDays(series.from, shift.index);
    const recent = addDays(series.to, -(SHARE_MAX_DAYS - 1));
    window = { from: start < recent ? recent : start, to: series.to, basis: 'since_spike_start' };
    const earliest = addDays(start, -BEFORE_DAYS);
    spikeBefore = { from: earliest < series.from ? series.from : earliest, to: addDays(start, -1) };
    const levelOver = (w: { from: string; to: string }) => mean(series.calls.slice(daysBetween(series.from, w.from), daysBetween(series.from, w.to) + 1));
    const [before, after] = [levelOver(spikeBefore), levelOver(window)];
    spike = { start, before_from: spikeBefore.from, before_per_day: round1(before), after_per_day: round1(after), rise_pct: round1((100 * (after - before)) / (before || 1)) };
  }
  let measured = measureShares(ctx, journey, window.from, window.to);
  if (measured.total === 0 && !spike) {
    window = { from: addDays(date, -6), to: date, basis: 'last_7_days' };
    measured = measureShares(ctx, journey, window.from, window.to);
  }
  const { total, shares } = measured;
  const dominant = FACTORS.map((f) => shares[f][0] && { factor: f, ...shares[f][0] })
    .filter((d): d is Dominant & Share => Boolean(d) && d.pct > DOMINANT_PCT)
    .slice(0, 3)
    .map(({ factor, value, label, pct }) => ({ factor, value, label, pct }));
  let beforeWindow: WhyResult['before_window'] = null;
  let movers: Mover[] = [];
  if (spike && spikeBefore && opts.compare !== false) {
    const before = measureShares(ctx, journey, spikeBefore.from, spikeBefore.to);
    beforeWindow = { ...spikeBefore, calls: before.total };
    const named = new Set(dominant.map((d) => `${d.factor}:${d.value}`));
    movers = compareShares(measured, before).filter((m) => !named.has(`${m.factor}:${m.value}`)).slice(0, 2);
  }
  const near = spike
    ? listAnnotations(ctx.store, { from: addDays(spike.start, -NEAR_DAYS), to: addDays(spike.start, NEAR_DAYS), journey })
    : listAnnotations(ctx.store, { from: addDays(window.from, -NEAR_DAYS), to: window.to, journey });
  const result: WhyResult = {
    journey,
    date,
    window: { ...window, calls: total },
    shares,
    dominant,
    before_window: beforeWindow,
    movers,
    series,
    spike,
    annotations: near,
    factors_sentence: describeFactors(dominant, shares),
    headline: '',
  };
  result.headline = headlineFor(result);
  return result;
}

/**
 * Daily calls from up to LOOKBACK_DAYS before the date (never before the store's first day) through
 * the date, or through yesterday when the date is today: a half-counted day would read as a drop.
 */
function spikeSeries(ctx: Context, journey: string, date: string): WhyResult['series'] {
  const span = storeSpan(ctx);
  if (!span) return null;
  const today = zoneClock(ctx.config.timeZone).today(ctx.now());
  const to = date >= today ? addDays(today, -1) : date;
  const lookFrom = addDays(to, -(LOOKBACK_DAYS - 1));
  const from = lookFrom < span.first ? span.first : lookFrom;
  if (from > to) return null;
  const calls = dailySeries(ctx, { journey }, from, to).map((d) => d.calls);
  return { from, to, calls, weekday_adjusted: adjustForWeekday(calls).adjusted };
}

function phrase(d: Dominant): string {
  const pct = `${Math.round(d.pct)}%`;
  switch (d.factor) {
    case 'error_message':
      return `${pct} of leaks tie to one message ("${d.label}")`;
    case 'device':
      return `${pct} are on ${d.label}`;
    case 'channel':
      return `${pct} come through the ${d.label}`;
    case 'segment':
      return `${pct} are ${d.label} members`;
    case 'language':
      return `${pct} are ${d.label}-speaking members`;
  }
}

function moverPhrase(m: Mover): string {
  const who = { error_message: `"${m.label}"`, device: `${m.label}`, channel: `the ${m.label}`, segment: `${m.label} members`, language: `${m.label}-speaking members` }[m.factor];
  return `${who} ${Math.round(m.before_pct)}% → ${Math.round(m.pct)}% of leaks`;
}

function describeFactors(dominant: Dominant[], shares: Record<Factor, Share[]>): string {
  if (dominant.length) return dominant.map(phrase).join('; ');
  const top = FACTORS.map((f) => shares[f][0] && { factor: f, ...shares[f][0] })
    .filter((d): d is Dominant & Share => Boolean(d))
    .sort((a, b) => b.pct - a.pct)[0];
  return top ? `no single factor holds more than half the leaks; the largest: ${phrase(top)}` : 'no leaked calls to explain';
}

const span = (w: { from: string; to: string }) => (w.from === w.to ? w.from : `${w.from}..${w.to}`);

function headlineFor(r: WhyResult): string {
  if (r.window.calls === 0) return `${r.journey}: no leaked calls from ${r.window.from} to ${r.window.to}, nothing to explain.`;
  const sentence = r.factors_sentence.charAt(0).toUpperCase() + r.factors_sentence.slice(1);
  const spike = r.spike
    ? ` The spike began on ${r.spike.start}: ${formatPerDay(r.spike.before_per_day)}/day in the ${plural(daysBetween(r.spike.before_from, r.spike.start), 'day')} before it, ` +
      `${formatPerDay(r.spike.after_per_day)}/day ${r.window.from === r.spike.start ? 'since' : `in its last ${SHARE_MAX_DAYS} days`} (${span(r.window)}).`
    : ' No upward shift in the daily series.';
  const grew = r.movers.length ? ` Grew most since it began: ${r.movers.map(moverPhrase).join('; ')}.` : '';
  const notes = r.annotations.length ? ` Changes noted near then: ${r.annotations.map((a) => `${a.date} "${a.text}"`).join('; ')}.` : '';
  return `${r.journey}: ${sentence}.${spike}${grew}${notes}`;
}
