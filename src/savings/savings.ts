/**
 * The savings arithmetic and its measured inputs. Inputs come from gold savings_model: calls/day is
 * the mean of the 7 complete days before the date, so today's partial count never enters it.
 */
import type { Context } from '../context.ts';
import { addDays } from '../time.ts';

export const DAYS_PER_YEAR = 365;

export type SavingsInputs = { calls_per_day: number; cost_per_call: number; repeat_rate_pct: number };
export type SavingsFigures = SavingsInputs & {
  annual_cost: number;
  fix_pct: number;
  calls_avoided_per_day: number;
  savings_per_day: number;
  savings_per_year: number;
  repeat_calls_avoided_per_day: number;
};

/** Pure arithmetic: the worked example 5000 calls × $8 at 10% with 28% repeats gives 500, $4,000, $1,460,000, 140. */
export function computeSavings(i: SavingsInputs & { fix_pct: number }): SavingsFigures {
  const avoided = (i.calls_per_day * i.fix_pct) / 100;
  return {
    calls_per_day: exact(i.calls_per_day),
    cost_per_call: i.cost_per_call,
    repeat_rate_pct: exact(i.repeat_rate_pct),
    annual_cost: exact(i.calls_per_day * i.cost_per_call * DAYS_PER_YEAR),
    fix_pct: i.fix_pct,
    calls_avoided_per_day: exact(avoided),
    savings_per_day: exact(avoided * i.cost_per_call),
    savings_per_year: exact(avoided * i.cost_per_call * DAYS_PER_YEAR),
    repeat_calls_avoided_per_day: exact((avoided * i.repeat_rate_pct) / 100),
  };
}

/** Cents are the finest grain anyone asks for; this also clears float dust (0.30000000000000004). */
const exact = (n: number) => Math.round(n * 100) / 100;

export type MeasuredInputs = SavingsInputs & { baseline_from: string; baseline_to: string; journeys: string[] };

/**
 * The measured inputs for one journey or all of them on a date. Repeat rate across journeys is
 * weighted by their calls. Dates with no savings_model row (past the store's last call day) fall
 * back to the same definition on segment_drilldown: the 7 days before, divided by 7.
 */
export function measureSavingsInputs(ctx: Context, q: { date: string; journey?: string }): MeasuredInputs {
  const { sqlite } = ctx.store;
  const [from, to] = [addDays(q.date, -7), addDays(q.date, -1)];
  let rows = sqlite
    .prepare(
      `SELECT journey, baseline_calls_per_day AS perDay, baseline_repeat_rate AS repeatRate, cost_per_call AS cost
       FROM savings_model WHERE date = @date AND (@journey IS NULL OR journey = @journey) ORDER BY journey`,
    )
    .all({ date: q.date, journey: q.journey ?? null }) as { journey: string; perDay: number; repeatRate: number; cost: number }[];
  if (rows.length === 0) {
    rows = sqlite
      .prepare(
        `SELECT journey, sum(calls) / 7.0 AS perDay, CASE WHEN sum(calls) > 0 THEN sum(repeats) * 1.0 / sum(calls) ELSE 0 END AS repeatRate,
           @cost AS cost
         FROM segment_drilldown WHERE date BETWEEN @from AND @to AND (@journey IS NULL OR journey = @journey)
         GROUP BY journey ORDER BY journey`,
      )
      .all({ from, to, journey: q.journey ?? null, cost: ctx.config.costPerCall }) as typeof rows;
  }
  const perDay = rows.reduce((s, r) => s + r.perDay, 0);
  const repeats = rows.reduce((s, r) => s + r.perDay * r.repeatRate, 0);
  return {
    calls_per_day: perDay,
    cost_per_call: rows[0]?.cost ?? ctx.config.costPerCall,
    repeat_rate_pct: perDay ? (100 * repeats) / perDay : 0,
    baseline_from: from,
    baseline_to: to,
    journeys: rows.map((r) => r.journey),
  };
}

export type JourneySavings = { journey: string; baseline_calls_per_day: number; annual_cost: number };

/** Each journey's measured baseline and what it costs a year on the date, costliest first (gold savings_model). */
export function listJourneySavings(ctx: Context, date: string): JourneySavings[] {
  return ctx.store.sqlite
    .prepare(
      `SELECT journey, baseline_calls_per_day, annual_cost FROM savings_model
       WHERE date = ? AND annual_cost > 0 ORDER BY annual_cost DESC, journey`,
    )
    .all(date) as JourneySavings[];
}
