import { beforeAll, describe, expect, it } from 'vitest';
import { measureBeforeAfter } from '../../../src/before-after/measure.ts';
import { CARD_DECLINED, loadSmallFixture } from '../../helpers/fixture-small.ts';
import { makeDeps } from '../../helpers/store.ts';

describe('measureBeforeAfter on the small fixture', () => {
  const deps = makeDeps();
  beforeAll(() => loadSmallFixture(deps));

  it('pharmacy drop from 11-17: 4/day → 1/day, windows clipped to the 4 days the store has before', () => {
    const r = measureBeforeAfter(deps, { journey: 'pharmacy', pivot: '2026-11-17', beforeDays: 7, afterDays: 7 });
    // Repeat flags are known from 11-20 (the store's first call date + 7): before's rate is unknown, not low.
    expect(r.before).toMatchObject({ from: '2026-11-13', to: '2026-11-16', days: 4, calls: 16, calls_per_day: 4, cost_per_day: 32, repeat_rate_pct: null, repeat_from: null });
    expect(r.after).toMatchObject({ from: '2026-11-17', to: '2026-11-20', days: 4, calls: 4, calls_per_day: 1, cost_per_day: 8, repeat_rate_pct: 0, repeat_from: '2026-11-20' });
    expect(r.change).toEqual({ calls_pct: -75, cost_pct: -75, repeat_rate_points: null });
    expect(r.significant).toBe(true);
    expect(r.sentence).toBe(
      'pharmacy, 4 days each side of 2026-11-17: calls/day 4 → 1 (−75%), cost/day $32 → $8, repeat rate unknown → 0%: the change is well outside normal day-to-day variation. ' +
        "Repeat rates count calls from 2026-11-20 on (earlier, the 7-day look-back reaches before the first call in the store, 2026-11-13).",
    );
  });

  it('billing rise from 11-18 over 3 days: Welch t = 11 on df 2 clears 4.303', () => {
    const r = measureBeforeAfter(deps, { journey: 'billing', pivot: '2026-11-18', beforeDays: 3, afterDays: 3 });
    expect(r.before.daily_calls).toEqual([2, 2, 2]);
    expect(r.after.daily_calls).toEqual([8, 10, 10]);
    expect(r.after.calls_per_day).toBe(9.33);
    expect(r.change.calls_pct).toBe(366.7);
    expect(r.test).toEqual({ method: 'welch_t', t: 11, df: 2, critical: 4.303 });
    expect(r.significant).toBe(true);
  });

  it('a flat journey is not a change', () => {
    const r = measureBeforeAfter(deps, { journey: 'id_card', pivot: '2026-11-17', beforeDays: 3, afterDays: 3 });
    expect(r.change.calls_pct).toBe(0);
    expect(r.significant).toBe(false);
    expect(r.sentence).toContain('within normal day-to-day variation');
  });

  it('filters by error message through silver: card declined 1,1,1 → 0,2,2 is noise (t = 0.5)', () => {
    const r = measureBeforeAfter(deps, { journey: 'billing', errorMessage: CARD_DECLINED, pivot: '2026-11-18', beforeDays: 3, afterDays: 3 });
    expect(r.before.daily_calls).toEqual([1, 1, 1]);
    expect(r.after.daily_calls).toEqual([0, 2, 2]);
    expect(r.test?.t).toBe(0.5);
    expect(r.significant).toBe(false);
    expect(r.change.calls_pct).toBe(33.3);
  });

  it('filters by segment through gold: MAPD New 1/day → 5/day (20% repeats on 11-20, the one day with a known look-back)', () => {
    const r = measureBeforeAfter(deps, { journey: 'billing', segment: 'MAPD New', pivot: '2026-11-18', beforeDays: 3, afterDays: 3 });
    expect(r.before).toMatchObject({ calls_per_day: 1, repeat_rate_pct: null });
    expect(r.after).toMatchObject({ calls_per_day: 5, repeat_rate_pct: 20, repeat_from: '2026-11-20' });
  });

  it('no complete day after the pivot yet', () => {
    const r = measureBeforeAfter(deps, { journey: 'billing', pivot: '2026-11-21', beforeDays: 7, afterDays: 7 });
    expect(r.after.days).toBe(0);
    expect(r.significant).toBeNull();
    // The store's calls end on 11-20 (and it is 11-24): no day will come by waiting, so it says which days it holds.
    expect(r.sentence).toBe('No data from 2026-11-21 on for billing: the store holds calls from 2026-11-13 to 2026-11-20 (dates in America/New_York).');
    // Today, on a store whose calls arrive today: tomorrow there will be a complete day.
    const live = makeDeps({ now: '2026-11-20T18:00:00Z' });
    return loadSmallFixture(live).then(() => {
      expect(measureBeforeAfter(live, { journey: 'billing', pivot: '2026-11-20', beforeDays: 7, afterDays: 7 }).sentence).toBe(
        'No complete day from 2026-11-20 on yet for billing: check again tomorrow.',
      );
    });
  });

  it('no day before the pivot: says which days the store holds', () => {
    const r = measureBeforeAfter(deps, { journey: 'billing', pivot: '2026-11-10', beforeDays: 7, afterDays: 7 });
    expect(r.sentence).toBe('No days before 2026-11-10 in the store for billing, so there is nothing to compare with: the store holds calls from 2026-11-13 to 2026-11-20 (dates in America/New_York).');
  });
});

describe('measureBeforeAfter while today is still running', () => {
  it('leaves out today, and keeps the windows equal', async () => {
    const deps = makeDeps({ now: '2026-11-20T18:00:00Z' });
    await loadSmallFixture(deps);
    const r = measureBeforeAfter(deps, { journey: 'pharmacy', pivot: '2026-11-17', beforeDays: 7, afterDays: 7 });
    expect([r.before.from, r.before.to, r.after.from, r.after.to]).toEqual(['2026-11-14', '2026-11-16', '2026-11-17', '2026-11-19']);
  });
});

describe('measureBeforeAfter under a weekly rhythm', () => {
  it('compares a short window with the same weekdays a week earlier, not the weekend before', async () => {
    const { load, eventRow, callRow, memberRow } = await import('../../helpers/leak-fixture.ts');
    const { addDays, isoWeekday } = await import('../../../src/time.ts');
    // Mondays 4 leaked calls, Tuesdays 3, other days 1, from Mon 11-02 to Tue 11-17: no change at all.
    const members: string[] = [];
    const digital: string[] = [];
    const calls: string[] = [];
    for (let d = '2026-11-02'; d <= '2026-11-17'; d = addDays(d, 1)) {
      const n = { 1: 4, 2: 3 }[isoWeekday(d)] ?? 1;
      for (let i = 0; i < n; i++) {
        const id = `M-${d.slice(5).replace('-', '')}${i}`;
        members.push(memberRow({ id, plan: 'Commercial', enrolled: '2020-01-01' }));
        digital.push(eventRow({ id: `e-${id}`, member: id, ts: `${d}T15:0${i}:00Z`, outcome: 'error' }));
        calls.push(callRow({ id: `c-${id}`, member: id, start: `${d}T15:1${i}:00Z` }));
      }
    }
    const deps = makeDeps({ now: '2026-11-18T17:00:00Z' });
    await load(deps, { members, digital, calls });
    const r = measureBeforeAfter(deps, { journey: 'billing', pivot: '2026-11-16', beforeDays: 14, afterDays: 14 });
    expect(r.same_weekdays).toBe(true);
    expect([r.before.from, r.before.to, r.before.daily_calls]).toEqual(['2026-11-09', '2026-11-10', [4, 3]]);
    expect(r.after.daily_calls).toEqual([4, 3]);
    expect(r.change.calls_pct).toBe(0);
    expect(r.sentence).toMatch(/^billing, 2 days from 2026-11-16 against the same weekdays a week earlier: calls\/day 3\.5 → 3\.5 \(±0%\)/);
  });
});
