import { beforeAll, describe, expect, it } from 'vitest';
import type { BeforeAfter } from '../../src/before-after/measure.ts';
import { loadSmallFixture } from '../helpers/fixture-small.ts';
import { invoke, refusal, renderText } from '../helpers/invoke.ts';
import { makeDeps } from '../helpers/store.ts';

const deps = makeDeps();
beforeAll(() => loadSmallFixture(deps));

describe('impact', () => {
  it('positional form: pharmacy from 11-17, 4 days a side (all the store has before), a known drop of 75%', async () => {
    const r = await invoke<BeforeAfter>(deps, ['impact', 'pharmacy', '2026-11-17']);
    expect(r).toMatchObject({
      journey: 'pharmacy',
      pivot: '2026-11-17',
      // The store starts 11-13: repeat flags are known from 11-20 on, so before's is unknown and after's counts 11-20 alone.
      before: { from: '2026-11-13', to: '2026-11-16', calls_per_day: 4, cost_per_day: 32, repeat_rate_pct: null, repeat_from: null },
      after: { from: '2026-11-17', to: '2026-11-20', calls_per_day: 1, cost_per_day: 8, repeat_rate_pct: 0, repeat_from: '2026-11-20' },
      change: { calls_pct: -75, cost_pct: -75 },
      significant: true,
    });
    const text = await renderText(deps, ['impact'], r);
    expect(text.split('\n')[0]).toBe(
      'pharmacy, 4 days each side of 2026-11-17: calls/day 4 → 1 (−75%), cost/day $32 → $8, repeat rate unknown → 0%: the change is well outside normal day-to-day variation. ' +
        "Repeat rates count calls from 2026-11-20 on (earlier, the 7-day look-back reaches before the first call in the store, 2026-11-13).",
    );
    expect(text).toMatch(/repeat rate +unknown +0% +n\/a/);
    expect(text).toContain("Welch's t-test on daily calls: t = ∞, df = 6, 95% threshold 2.447.");
  });

  it('--since with --days and --segment', async () => {
    const r = await invoke<BeforeAfter>(deps, ['impact', 'billing', '--since', '2026-11-18', '--days', '2', '--segment', 'MAPD New']);
    expect(r.before).toMatchObject({ from: '2026-11-16', to: '2026-11-17', daily_calls: [1, 1] });
    expect(r.after).toMatchObject({ from: '2026-11-18', to: '2026-11-19', daily_calls: [5, 5] });
  });

  it('--date measures as of an earlier day', async () => {
    const r = await invoke<BeforeAfter>(deps, ['impact', 'pharmacy', '2026-11-17', '--date', '2026-11-18']);
    expect([r.before.days, r.after.to]).toEqual([2, '2026-11-18']);
  });

  it('refuses bad input with one line naming what is valid', async () => {
    expect(await refusal(deps, ['impact'])).toMatch(/^Which journey\? Usage: leak impact JOURNEY\|ACTION_ID \[SINCE\] \[--since YYYY-MM-DD\]/);
    expect(await refusal(deps, ['impact', 'billing'])).toMatch(/^Since when\? Give the date the change shipped\./);
    expect(await refusal(deps, ['impact', 'billing', '2026-11-31'])).toBe('SINCE "2026-11-31" does not exist: November 2026 has 30 days.');
    expect(await refusal(deps, ['impact', 'billing', '--since', '2030-01-01'])).toMatch(/^No data for --since 2030-01-01: the store holds calls from/);
    expect(await refusal(deps, ['impact', 'dental', '2026-11-17'])).toBe('Unknown journey "dental". Known journeys: billing, id_card, pharmacy.');
    expect(await refusal(deps, ['impact', 'billing', '2026-11-17', '--days', '0'])).toBe('--days must be a whole number from 1 to 90 (got "0").');
    expect(await refusal(deps, ['impact', 'billing', '2026-11-17', '--segment', 'VIP'])).toBe(
      'Unknown segment "VIP" for billing. Segments: Commercial, MAPD New, MAPD Tenured, Medicaid.',
    );
  });
});
