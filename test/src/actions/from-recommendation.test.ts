import { describe, expect, it } from 'vitest';
import { recommendationFromValue, recommendationTakeButton } from '../../../src/actions/from-recommendation.ts';
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
      const button = recommendationTakeButton(rec, i, '2026-11-05');
      expect(button.action_id).toBe(`action_take:${i}`);
      const value = button.value;
      expect(value.length).toBeLessThanOrEqual(2000); // Slack's button value limit
      const input = recommendationFromValue(deps, value, '2026-11-24');
      expect(input).toMatchObject({ journey: rec.journey, title: rec.title, ownerTeam: rec.owner_team, recommendationId: rec.id, estimatedSavingsPerYear: rec.savings_per_year });
      expect(input.errorMessage ?? undefined).toBe(rec.targets.error_message);
    }
    const value = recommendationTakeButton(recs[0], 0, '2026-11-05').value;
    const first = createAction(deps.store, recommendationFromValue(deps, value, '2026-11-24'), { user: 'U1', via: 'slack-button', at: deps.now() });
    const again = createAction(deps.store, recommendationFromValue(deps, value, '2026-11-24'), { user: 'U2', via: 'slack-button', at: deps.now() });
    expect(again).toMatchObject({ created: false, action: { id: first.action.id } });
  });

  it('reads only which recommendation a value names: figures and titles it claims are the store\'s again, and one the store does not give is refused', async () => {
    const deps = makeDeps({ now: '2026-11-06T15:00:00Z' });
    await loadKnownFix(deps);
    const [rec] = recommendActions(deps, { date: '2026-11-05', journey: 'billing' });
    // A value as buttons carried before (the whole recommendation, no day): read for "today".
    const claimed = JSON.stringify({ ...rec, title: 'Forged', savings_per_year: 1e9, expected_reduction_pct: 99 });
    expect(recommendationFromValue(deps, claimed, '2026-11-05')).toMatchObject({ title: rec.title, estimatedSavingsPerYear: rec.savings_per_year, expectedReductionPct: rec.expected_reduction_pct });
    expect(() => recommendationFromValue(deps, JSON.stringify({ id: 'billing:nope', journey: 'billing', date: '2026-11-05' }), '2026-11-06')).toThrow(
      'That recommendation is not among the ones the store gives for billing on 2026-11-05; run /leak actions billing for a fresh list.',
    );
  });

  it('refuses a value that is not a recommendation in one line', () => {
    const deps = makeDeps();
    expect(() => recommendationFromValue(deps, '{oops', '2026-11-06')).toThrow('That button did not carry a recommendation I can read; run /leak actions for a fresh list.');
    expect(() => recommendationFromValue(deps, JSON.stringify({ id: 'x', title: 't' }), '2026-11-06')).toThrow('That recommendation is missing journey; run /leak actions for a fresh list.');
    expect(() => recommendationFromValue(deps, JSON.stringify({ id: 'x', journey: 'billing', date: 'soon' }), '2026-11-06')).toThrow('That recommendation is missing date; run /leak actions for a fresh list.');
  });
});
