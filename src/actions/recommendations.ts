/**
 * "What should my teams do next?" Each catalog template applied to each leaking journey: it targets
 * the factor value holding the largest share of the journey's leaks (from explainJourney) and removes
 * its expected share of those calls. Savings start from the measured baseline (savings_model), so a
 * template aimed at an error message behind 80% of the leak can save at most 80% of it. Ranked by ROI.
 */
import type { Context } from '../context.ts';
import { round1 } from '../format.ts';
import { loadActionCatalog, type ActionTemplate } from './catalog.ts';
import { DAYS_PER_YEAR, readSavingsBaseline } from '../savings/savings.ts';
import { explainJourney, type WhyResult } from '../root-cause/explain-journey.ts';
import { FACTORS, type Factor } from '../root-cause/leak-shares.ts';
import { NO_VALUE } from '../leakage/missing-values.ts';

export type Recommendation = {
  id: string;
  journey: string;
  fix_type: string;
  title: string;
  owner_team: string;
  effort: 'S' | 'M' | 'L';
  effort_weeks: number;
  /** Of the journey's whole leak: the targeted share × the template's reduction. */
  expected_reduction_pct: number;
  calls_avoided_per_day: number;
  savings_per_day: number;
  savings_per_year: number;
  /** Savings a year per dollar of effort (effort_weeks × effort_week_cost). */
  roi: number;
  targets: { segment?: string; error_message?: string; device?: string; channel?: string; language?: string };
  /** The share of the journey's leaks the targeted value holds, in %. */
  target_share_pct: number;
};

/** Journeys with a measured baseline or leaks on the date. */
function leakingJourneys(ctx: Context, date: string): string[] {
  return ctx.store.sqlite
    .prepare(
      `SELECT journey FROM savings_model WHERE date = ? AND baseline_calls_per_day > 0
       UNION SELECT journey FROM segment_drilldown WHERE date = ? ORDER BY journey`,
    )
    .pluck()
    .all(date, date) as string[];
}

export function recommendActions(ctx: Context, q: { date: string; journey?: string }): Recommendation[] {
  const catalog = loadActionCatalog(ctx.config.actionCatalog);
  const journeys = q.journey ? [q.journey] : leakingJourneys(ctx, q.date);
  const out: Recommendation[] = [];
  for (const journey of journeys) {
    const inputs = readSavingsBaseline(ctx, { date: q.date, journey });
    if (inputs.calls_per_day <= 0) continue;
    const why = explainJourney(ctx, { date: q.date, journey }, { compare: false });
    for (const t of catalog.templates) {
      const rec = applyTemplate(t, catalog.effort_week_cost, journey, why, inputs.calls_per_day, inputs.cost_per_call);
      if (rec) out.push(rec);
    }
  }
  return out.sort((a, b) => b.roi - a.roi || b.savings_per_year - a.savings_per_year || a.id.localeCompare(b.id));
}

function applyTemplate(t: ActionTemplate, weekCost: number, journey: string, why: WhyResult, perDay: number, cost: number): Recommendation | null {
  const total = why.window.calls;
  let share = 1;
  const targets: Recommendation['targets'] = {};
  const fill: Record<string, string> = { journey };
  if (t.targets !== 'journey') {
    const top = why.shares[t.targets as Factor].find((s) => s.value !== NO_VALUE && !(t.exclude_values ?? []).includes(s.value));
    if (!top || total === 0) return null;
    share = top.calls / total;
    targets[t.targets] = top.value;
    fill[t.targets] = top.label;
  }
  // Fill the other placeholders with each factor's leading value, so titles read naturally.
  for (const f of FACTORS) fill[f] ??= why.shares[f][0]?.label ?? f;
  const avoided = (perDay * share * t.expected_reduction_pct) / 100;
  const perYear = avoided * cost * DAYS_PER_YEAR;
  const key = Object.values(targets)[0];
  return {
    id: [journey, t.id, key && slug(key)].filter(Boolean).join(':'),
    journey,
    fix_type: t.fix_type,
    title: t.title.replace(/\{(\w+)\}/g, (m, k: string) => fill[k] ?? m),
    owner_team: t.owner_team,
    effort: t.effort,
    effort_weeks: t.effort_weeks,
    expected_reduction_pct: round1(share * t.expected_reduction_pct),
    calls_avoided_per_day: cents(avoided),
    savings_per_day: cents(avoided * cost),
    savings_per_year: cents(perYear),
    roi: cents(perYear / (t.effort_weeks * weekCost)),
    targets,
    target_share_pct: round1(100 * share),
  };
}

const cents = (n: number) => Math.round(n * 100) / 100;
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);
