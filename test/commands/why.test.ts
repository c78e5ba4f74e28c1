import { beforeAll, describe, expect, it } from 'vitest';
import type { WhyResult } from '../../src/root-cause/explain-journey.ts';
import { FIXTURE_DATE, loadSmallFixture } from '../helpers/fixture-small.ts';
import { invoke, refusal, renderText } from '../helpers/invoke.ts';
import { makeDeps } from '../helpers/store.ts';

const deps = makeDeps();
beforeAll(() => loadSmallFixture(deps));

describe('note and why', () => {
  it('records notes, lists them, and why shows those near the spike start', async () => {
    const added = await invoke(deps, ['note', '2026-11-17', 'Autopay', 'eligibility', 'rules', 'release', '--journey', 'billing', '--by', 'dana']);
    expect(added.added).toMatchObject({ date: '2026-11-17', text: 'Autopay eligibility rules release', journey: 'billing', created_by: 'dana', created_at: deps.now() });
    await invoke(deps, ['note', '2026-11-18', 'Formulary change', '--journey', 'pharmacy']);
    await invoke(deps, ['note', '2026-11-01', 'Old release']);
    const list = await invoke<{ notes: { text: string }[] }>(deps, ['note', '--list']);
    expect(list.notes.map((n) => n.text)).toEqual(['Old release', 'Autopay eligibility rules release', 'Formulary change']);
    const billingOnly = await invoke<{ notes: { text: string }[] }>(deps, ['note', '--list', '--journey', 'billing']);
    expect(billingOnly.notes.map((n) => n.text)).toEqual(['Old release', 'Autopay eligibility rules release']);

    // No journey given: the biggest leak of the day (billing, 10 calls).
    const why = await invoke<WhyResult>(deps, ['why', '--date', FIXTURE_DATE]);
    expect(why.journey).toBe('billing');
    expect(why.spike?.start).toBe('2026-11-18');
    expect(why.annotations.map((a) => a.text)).toEqual(['Autopay eligibility rules release']);
    expect(why.headline).toBe(
      'billing: 86% of leaks tie to one message ("Member not eligible for autopay"); 93% are on mobile; 71% come through the app. ' +
        'The spike began on 2026-11-18: 2/day in the 5 days before it, 9.3/day since (2026-11-18..2026-11-20). ' +
        'Grew most since it began: Spanish-speaking members 0% → 32% of leaks; MAPD Tenured members 0% → 21% of leaks. ' +
        'Changes noted near then: 2026-11-17 "Autopay eligibility rules release".',
    );
    const text = await renderText(deps, ['why'], why);
    expect(text).toContain('Shares of 28 leaked calls since the spike began (complete days, its last 14 at most), 2026-11-18..2026-11-20:');
    expect(text).toContain('Spike: began 2026-11-18; 2/day over 2026-11-13..2026-11-17 → 9.3/day over 2026-11-18..2026-11-20 (+366.7%).');
    expect(text).toMatch(/Spanish +9 +32\.1%/);
  });

  it('names the journey when asked: id_card has one message, device and channel, so all three are called out', async () => {
    const r = await invoke<WhyResult>(deps, ['why', 'id_card', '--date', FIXTURE_DATE]);
    expect(r.journey).toBe('id_card');
    expect(r.dominant.map((d) => d.factor)).toEqual(['error_message', 'device', 'channel']);
  });

  it('refuses bad input with one line', async () => {
    expect(await refusal(deps, ['why', 'dental'])).toBe('Unknown journey "dental". Known journeys: billing, id_card, pharmacy.');
    expect(await refusal(deps, ['why', '--date', '20261120'])).toBe('--date "20261120" is not a date written YYYY-MM-DD, e.g. 2026-11-20.');
    expect(await refusal(makeDeps(), ['why'])).toBe('No leaked calls on 2026-11-24 or the 7 days before: name a journey. Usage: leak why [JOURNEY] [--date YYYY-MM-DD] [--json]');
    expect(await refusal(deps, ['why', '--date', '2026-10-01'])).toMatch(/^No data for --date 2026-10-01: the store holds calls from 2026-11-13 to 2026-11-20/);
    expect(await refusal(deps, ['note', '17-11-2026', 'x'])).toBe(`The note's date "17-11-2026" is not a date written YYYY-MM-DD, e.g. 2026-11-20.`);
    expect(await refusal(deps, ['note', '2026-11-17'])).toMatch(/^What changed on 2026-11-17\? Give the note's text\./);
    expect(await refusal(deps, ['note', '2026-11-17', 'x', '--journey', 'dental'])).toBe('Unknown journey "dental". Known journeys: billing, id_card, pharmacy.');
  });
});
