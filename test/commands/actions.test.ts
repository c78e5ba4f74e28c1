import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionsResult } from '../../commands/actions.ts';
import { createAction } from '../../src/actions/repository.ts';
import { FIXTURE_DATE, loadSmallFixture } from '../helpers/fixture-small.ts';
import { invoke, refusal, renderText } from '../helpers/invoke.ts';
import { makeDeps } from '../helpers/store.ts';

const deps = makeDeps();
beforeAll(() => loadSmallFixture(deps));

describe('actions', () => {
  it('lists the top N by ROI with a headline, then the open actions of the journey', async () => {
    const r = await invoke<ActionsResult>(deps, ['actions', 'billing', '--date', FIXTURE_DATE, '--top', '3']);
    expect(r.recommendations.map((x) => x.id.split(':')[1])).toEqual(['faq-article', 'ux-fix-error', 'ivr-message']);
    expect(r.more).toBe(4);
    expect(r.headline).toBe(
      'Best return for billing: Help article linked from the "Member not eligible for autopay" screen in billing (Digital Content, effort S ≈ 1 wk) cuts the billing leak 17% and saves $2.0K a year, 0.2× its cost.',
    );
    expect(r.open_actions).toEqual([]);
    expect(await renderText(deps, ['actions'], r)).toContain('(4 more; --top N to see them)');
  });

  it('says when there is nothing to recommend', async () => {
    // Today, weeks after the store's last call: a fair question with nothing measured to answer it.
    const later = makeDeps({ now: '2026-12-20T17:00:00Z' });
    await loadSmallFixture(later);
    const r = await invoke<ActionsResult>(later, ['actions', 'billing']);
    expect(r.recommendations).toEqual([]);
    expect(r.headline).toBe('No measured leak for billing in the 7 days before 2026-12-20: nothing to recommend yet.');
  });

  it('shows open tracked actions for the journey', async () => {
    const d = makeDeps();
    await loadSmallFixture(d);
    createAction(d.store, { journey: 'billing', title: 'Fix autopay eligibility', ownerTeam: 'Digital Product' }, { user: 'dana', via: 'cli', at: d.now() });
    const r = await invoke<ActionsResult>(d, ['actions', 'billing', '--date', FIXTURE_DATE]);
    expect(r.open_actions.map((a) => a.title)).toEqual(['Fix autopay eligibility']);
    expect((await invoke<ActionsResult>(d, ['actions', 'pharmacy', '--date', FIXTURE_DATE])).open_actions).toEqual([]);
  });

  it('refuses bad input with one line', async () => {
    expect(await refusal(deps, ['actions', 'dental'])).toBe('Unknown journey "dental". Known journeys: billing, id_card, pharmacy.');
    expect(await refusal(deps, ['actions', '--top', '0'])).toBe('--top must be a whole number from 1 to 50 (got "0").');
    expect(await refusal(deps, ['actions', '--date', '2026-10-01'])).toBe(
      'No data for --date 2026-10-01: the store holds calls from 2026-11-13 to 2026-11-20 (dates in America/New_York). Try a date from 2026-11-13 to 2026-11-20.',
    );
  });
});
