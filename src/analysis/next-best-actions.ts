/**
 * "What should my teams do next?" Each catalog template applied to each leaking journey: it targets
 * the factor value holding the largest share of the journey's leaks (from explainJourney) and removes
 * its expected share of those calls. Savings start from the measured baseline (savings_model), so a
 * template aimed at an error message behind 80% of the leak can save at most 80% of it. Ranked by ROI.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Context } from '../context.ts';
import { LeakError } from '../errors.ts';
import { round1 } from '../format.ts';
import { DAYS_PER_YEAR, measureSavingsInputs } from './savings.ts';
import { explainJourney, type Factor, type WhyResult } from './root-cause.ts';

export const DEFAULT_CATALOG = fileURLToPath(new URL('./action-templates.json', import.meta.url));

const templateSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and dashes'),
  fix_type: z.string().min(1),
  title: z.string().min(1),
  owner_team: z.string().min(1),
  effort: z.enum(['S', 'M', 'L']),
  effort_weeks: z.number().positive(),
  expected_reduction_pct: z.number().gt(0).max(100),
  targets: z.enum(['journey', 'error_message', 'device', 'channel', 'segment', 'language']),
  exclude_values: z.array(z.string()).optional(),
});
const catalogSchema = z.object({ about: z.string().optional(), effort_week_cost: z.number().positive(), templates: z.array(templateSchema).min(1) });
export type ActionTemplate = z.infer<typeof templateSchema>;
export type ActionCatalog = z.infer<typeof catalogSchema>;

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

/** Reads and validates a catalog; any problem is one line naming the file and the field. */
export function loadActionCatalog(file: string = DEFAULT_CATALOG): ActionCatalog {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new LeakError('bad_config', `Cannot read the action catalog ${file}: ${(e as Error).message.split('\n')[0]}.`);
  }
  const parsed = catalogSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new LeakError('bad_config', `Invalid action catalog ${file}: ${issue.path.join('.') || '(top level)'} ${issue.message}.`);
  }
  const ids = parsed.data.templates.map((t) => t.id);
  const dup = ids.find((id, i) => ids.indexOf(id) !== i);
  if (dup) throw new LeakError('bad_config', `Invalid action catalog ${file}: template id "${dup}" appears twice.`);
  return parsed.data;
}

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
  const catalog = loadActionCatalog(ctx.config.actionCatalog ?? DEFAULT_CATALOG);
  const journeys = q.journey ? [q.journey] : leakingJourneys(ctx, q.date);
  const out: Recommendation[] = [];
  for (const journey of journeys) {
    const inputs = measureSavingsInputs(ctx, { date: q.date, journey });
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
    const top = why.shares[t.targets as Factor].find((s) => s.value !== '(none)' && !(t.exclude_values ?? []).includes(s.value));
    if (!top || total === 0) return null;
    share = top.calls / total;
    targets[t.targets] = top.value;
    fill[t.targets] = top.label;
  }
  // Fill the other placeholders with each factor's leading value, so titles read naturally.
  for (const f of ['error_message', 'device', 'channel', 'segment', 'language'] as const) fill[f] ??= why.shares[f][0]?.label ?? f;
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
