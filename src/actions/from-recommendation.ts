/**
 * A recommendation (from the digest's or `/leak actions`' "I'll take it" button, whose value is
 * the recommendation as JSON) turned into a tracked action. The value came through Slack, so it
 * is validated like any other input.
 */
import { z } from 'zod';
import { LeakError } from '../errors.ts';
import type { NewAction } from './types.ts';

/** The button the digest and `/leak actions` put on each recommendation. */
export const RECOMMENDATION_TAKE_ACTION_ID = 'action_take';

const recommendationSchema = z.object({
  id: z.string().min(1).max(200),
  journey: z.string().min(1).max(100),
  title: z.string().min(1).max(300),
  owner_team: z.string().min(1).max(100),
  effort: z.string().max(50).nullish(),
  expected_reduction_pct: z.number().finite().nullish(),
  savings_per_year: z.number().finite().nullish(),
  targets: z.object({ segment: z.string().max(100).nullish(), error_message: z.string().max(300).nullish() }).partial().nullish(),
});

export function parseRecommendationValue(value: string | undefined): NewAction {
  let json: unknown;
  try {
    json = JSON.parse(value ?? '');
  } catch {
    throw new LeakError('bad_argument', 'That button did not carry a recommendation I can read; run /leak actions for a fresh list.');
  }
  const r = recommendationSchema.safeParse(json);
  if (!r.success) throw new LeakError('bad_argument', `That recommendation is missing ${r.error.issues[0].path.join('.') || 'fields'}; run /leak actions for a fresh list.`);
  const rec = r.data;
  return {
    journey: rec.journey,
    segment: rec.targets?.segment ?? null,
    errorMessage: rec.targets?.error_message ?? null,
    title: rec.title,
    ownerTeam: rec.owner_team,
    effort: rec.effort ?? null,
    expectedReductionPct: rec.expected_reduction_pct ?? null,
    estimatedSavingsPerYear: rec.savings_per_year ?? null,
    recommendationId: rec.id,
  };
}
