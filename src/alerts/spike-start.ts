/**
 * When a spike began: walking back from the flagged day, the first day of the unbroken run of days
 * on which the same series was materially above its own same-weekday baseline (the material test
 * of the scan, without the significance test: a start is a level, not a surprise). At most
 * MAX_LOOKBACK days back.
 */
import type { Context } from '../context.ts';
import { addDays, sameWeekdaysBefore } from '../time.ts';
import type { AlertRules } from './rules.ts';
import type { SeriesEval } from './types.ts';
import { readCallSpan } from '../pipeline/call-span.ts';

const MAX_LOOKBACK = 14;

export function spikeStart(ctx: Context, s: SeriesEval, date: string, rules: AlertRules['leak_spike']): string {
  const weeks = rules.baselineWeeks;
  const from = addDays(date, -MAX_LOOKBACK - 7 * weeks);
  const filter = s.dimension === 'journey_segment' ? 'AND segment = @segment' : s.dimension === 'journey_error' ? 'AND error_message = @err' : '';
  // Whole days, so gold answers (error_drilldown keeps no message as '', as the scan's series do).
  const rows = ctx.store.sqlite
    .prepare(`SELECT date AS d, sum(calls) AS calls FROM error_drilldown WHERE date BETWEEN @from AND @date AND journey = @journey ${filter} GROUP BY 1`)
    .all({ from, date, journey: s.journey, segment: s.segment, err: s.error_message }) as { d: string; calls: number }[];
  const first = readCallSpan(ctx.store.sqlite).first;
  const calls = new Map(rows.map((r) => [r.d, r.calls]));
  const material = (d: string) => {
    const base = sameWeekdaysBefore(d, weeks, first);
    if (base.length < rules.minBaselineWeeks) return false;
    const expected = base.reduce((sum, b) => sum + (calls.get(b) ?? 0), 0) / base.length;
    const extra = (calls.get(d) ?? 0) - expected;
    return extra >= rules.minExtraCalls && extra * ctx.config.costPerCall >= rules.minExtraDollars && (expected === 0 || (100 * extra) / expected >= rules.minRisePct);
  };
  let start = date;
  for (let i = 1; i <= MAX_LOOKBACK; i++) {
    const d = addDays(date, -i);
    if (!material(d)) break;
    start = d;
  }
  return start;
}
