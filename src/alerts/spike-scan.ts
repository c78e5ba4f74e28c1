/**
 * The insight scan: leaked calls (gold error_drilldown for whole days, silver digital_call_leakage
 * for the live scan's part of a day) by journey,
 * journey × segment and journey × error message on one day (or one day through an hour, for the
 * live scan), each against its own baseline: the same weekday, over the same part of the day, in
 * the earlier weeks the store holds (rules: baselineWeeks). A series is raised when the rise is
 * material (extra calls, extra dollars and percent all at their minimums) AND unusual for counts of
 * that size (the exact Poisson rate test in count-test.ts), at familyAlpha split over the series tested.
 */
import type { Context } from '../context.ts';
import { round1 } from '../format.ts';
import { addDays, sameWeekdaysBefore, zoneClock } from '../time.ts';
import { spikePValue } from './count-test.ts';
import { alertRules, type AlertRules } from './rules.ts';
import { describeSpike } from './spike-text.ts';
import type { Evaluation, ScanQuery, SeriesEval, Spike, SpikeDimension } from './types.ts';
import { readCallSpan } from '../pipeline/call-span.ts';

type Row = { dimension: SpikeDimension; d: string; journey: string; segment: string | null; err: string | null; calls: number };
type Acc = Pick<SeriesEval, 'key' | 'dimension' | 'journey' | 'segment' | 'error_message'> & { byDate: Map<string, number> };

/** Every series judged for the day: the flagged ones and the rest (resolution needs both). */
export function evaluateSeries(ctx: Context, q: ScanQuery, rules: AlertRules['leak_spike'] = alertRules(ctx.config).leak_spike): Evaluation {
  const hour = q.hour ?? null;
  const first = readCallSpan(ctx.store.sqlite).first;
  const baselineDates = sameWeekdaysBefore(q.date, rules.baselineWeeks, first);
  const empty: Evaluation = { date: q.date, hour, baselineDates, pThreshold: 0, series: [] };
  if (baselineDates.length < rules.minBaselineWeeks) return empty;

  const weeks = baselineDates.length;
  const cutoff = hour === null ? 1440 : (hour + 1) * 60;
  // Every day of the baseline weeks, not only the same weekday: they measure the day-to-day spread.
  const from = addDays(q.date, -7 * weeks);
  // Whole days read gold (a few thousand rows whatever the volume); only the live scan needs the
  // minute of each call, which silver alone keeps. The three roll-ups are summed in SQL, so
  // JavaScript sees each series' days once, not every fine-grained row three times.
  const cells =
    hour === null
      ? `SELECT date AS d, journey, segment, error_message AS err, sum(calls) AS calls FROM error_drilldown
         WHERE date BETWEEN @from AND @to GROUP BY 1, 2, 3, 4`
      : `SELECT local_date AS d, journey, segment, coalesce(error_message, '') AS err, count(*) AS calls FROM digital_call_leakage
         WHERE local_date BETWEEN @from AND @to AND local_minute < @cutoff GROUP BY 1, 2, 3, 4`;
  const rows = ctx.store.sqlite
    .prepare(
      `WITH cells AS MATERIALIZED (${cells})
       SELECT 'journey' AS dimension, d, journey, NULL AS segment, NULL AS err, sum(calls) AS calls FROM cells GROUP BY d, journey
       UNION ALL SELECT 'journey_segment', d, journey, segment, NULL, sum(calls) FROM cells GROUP BY d, journey, segment
       UNION ALL SELECT 'journey_error', d, journey, NULL, err, sum(calls) FROM cells GROUP BY d, journey, err`,
    )
    .all(hour === null ? { from, to: q.date } : { from, to: q.date, cutoff }) as Row[];

  const acc = new Map<string, Acc>();
  for (const r of rows) {
    const key = r.dimension === 'journey' ? `journey|${r.journey}` : r.dimension === 'journey_segment' ? `segment|${r.journey}|${r.segment}` : `error|${r.journey}|${r.err}`;
    let s = acc.get(key);
    if (!s) acc.set(key, (s = { key, dimension: r.dimension, journey: r.journey, segment: r.segment, error_message: r.err, byDate: new Map() }));
    s.byDate.set(r.d, r.calls);
  }

  const history = Array.from({ length: 7 * weeks }, (_, i) => addDays(from, i));
  const pThreshold = rules.familyAlpha / Math.max(1, acc.size);
  const cost = ctx.config.costPerCall;
  const series = [...acc.values()].map(({ byDate, ...s }): SeriesEval => {
    const observed = byDate.get(q.date) ?? 0;
    const baseline = baselineDates.reduce((sum, d) => sum + (byDate.get(d) ?? 0), 0);
    const expected = baseline / weeks;
    const extra = observed - expected;
    const risePct = expected > 0 ? (100 * extra) / expected : null;
    const material = extra >= rules.minExtraCalls && extra * cost >= rules.minExtraDollars && (risePct === null || risePct >= rules.minRisePct);
    const dispersion = dispersionOf(history.map((d) => byDate.get(d) ?? 0), weeks);
    // Counts scaled down by the dispersion make the exact Poisson test a quasi-Poisson one.
    const p = material ? spikePValue(Math.round(observed / dispersion), Math.round(baseline / dispersion), weeks) : 1;
    return {
      ...s,
      observed,
      expected: round1(expected),
      extra_calls: Math.round(extra),
      extra_dollars: round1(extra * cost),
      rise_pct: risePct === null ? null : round1(risePct),
      dispersion: round1(dispersion),
      p_value: p,
      material,
      flagged: material && p <= pThreshold,
    };
  });
  series.sort((a, b) => b.extra_dollars - a.extra_dollars || a.key.localeCompare(b.key));
  return { date: q.date, hour, baselineDates, pThreshold, series };
}

/**
 * How much more the series wobbles from day to day than Poisson counts would (1 = pure Poisson):
 * the Pearson statistic of each day against its weekday's mean over the baseline weeks, per degree
 * of freedom. Real volumes (and the simulator's) move together by a few percent a day, which for
 * large counts is far more than Poisson noise; ignoring it makes every big series "significant".
 * Never below 1, and 1 when fewer than two weeks are there to measure it.
 */
function dispersionOf(days: number[], weeks: number): number {
  if (weeks < 2) return 1;
  let pearson = 0;
  for (let wd = 0; wd < 7; wd++) {
    const xs = Array.from({ length: weeks }, (_, w) => days[w * 7 + wd]);
    const m = xs.reduce((a, b) => a + b, 0) / weeks;
    if (m > 0) for (const x of xs) pearson += (x - m) ** 2 / m;
  }
  return Math.max(1, pearson / (7 * (weeks - 1)));
}

/** The spikes of a day (or of a day through `hour`), largest extra cost first, each with its sentence. */
export function scanSpikes(ctx: Context, q: ScanQuery, rules: AlertRules['leak_spike'] = alertRules(ctx.config).leak_spike): Spike[] {
  if (!rules.enabled) return [];
  return spikesOf(ctx, q, evaluateSeries(ctx, q, rules), rules);
}

/** The spikes of an evaluation already made (a job that also resolves spikes from it evaluates once). */
export function spikesOf(ctx: Context, q: ScanQuery, ev: Evaluation, rules: AlertRules['leak_spike']): Spike[] {
  const today = zoneClock(ctx.config.timeZone).today(ctx.now());
  return ev.series
    .filter((s) => s.flagged)
    .map((s) => describeSpike(ctx, s, { rules, date: q.date, hour: ev.hour, today, baselineDates: ev.baselineDates, pThreshold: ev.pThreshold, seriesTested: ev.series.length }));
}
