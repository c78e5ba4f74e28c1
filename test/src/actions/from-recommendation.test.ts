import { describe, expect, it } from 'vitest';
import { parseRecommendationValue, recommendationTakeButton } from '../../../src/actions/from-recommendation.ts';
import { createAction } from '../../../src/actions/repository.ts';
import { recommendActions } from '../../../src/actions/recommendations.ts';
import { makeDeps } from '../../helpers/store.ts';
import { loadKnownFix } from './known-fix.ts';

describe('actions from recommendations', () => {
  it('reads the real recommendations as button values and tracks one action per recommendation', async () => {
    const deps = makeDeps({ now: '2026-11-06T15:00:00Z' });
    await loadKnownFix(deps);
    const recs = recommendActions(deps, { date: '2026-11-05', journey: 'billing' });
    expect(recs.length).toBeGreaterThan(0);
    for (const [i, rec] of recs.entries()) {
      const button = recommendationTakeButton(rec, i);
      expect(button.action_id).toBe(`action_take:${i}`);
      const value = button.value;
      expect(value.length).toBeLessThanOrEqual(2000); // Slack's button value limit
      const input = parseRecommendationValue(value);
      expect(input).toMatchObject({ journey: rec.journey, title: rec.title, ownerTeam: rec.owner_team, recommendationId: rec.id, estimatedSavingsPerYear: rec.savings_per_year });
      expect(input.errorMessage ?? undefined).toBe(rec.targets.error_message);
    }
    const first = createAction(deps.store, parseRecommendationValue(JSON.stringify(recs[0])), { user: 'U1', via: 'slack-button', at: deps.now() });
    const again = createAction(deps.store, parseRecommendationValue(JSON.stringify(recs[0])), { user: 'U2', via: 'slack-button', at: deps.now() });
    expect(again).toMatchObject({ created: false, action: { id: first.action.id } });
  });

  it('refuses a value that is not a recommendation in one line', () => {
    expect(() => parseRecommendationValue('{oops')).toThrow('That button did not carry a recommendation I can read; run /leak actions for a fresh list.');
    expect(() => parseRecommendationValue(JSON.stringify({ id: 'x', journey: 'billing', title: 't' }))).toThrow('That recommendation is missing owner_team; run /leak actions for a fresh list.');
  });
});
