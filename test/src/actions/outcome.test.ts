import { describe, expect, it } from 'vitest';
import { measureActionOutcome } from '../../../src/actions/outcome.ts';
import { makeDeps } from '../../helpers/store.ts';
import { loadKnownFix, SHIP_DATE } from './known-fix.ts';

describe('before/after outcome of a shipped action', () => {
  it('measures the targeted leak on data with a known fix', async () => {
    const deps = makeDeps({ now: '2026-11-25T15:00:00Z' });
    await loadKnownFix(deps);
    const o = measureActionOutcome(deps, { journey: 'billing', segment: null, errorMessage: 'Not eligible', shipDate: SHIP_DATE }, '2026-11-25')!;
    expect(o.afterDays).toBe(14);
    expect(o.before).toMatchObject({ from: '2026-10-27', to: '2026-11-09', days: 14, calls_per_day: 11, cost_per_day: 88, repeat_rate_pct: 100 });
    expect(o.after).toMatchObject({ from: '2026-11-11', to: '2026-11-24', days: 14, calls_per_day: 6.5, cost_per_day: 52, repeat_rate_pct: 0 });
    expect(o.change_pct).toBe(-40.9);
    expect(o.verdict).toBe('well outside normal variation');
    // 100%, not the 87% a count over the store's first week gave: the 20 members call again and again.
    expect(o.sentence).toBe(
      'Calls/day 11 → 6.5 (−40.9%), cost/day $88 → $52, repeat rate 100% → 0%: the change is well outside normal variation.' +
        ' Repeat rates count calls from 2026-11-03 on (earlier, the 7-day look-back reaches before the first call in the store, 2026-10-27).',
    );
    expect(o.before.repeat_from).toBe('2026-11-03');
    // The untargeted Timeout leak is flat: the same window says so.
    const flat = measureActionOutcome(deps, { journey: 'billing', segment: null, errorMessage: 'Timeout', shipDate: SHIP_DATE }, '2026-11-25')!;
    expect(flat).toMatchObject({ change_pct: 0, verdict: 'within normal variation' });
  });

  it('never counts days past the store\'s data as days with no calls', async () => {
    // The data ends 2026-11-24; twelve days later, an action shipped 11-20 has 4 measured days after it, not 14.
    const deps = makeDeps({ now: '2026-12-06T15:00:00Z' });
    await loadKnownFix(deps);
    const o = measureActionOutcome(deps, { journey: 'billing', segment: null, errorMessage: 'Not eligible', shipDate: '2026-11-20' }, '2026-12-06')!;
    expect([o.afterDays, o.after.from, o.after.to, o.after.calls_per_day]).toEqual([4, '2026-11-21', '2026-11-24', 6.5]);
  });

  it('never counts days before the store\'s first call as days with no calls', async () => {
    // The data starts 2026-10-27; an action shipped 10-31 has 4 days before it in the store, not 14 with 10 of them zeros.
    const deps = makeDeps({ now: '2026-11-25T15:00:00Z' });
    await loadKnownFix(deps);
    const o = measureActionOutcome(deps, { journey: 'billing', segment: null, errorMessage: 'Not eligible', shipDate: '2026-10-31' }, '2026-11-04')!;
    expect([o.before.from, o.before.to, o.before.days, o.before.calls_per_day]).toEqual(['2026-10-27', '2026-10-30', 4, 11]);
    expect(o.before.daily_calls).toEqual([10, 12, 10, 12]);
    // Shipped on the store's first day: nothing before it to compare with, so no outcome (not "0 → 11").
    expect(measureActionOutcome(deps, { journey: 'billing', segment: null, errorMessage: 'Not eligible', shipDate: '2026-10-27' }, '2026-11-04')).toBeNull();
  });

  it('waits for a complete day after the ship date', async () => {
    const deps = makeDeps();
    expect(measureActionOutcome(deps, { journey: 'billing', segment: null, errorMessage: null, shipDate: '2026-11-24' }, '2026-11-24')).toBeNull();
    expect(measureActionOutcome(deps, { journey: 'billing', segment: null, errorMessage: null, shipDate: null }, '2026-11-24')).toBeNull();
  });
});
