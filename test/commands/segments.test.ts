import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DATE, loadSmallFixture } from '../helpers/fixture-small.ts';
import { invoke, refusal, renderText } from '../helpers/invoke.ts';
import { makeDeps } from '../helpers/store.ts';

const deps = makeDeps();
beforeAll(() => loadSmallFixture(deps));

describe('segments', () => {
  it('billing on 11-20: MAPD New is the epicenter (5 of 10 calls, 1 repeat, sentiment (-0.6-0.4-0.8-0.2)/4)', async () => {
    const r = await invoke(deps, ['segments', 'billing', '--date', FIXTURE_DATE]);
    expect(r.segments).toEqual([
      { segment: 'MAPD New', calls: 5, cost: 40, share_pct: 50, repeat_pct: 20, avg_sentiment: -0.5 },
      { segment: 'MAPD Tenured', calls: 2, cost: 16, share_pct: 20, repeat_pct: 50, avg_sentiment: 0 },
      { segment: 'Medicaid', calls: 2, cost: 16, share_pct: 20, repeat_pct: 0, avg_sentiment: -0.25 },
      { segment: 'Commercial', calls: 1, cost: 8, share_pct: 10, repeat_pct: 0, avg_sentiment: 0.5 },
    ]);
    expect(r.total).toEqual({ calls: 10, cost: 80 });
    expect(r.headline).toBe('The epicenter of billing leaks on 2026-11-20 is MAPD New: 5 of 10 calls (50%), $40, 20% repeat callers, end-of-call sentiment -0.50.');
  });

  it('all journeys on 11-20 add id_card (Commercial, 0.1) and pharmacy (ACA, -0.3)', async () => {
    const r = await invoke<{ journey: null; segments: { segment: string; calls: number; avg_sentiment: number }[] }>(deps, ['segments', '--date', FIXTURE_DATE]);
    expect(r.journey).toBeNull();
    expect(r.segments.map((s) => [s.segment, s.calls, s.avg_sentiment])).toEqual([
      ['MAPD New', 5, -0.5],
      ['Commercial', 2, 0.3],
      ['MAPD Tenured', 2, 0],
      ['Medicaid', 2, -0.25],
      ['ACA', 1, -0.3],
    ]);
  });

  it('says so when a day has no leaks, and renders a table', async () => {
    const r = await invoke(deps, ['segments', 'billing', '--date', '2026-11-24']);
    expect(r.headline).toBe('No billing leaks so far today.');
    const text = await renderText(deps, ['segments'], await invoke(deps, ['segments', 'billing', '--date', FIXTURE_DATE]));
    expect(text).toContain('MAPD New          5  50.0%   $40     20.0%          -0.50');
  });

  it('counts today so far', async () => {
    const today = makeDeps({ now: '2026-11-20T18:00:00Z' });
    await loadSmallFixture(today);
    const r = await invoke(today, ['segments', 'billing']);
    expect(r).toMatchObject({ date: FIXTURE_DATE, so_far: true });
    expect(r.headline).toMatch(/^The epicenter of billing leaks so far today is MAPD New/);
  });

  it('refuses an unknown journey or a second argument with one line', async () => {
    expect(await refusal(deps, ['segments', 'dental'])).toBe('Unknown journey "dental". Known journeys: billing, id_card, pharmacy.');
    expect(await refusal(deps, ['segments', 'billing', 'extra'])).toBe('Unexpected argument "extra". Usage: leak segments [JOURNEY] [--date YYYY-MM-DD] [--json]');
  });
});
