/**
 * A recommendation (from the digest's or `/leak actions`' "I'll take it" button, whose value names
 * the recommendation) turned into a tracked action. The value came through Slack, so it is read like
 * any other input, and what it claims beyond the name is never believed.
 */
import * as z from 'zod';
import type { Context } from '../context.ts';
import { LeakError } from '../errors.ts';
import { recommendActions, type Recommendation } from './recommendations.ts';
import type { NewAction } from './types.ts';

/**
 * The button the digest and `/leak actions` put on each recommendation. Slack wants action_ids
 * unique within a message, so the n-th button is `action_take:n`; the listener matches the prefix.
 */
export const RECOMMENDATION_TAKE_ACTION_ID = 'action_take';
export const RECOMMENDATION_TAKE_PATTERN = /^action_take(:|$)/;

/** "I'll take it" for one recommendation, computed for `date`: the value names it (its id, journey and that day) for the click to find again. */
export function recommendationTakeButton(rec: Pick<Recommendation, 'id' | 'journey'>, index: number, date: string) {
  const value = JSON.stringify({ id: rec.id.slice(0, 200), journey: rec.journey, date });
  return { type: 'button' as const, text: { type: 'plain_text' as const, text: "I'll take it" }, style: 'primary' as const, action_id: `${RECOMMENDATION_TAKE_ACTION_ID}:${index}`, value };
}

/** Buttons posted before the value carried its day still name a recommendation; they are read for today. */
const referenceSchema = z.object({
  id: z.string().min(1).max(200),
  journey: z.string().min(1).max(100),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
});

/**
 * The tracked action a click on "I'll take it" creates. The value came through Slack and may have been
 * crafted, so only which recommendation it names is read; the recommendation itself (title, team,
 * targets, the expected cut and savings) is computed again from the store for that journey and day, so
 * every figure the action shows is the store's. One the store does not give is refused.
 */
export function recommendationFromValue(ctx: Context, value: string | undefined, today: string): NewAction {
  let json: unknown;
  try {
    json = JSON.parse(value ?? '');
  } catch {
    throw new LeakError('bad_argument', 'That button did not carry a recommendation I can read; run /leak actions for a fresh list.');
  }
  const ref = referenceSchema.safeParse(json);
  if (!ref.success) throw new LeakError('bad_argument', `That recommendation is missing ${ref.error.issues[0].path.join('.') || 'fields'}; run /leak actions for a fresh list.`);
  const { id, journey, date = today } = ref.data;
  const rec = recommendActions(ctx, { date, journey }).find((r) => r.id === id);
  if (!rec) throw new LeakError('not_found', `That recommendation is not among the ones the store gives for ${journey} on ${date}; run /leak actions ${journey} for a fresh list.`);
  return {
    journey: rec.journey,
    segment: rec.targets.segment ?? null,
    errorMessage: rec.targets.error_message ?? null,
    title: rec.title,
    ownerTeam: rec.owner_team,
    effort: rec.effort,
    expectedReductionPct: rec.expected_reduction_pct,
    estimatedSavingsPerYear: rec.savings_per_year,
    recommendationId: rec.id,
  };
}
