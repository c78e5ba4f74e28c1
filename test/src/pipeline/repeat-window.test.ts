/**
 * Repeat rates over the store's warm-up: a call's 7-day look-back that reaches before the earliest
 * call in the store is unknown, not "no repeat". Ten members, each calling after a billing failure
 * every 5 days (two a day), so every call from the store's 6th day on is a repeat, and the first
 * five days' calls look like none only because the history starts there.
 */
import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { callRow, eventRow, load, snapshot } from '../../helpers/leak-fixture.ts';
import { invoke } from '../../helpers/invoke.ts';
import { addDays } from '../../../src/time.ts';
import { readRepeatKnownFrom } from '../../../src/pipeline/repeat-window.ts';
import type { SegmentsResult } from '../../../src/leakage/segments.ts';
import type { CubeResult } from '../../../src/leakage/cube.ts';
import type { SavingsResult } from '../../../commands/savings.ts';
import type { BeforeAfter } from '../../../src/before-after/measure.ts';

const DAY0 = '2026-10-01';
const day = (n: number) => addDays(DAY0, n);

/** The calls of days `from`..`to` (day numbers), each after its member's failure five minutes before. */
function rows(from: number, to: number) {
  const digital: string[] = [];
  const calls: string[] = [];
  for (let d = from; d <= to; d++) {
    for (const i of [d % 5, (d % 5) + 5]) {
      const member = `M-10000${i}`;
      digital.push(eventRow({ id: `e${d}-${i}`, member, ts: `${day(d)}T14:55:00Z`, outcome: 'error', journey: 'billing' }));
      calls.push(callRow({ id: `c${d}-${i}`, member, start: `${day(d)}T15:00:00Z` }));
    }
  }
  return { digital, calls };
}

const now = `${day(21)}T17:00:00Z`;

describe('repeat rates leave out the warm-up week', () => {
  it('segments, cube, savings and impact count only days whose look-back the history covers, and say so', async () => {
    const deps = makeDeps({ now });
    await load(deps, rows(0, 20));
    expect(readRepeatKnownFrom(deps.store.sqlite)).toBe(day(7));

    // Day 3's two calls: their members' previous calls would be before the store's first day.
    const early = await invoke<SegmentsResult>(deps, ['segments', 'billing', '--date', day(3)]);
    expect(early.segments.map((s) => s.repeat_pct)).toEqual([null]);
    expect(early.headline).not.toMatch(/repeat/);
    expect(early.repeat_note).toBe(
      `Repeat % unknown on ${day(3)}: repeat rates count calls from ${day(7)} on (earlier, the 7-day look-back reaches before the first call in the store, ${DAY0}).`,
    );
    const later = await invoke<SegmentsResult>(deps, ['segments', 'billing', '--date', day(10)]);
    expect([later.segments[0].repeat_pct, later.repeat_note]).toEqual([100, null]);

    // Over the whole history: 28 calls on days 7..20, all repeats (counting days 0..6 gave 30 of 42, 71%).
    const cube = await invoke<CubeResult>(deps, ['cube', '--measure', 'repeat_pct', '--by', 'journey', '--from', DAY0, '--to', day(20)]);
    expect(cube.rows).toEqual([{ journey: 'billing', value: 100, calls: 42 }]);
    expect(cube.repeat_note).toMatch(new RegExp(`^repeat rates count calls from ${day(7)} on`));

    // Savings on day 10: the baseline is days 3..9 (2 calls a day); its repeat rate counts days 7..9 only.
    const savings = await invoke<SavingsResult>(deps, ['savings', 'billing', '--date', day(10)]);
    expect(savings).toMatchObject({ calls_per_day: 2, repeat_rate_pct: 100, repeat_window: { from: day(7), to: day(9) } });
    // Savings on day 5: no day of its baseline is known.
    const young = await invoke<SavingsResult>(deps, ['savings', 'billing', '--date', day(5)]);
    expect([young.repeat_rate_pct, young.repeat_calls_avoided_per_day, young.repeat_window]).toEqual([null, null, null]);
    expect(deps.store.sqlite.prepare('SELECT baseline_repeat_rate FROM savings_model WHERE date = ?').pluck().get(day(5))).toBeNull();
    expect(deps.store.sqlite.prepare('SELECT baseline_repeat_rate FROM savings_model WHERE date = ?').pluck().get(day(10))).toBe(1);

    // impact: 10 days a side of day 11; before (days 1..10) counts days 7..10 (the old count said 16 of 20, 80%).
    const impact = await invoke<BeforeAfter>(deps, ['impact', 'billing', '--since', day(11), '--days', '10']);
    expect(impact.before).toMatchObject({ from: day(1), repeat_from: day(7), repeat_rate_pct: 100 });
    expect(impact.after).toMatchObject({ from: day(11), repeat_from: day(11), repeat_rate_pct: 100 });
    expect(impact.repeat_note).toMatch(/^Repeat rates count calls from 2026-10-08 on/);
    // Every before day in the warm-up: unknown, not 0%.
    const warm = await invoke<BeforeAfter>(deps, ['impact', 'billing', '--since', day(4), '--days', '3']);
    expect(warm.before).toMatchObject({ from: day(1), repeat_from: null, repeat_rate_pct: null });
    expect(warm.sentence).toMatch(/repeat rate unknown → unknown/);
  });

  it('importing older calls later moves the first day back: the flags and every repeat rate follow, as if loaded at once', async () => {
    const inc = makeDeps({ now });
    await load(inc, rows(7, 20));
    expect(readRepeatKnownFrom(inc.store.sqlite)).toBe(day(14));
    expect((await invoke<SegmentsResult>(inc, ['segments', 'billing', '--date', day(10)])).segments[0].repeat_pct).toBeNull();
    await load(inc, rows(0, 6));
    expect(readRepeatKnownFrom(inc.store.sqlite)).toBe(day(7));
    expect((await invoke<SegmentsResult>(inc, ['segments', 'billing', '--date', day(10)])).segments[0].repeat_pct).toBe(100);
    const fresh = makeDeps({ now });
    await load(fresh, rows(0, 20));
    expect(snapshot(inc.store)).toEqual(snapshot(fresh.store));
  });

  it('a lone older call that changes no leaked call still re-measures the savings model it moves', async () => {
    const inc = makeDeps({ now });
    await load(inc, rows(7, 20));
    // A call on day 0 with no failure before it: not leaked, but the history now starts on day 0.
    const stray = { calls: [callRow({ id: 'c-stray', member: 'M-200000', start: `${DAY0}T15:00:00Z` })] };
    await load(inc, stray);
    const fresh = makeDeps({ now });
    await load(fresh, { digital: rows(7, 20).digital, calls: [...rows(7, 20).calls, ...stray.calls] });
    expect(snapshot(inc.store).savings).toEqual(snapshot(fresh.store).savings);
    // Day 15's baseline (8..14) now counts all seven days: days 8..11 have no earlier call in the store, 12..14 do.
    expect(inc.store.sqlite.prepare('SELECT baseline_repeat_rate FROM savings_model WHERE date = ?').pluck().get(day(15))).toBeCloseTo(6 / 14);
  });
});
