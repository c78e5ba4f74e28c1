/**
 * The outcome of a shipped action: the targeted leak (journey, and segment / error message when
 * the action names them) in the 14 complete days before the ship date against the complete days
 * after it (up to LEAK_OUTCOME_FINAL_DAYS). The ship day itself is left out: it is half before,
 * half after. Source: digital_call_leakage (one row per leaked call, with segment and error).
 */
import type { CommandDeps } from '../../commands/types.ts';
import { formatCount, formatMoney, formatPct, round1 } from '../format.ts';
import { addDays, daysBetween } from '../time.ts';
import { formatActionId, type Action } from './types.ts';

export const BEFORE_DAYS = 14;

export type Side = { from: string; to: string; days: number; calls_per_day: number; cost_per_day: number; repeat_rate_pct: number | null; sd_calls: number };
export type Outcome = {
  as_of: string;
  afterDays: number;
  before: Side;
  after: Side;
  change_pct: number | null;
  /** Change in mean calls/day over its standard error from the daily spread on both sides. */
  z: number | null;
  verdict: 'well outside normal variation' | 'outside normal variation' | 'within normal variation';
  sentence: string;
};

/** Null until there is at least one complete day after the ship date. */
export function measureActionOutcome(deps: CommandDeps, action: Pick<Action, 'journey' | 'segment' | 'errorMessage' | 'shipDate'>, today: string): Outcome | null {
  if (!action.shipDate) return null;
  const lastAfter = [addDays(today, -1), addDays(action.shipDate, deps.config.actions.finalDays)].sort()[0];
  const afterDays = daysBetween(action.shipDate, lastAfter);
  if (afterDays < 1) return null;
  const before = measureSide(deps, action, addDays(action.shipDate, -BEFORE_DAYS), addDays(action.shipDate, -1));
  const after = measureSide(deps, action, addDays(action.shipDate, 1), lastAfter);
  // Judged on unrounded means and spreads; the rounded ones are for display.
  const change = before.mean === 0 ? null : round1((100 * (after.mean - before.mean)) / before.mean);
  const se = Math.sqrt(before.sd ** 2 / before.days + after.sd ** 2 / after.days);
  const diff = after.mean - before.mean;
  const z = se > 0 ? round1(diff / se) : diff === 0 ? 0 : null;
  const verdict = z === null || Math.abs(z) >= 3 ? 'well outside normal variation' : Math.abs(z) >= 2 ? 'outside normal variation' : 'within normal variation';
  const rate = (r: number | null) => (r === null ? 'n/a' : `${Math.round(r)}%`);
  const sentence =
    `Calls/day ${perDay(before.calls_per_day)} → ${perDay(after.calls_per_day)} (${formatPct(change, true).replace('-', '−')}), ` +
    `cost/day ${formatMoney(before.cost_per_day)} → ${formatMoney(after.cost_per_day)}, repeat rate ${rate(before.repeat_rate_pct)} → ${rate(after.repeat_rate_pct)}: ` +
    `the change is ${verdict}.`;
  return { as_of: today, afterDays, before: publicSide(before), after: publicSide(after), change_pct: change, z, verdict, sentence };
}

/** Small daily counts keep their decimal (6.5 is not 7); large ones read as 5,000. */
const perDay = (n: number) => (n >= 100 ? formatCount(n) : String(round1(n)));

const publicSide = ({ mean: _m, sd: _s, ...side }: Side & { mean: number; sd: number }): Side => side;

function measureSide(deps: CommandDeps, t: Pick<Action, 'journey' | 'segment' | 'errorMessage'>, from: string, to: string): Side & { mean: number; sd: number } {
  const rows = deps.store.sqlite
    .prepare(
      `SELECT local_date AS date, count(*) AS calls, sum(is_repeat) AS repeats FROM digital_call_leakage
       WHERE journey = @journey AND (@segment IS NULL OR segment = @segment) AND (@error IS NULL OR error_message = @error)
         AND local_date BETWEEN @from AND @to GROUP BY local_date`,
    )
    .all({ journey: t.journey, segment: t.segment, error: t.errorMessage, from, to }) as { date: string; calls: number; repeats: number }[];
  const days = daysBetween(from, to) + 1;
  const byDate = new Map(rows.map((r) => [r.date, r.calls]));
  const daily = Array.from({ length: days }, (_, i) => byDate.get(addDays(from, i)) ?? 0);
  const calls = daily.reduce((s, n) => s + n, 0);
  const repeats = rows.reduce((s, r) => s + r.repeats, 0);
  const mean = calls / days;
  const sd = days > 1 ? Math.sqrt(daily.reduce((s, n) => s + (n - mean) ** 2, 0) / (days - 1)) : 0;
  return {
    from, to, days,
    calls_per_day: round1(mean),
    cost_per_day: round1(mean * deps.config.costPerCall),
    repeat_rate_pct: calls ? round1((100 * repeats) / calls) : null,
    sd_calls: round1(sd),
    mean,
    sd,
  };
}

export function outcomeReplyText(action: Action, o: Outcome, step: 'interim' | 'final'): string {
  const id = formatActionId(action.id);
  const head = step === 'final'
    ? `Final outcome for ${id} (${o.before.days} days before ${action.shipDate} vs ${o.afterDays} days after):`
    : `Interim outcome for ${id} after ${o.afterDays} days (vs the ${o.before.days} days before ${action.shipDate}):`;
  return `${head} ${o.sentence}${step === 'final' ? ` ${id} is now measured and closed.` : ''}`;
}
