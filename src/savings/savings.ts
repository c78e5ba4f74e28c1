/**
 * The savings arithmetic and its measured inputs. Inputs come from gold savings_model: calls/day is
 * the mean of the 7 complete days before the date, so today's partial count never enters it.
 */
import type { Context } from '../context.ts';
import { addDays } from '../time.ts';
import { repeatKnownFrom } from '../pipeline/repeat-window.ts';
import { readCallSpan } from '../pipeline/call-span.ts';

export const DAYS_PER_YEAR = 365;

/** repeat_rate_pct is null when no day measured has a repeat look-back inside the store's history. */
export type SavingsInputs = { calls_per_day: number; cost_per_call: number; repeat_rate_pct: number | null };
export type SavingsFigures = SavingsInputs & {
  annual_cost: number;
  fix_pct: number;
  calls_avoided_per_day: number;
  savings_per_day: number;
  savings_per_year: number;
  repeat_calls_avoided_per_day: number | null;
};

/** Pure arithmetic: the worked example 5000 calls × $8 at 10% with 28% repeats gives 500, $4,000, $1,460,000, 140. */
export function computeSavings(i: SavingsInputs & { fix_pct: number }): SavingsFigures {
  const avoided = (i.calls_per_day * i.fix_pct) / 100;
  return {
    calls_per_day: exact(i.calls_per_day),
    cost_per_call: i.cost_per_call,
    repeat_rate_pct: i.repeat_rate_pct === null ? null : exact(i.repeat_rate_pct),
    annual_cost: exact(i.calls_per_day * i.cost_per_call * DAYS_PER_YEAR),
    fix_pct: i.fix_pct,
    calls_avoided_per_day: exact(avoided),
    savings_per_day: exact(avoided * i.cost_per_call),
    savings_per_year: exact(avoided * i.cost_per_call * DAYS_PER_YEAR),
    repeat_calls_avoided_per_day: i.repeat_rate_pct === null ? null : exact((avoided * i.repeat_rate_pct) / 100),
  };
}

/** Cents are the finest grain anyone asks for; this also clears float dust (0.30000000000000004). */
const exact = (n: number) => Math.round(n * 100) / 100;

export type MeasuredInputs = SavingsInputs & {
  baseline_from: string;
  baseline_to: string;
  journeys: string[];
  /** The days the repeat rate was measured on: the baseline's days from the first one whose look-back the history covers; null when none. */
  repeat_from: string | null;
  /** From when repeat rates are known in this store (null without calls). */
  repeat_known_from: string | null;
};

export type SavingsBaseline = { calls_per_day: number; cost_per_call: number; journeys: string[] };

/**
 * The baseline for one journey or all of them on a date: leaked calls a day and the cost per call,
 * from gold savings_model. Dates with no savings_model row (past the store's last call day) fall
 * back to the same definition on segment_drilldown: the 7 days before, divided by 7. All a
 * recommendation needs; measureSavingsInputs adds the repeat rate.
 */
export function readSavingsBaseline(ctx: Context, q: { date: string; journey?: string }): SavingsBaseline {
  const { sqlite } = ctx.store;
  let rows = sqlite
    .prepare(
      `SELECT journey, baseline_calls_per_day AS perDay, cost_per_call AS cost
       FROM savings_model WHERE date = @date AND (@journey IS NULL OR journey = @journey) ORDER BY journey`,
    )
    .all({ date: q.date, journey: q.journey ?? null }) as { journey: string; perDay: number; cost: number }[];
  if (rows.length === 0) {
    rows = sqlite
      .prepare(
        `SELECT journey, sum(calls) / 7.0 AS perDay, @cost AS cost
         FROM segment_drilldown WHERE date BETWEEN @from AND @to AND (@journey IS NULL OR journey = @journey)
         GROUP BY journey ORDER BY journey`,
      )
      .all({ from: addDays(q.date, -7), to: addDays(q.date, -1), journey: q.journey ?? null, cost: ctx.config.costPerCall }) as typeof rows;
  }
  return { calls_per_day: rows.reduce((s, r) => s + r.perDay, 0), cost_per_call: rows[0]?.cost ?? ctx.config.costPerCall, journeys: rows.map((r) => r.journey) };
}

/**
 * The measured inputs for one journey or all of them on a date: the baseline (readSavingsBaseline)
 * and the repeat rate, which pools the calls of the 7 days before whose 7-day look-back lies inside
 * the store's history (from its first call date + 7): the warm-up week would read as fewer repeats
 * than there were.
 */
export function measureSavingsInputs(ctx: Context, q: { date: string; journey?: string }): MeasuredInputs {
  const { sqlite } = ctx.store;
  const [from, to] = [addDays(q.date, -7), addDays(q.date, -1)];
  const baseline = readSavingsBaseline(ctx, q);
  // The model's mean covers only days the store holds (gold.ts), so its window starts at the first call date.
  const first = readCallSpan(sqlite).first;
  const known = repeatKnownFrom(first);
  const baselineFrom = baseline.journeys.length && first && first > from && first <= to ? first : from;
  const repeatFrom = known === null || known > to ? null : known > from ? known : from;
  const pooled = repeatFrom
    ? (sqlite
        .prepare(
          `SELECT sum(repeats) AS repeats, sum(calls) AS calls FROM segment_drilldown
           WHERE date BETWEEN @from AND @to AND (@journey IS NULL OR journey = @journey)`,
        )
        .get({ from: repeatFrom, to, journey: q.journey ?? null }) as { repeats: number | null; calls: number | null })
    : null;
  return {
    calls_per_day: baseline.calls_per_day,
    cost_per_call: baseline.cost_per_call,
    repeat_rate_pct: pooled?.calls ? (100 * pooled.repeats!) / pooled.calls : null,
    baseline_from: baselineFrom,
    baseline_to: to,
    journeys: baseline.journeys,
    repeat_from: repeatFrom,
    repeat_known_from: known,
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
