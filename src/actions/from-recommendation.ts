/**
 * A recommendation (from the digest's or `/leak actions`' "I'll take it" button, whose value is
 * the recommendation as JSON) turned into a tracked action. The value came through Slack, so it
 * is validated like any other input.
 */
import * as z from 'zod';
import { LeakError } from '../errors.ts';
import type { NewAction } from './types.ts';

/**
 * The button the digest and `/leak actions` put on each recommendation. Slack wants action_ids
 * unique within a message, so the n-th button is `action_take:n`; the listener matches the prefix.
 */
export const RECOMMENDATION_TAKE_ACTION_ID = 'action_take';
export const RECOMMENDATION_TAKE_PATTERN = /^action_take(:|$)/;

type RecommendationLike = {
  id: string;
  journey: string;
  title: string;
  owner_team: string;
  effort?: string | null;
  expected_reduction_pct?: number | null;
  savings_per_year?: number | null;
  targets?: { segment?: string | null; error_message?: string | null } | null;
};

/** "I'll take it" for one recommendation; the value carries only what an action needs (Slack caps it at 2,000). */
export function recommendationTakeButton(rec: RecommendationLike, index: number) {
  const { id, journey, title, owner_team, effort, expected_reduction_pct, savings_per_year, targets } = rec;
  const value = JSON.stringify({ id, journey, title: title.slice(0, 300), owner_team, effort, expected_reduction_pct, savings_per_year, targets: { segment: targets?.segment, error_message: targets?.error_message?.slice(0, 300) } });
  return { type: 'button' as const, text: { type: 'plain_text' as const, text: "I'll take it" }, style: 'primary' as const, action_id: `${RECOMMENDATION_TAKE_ACTION_ID}:${index}`, value };
}

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
