/**
 * Shares of one journey's leaked calls by factor (error message, device, channel, segment, language)
 * over a window of days, from gold; and how those shares moved against an earlier window.
 */
import type { Context } from '../context.ts';
import { languageName, round1 } from '../format.ts';
import { NO_MESSAGE_LABEL, NO_VALUE } from '../leakage/missing-values.ts';

export const FACTORS = ['error_message', 'device', 'channel', 'segment', 'language'] as const;
export type Factor = (typeof FACTORS)[number];
/** before_pct: the value's share in the days before the spike (null when there is no spike). */
export type Share = { value: string; label: string; calls: number; pct: number; before_pct: number | null };
export type Mover = { factor: Factor; value: string; label: string; before_pct: number; pct: number; change_pts: number };

type FactorRow = Partial<Record<Factor, string | null>> & { calls: number };
export type FactorShares = { total: number; shares: Record<Factor, Share[]> };

/**
 * Segment, device and channel come from gold daily_leakage_summary; error message and language from
 * gold error_drilldown (no message is '' there, '(none)' here either way). Both are a few thousand
 * rows a day at most, so the cost does not grow with the volume of leaked calls.
 */
export function measureShares(ctx: Context, journey: string, from: string, to: string): FactorShares {
  const { sqlite } = ctx.store;
  const gold = sqlite
    .prepare(
      `SELECT segment, device, channel, sum(calls) AS calls FROM daily_leakage_summary
       WHERE date BETWEEN ? AND ? AND journey = ? GROUP BY segment, device, channel`,
    )
    .all(from, to, journey) as FactorRow[];
  const silver = sqlite
    .prepare(
      `SELECT error_message, language, sum(calls) AS calls FROM error_drilldown
       WHERE date BETWEEN ? AND ? AND journey = ? GROUP BY error_message, language`,
    )
    .all(from, to, journey) as FactorRow[];
  const total = gold.reduce((s, r) => s + r.calls, 0);
  const shares = Object.fromEntries(
    FACTORS.map((f) => [f, sharesOf(f === 'error_message' || f === 'language' ? silver : gold, f, total)]),
  ) as Record<Factor, Share[]>;
  return { total, shares };
}

function sharesOf(rows: FactorRow[], factor: Factor, total: number): Share[] {
  const counts = new Map<string, number>();
  for (const r of rows) {
    const v = r[factor] === null || r[factor] === undefined || r[factor] === '' ? NO_VALUE : (r[factor] as string);
    counts.set(v, (counts.get(v) ?? 0) + r.calls);
  }
  return [...counts]
    .map(([value, calls]) => ({ value, label: labelOf(factor, value), calls, pct: total ? round1((100 * calls) / total) : 0, before_pct: null }))
    .sort((a, b) => b.calls - a.calls || a.value.localeCompare(b.value));
}

const labelOf = (factor: Factor, value: string) =>
  factor === 'language' ? languageName(value) : factor === 'error_message' && value === NO_VALUE ? NO_MESSAGE_LABEL : value;

/** A value whose share grew by at least this many points since the spike began is a mover. */
const MOVER_PTS = 5;

/**
 * Fills each share's before_pct from the earlier window and returns the values whose share grew
 * the most (at least MOVER_PTS points), biggest first: what the spike added, as opposed to what
 * was always there.
 */
export function compareShares(now: FactorShares, before: FactorShares): Mover[] {
  const movers: Mover[] = [];
  for (const f of FACTORS) {
    const earlier = new Map(before.shares[f].map((s) => [s.value, s.calls]));
    for (const s of now.shares[f]) {
      s.before_pct = before.total ? round1((100 * (earlier.get(s.value) ?? 0)) / before.total) : 0;
      const change = round1(s.pct - s.before_pct);
      if (change >= MOVER_PTS) movers.push({ factor: f, value: s.value, label: s.label, before_pct: s.before_pct, pct: s.pct, change_pts: change });
    }
  }
  return movers.sort((a, b) => b.change_pts - a.change_pts || a.value.localeCompare(b.value));
}
