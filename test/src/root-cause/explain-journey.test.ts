import { beforeAll, describe, expect, it } from 'vitest';
import { addAnnotation } from '../../../src/annotations/annotations.ts';
import { explainJourney } from '../../../src/root-cause/explain-journey.ts';
import { FIXTURE_DATE, NOT_ELIGIBLE, loadSmallFixture } from '../../helpers/fixture-small.ts';
import { makeDeps } from '../../helpers/store.ts';
import { addDays } from '../../../src/time.ts';

describe('explainJourney on the small fixture', () => {
  const deps = makeDeps();
  beforeAll(async () => {
    await loadSmallFixture(deps);
    const at = Date.parse('2026-11-21T12:00:00Z');
    addAnnotation(deps.store, { date: '2026-11-17', text: 'Autopay eligibility rules release', journey: 'billing', at, by: 'test' });
    addAnnotation(deps.store, { date: '2026-11-19', text: 'Open enrollment mailing', at, by: 'test' });
    addAnnotation(deps.store, { date: '2026-11-18', text: 'Pharmacy formulary change', journey: 'pharmacy', at, by: 'test' });
    addAnnotation(deps.store, { date: '2026-11-10', text: 'Too early to matter', journey: 'billing', at, by: 'test' });
  });

  it('billing: the spike starts 11-18 and the shares cover the 28 leaks since', () => {
    const r = explainJourney(deps, { date: FIXTURE_DATE, journey: 'billing' });
    expect(r.series).toEqual({ from: '2026-11-13', to: '2026-11-20', calls: [2, 2, 2, 2, 2, 8, 10, 10], weekday_adjusted: false });
    expect(r.spike).toEqual({ start: '2026-11-18', before_from: '2026-11-13', before_per_day: 2, after_per_day: 9.3, rise_pct: 366.7 });
    expect(r.window).toEqual({ from: '2026-11-18', to: '2026-11-20', basis: 'since_spike_start', calls: 28 });
    expect(r.shares.error_message.map((s) => [s.value, s.calls, s.pct])).toEqual([[NOT_ELIGIBLE, 24, 85.7], ['Card declined', 4, 14.3]]);
    expect(r.shares.device.map((s) => [s.value, s.calls, s.pct])).toEqual([['mobile', 26, 92.9], ['desktop', 2, 7.1]]);
    expect(r.shares.channel.map((s) => [s.value, s.calls])).toEqual([['app', 20], ['web', 8]]);
    expect(r.shares.segment.map((s) => [s.value, s.calls])).toEqual([['MAPD New', 15], ['MAPD Tenured', 6], ['Medicaid', 5], ['Commercial', 2]]);
    expect(r.shares.language.map((s) => [s.label, s.calls, s.pct])).toEqual([['English', 19, 67.9], ['Spanish', 9, 32.1]]);
    expect(r.dominant.map((d) => [d.factor, d.pct])).toEqual([['error_message', 85.7], ['device', 92.9], ['channel', 71.4]]);
    expect(r.factors_sentence).toBe(`86% of leaks tie to one message ("${NOT_ELIGIBLE}"); 93% are on mobile; 71% come through the app`);
    expect(r.annotations.map((a) => a.text)).toEqual(['Autopay eligibility rules release', 'Open enrollment mailing']);
    // Before the spike (11-13..11-17): 10 calls, C1 (MAPD New, en, mobile, app) and a Medicaid member (desktop, web) each day.
    expect(r.before_window).toEqual({ from: '2026-11-13', to: '2026-11-17', calls: 10 });
    expect(r.shares.device.map((s) => [s.value, s.before_pct])).toEqual([['mobile', 50], ['desktop', 50]]);
    expect(r.movers).toEqual([
      { factor: 'language', value: 'es', label: 'Spanish', before_pct: 0, pct: 32.1, change_pts: 32.1 },
      { factor: 'segment', value: 'MAPD Tenured', label: 'MAPD Tenured', before_pct: 0, pct: 21.4, change_pts: 21.4 },
    ]);
    expect(r.headline).toContain('The spike began on 2026-11-18: 2/day in the 5 days before it, 9.3/day since (2026-11-18..2026-11-20).');
  });

  it('id_card: flat, so no spike and the shares cover the date alone', () => {
    const r = explainJourney(deps, { date: FIXTURE_DATE, journey: 'id_card' });
    expect(r.spike).toBeNull();
    expect(r.window).toEqual({ from: FIXTURE_DATE, to: FIXTURE_DATE, basis: 'date', calls: 1 });
    expect(r.headline).toContain('No upward shift');
    expect([r.before_window, r.movers, r.shares.device[0].before_pct]).toEqual([null, [], null]);
  });

  it('pharmacy: a drop is not a spike', () => {
    expect(explainJourney(deps, { date: FIXTURE_DATE, journey: 'pharmacy' }).spike).toBeNull();
  });

  it('a date without leaks falls back to the 7 days up to it', () => {
    const r = explainJourney(deps, { date: '2026-11-22', journey: 'id_card' });
    expect(r.window).toMatchObject({ from: '2026-11-16', to: '2026-11-22', basis: 'last_7_days', calls: 5 });
  });
});

describe('explainJourney: one window per answer', () => {
  /** billing: 3 a day for 21 days, then 11 a day for 10 days and 14 a day for 16 (a spike older than 14 days), and 5 so far today. */
  async function longSpike() {
    const { load, eventRow, callRow } = await import('../../helpers/leak-fixture.ts');
    const first = '2026-10-06';
    const today = '2026-11-23';
    const digital: string[] = [];
    const calls: string[] = [];
    let n = 0;
    for (let d = first, i = 0; d <= today; d = addDays(d, 1), i++) {
      const count = d === today ? 5 : i < 21 ? 3 : i < 31 ? 11 : 14;
      for (let k = 0; k < count; k++) {
        const member = `M-${String(500000 + n++)}`;
        const t = Date.parse(`${d}T13:00:00Z`) + k * 120_000;
        digital.push(eventRow({ id: `e${n}`, member, ts: new Date(t).toISOString(), outcome: 'error', journey: 'billing', error: 'Card declined' }));
        calls.push(callRow({ id: `c${n}`, member, start: new Date(t + 60_000).toISOString() }));
      }
    }
    const deps = makeDeps({ now: `${today}T17:00:00Z` });
    await load(deps, { digital, calls });
    return { deps, today };
  }

  it("the spike's levels are measured on the very windows the shares cover, complete days only", async () => {
    const { deps, today } = await longSpike();
    const r = explainJourney(deps, { date: today, journey: 'billing' });
    expect(r.spike?.start).toBe('2026-10-27');
    // The last 14 complete days (today's 5 so far are not a day's worth) are 14 a day; the 14 days before the start, 3 a day.
    expect(r.window).toEqual({ from: '2026-11-09', to: '2026-11-22', basis: 'since_spike_start', calls: 14 * 14 });
    expect(r.before_window).toEqual({ from: '2026-10-13', to: '2026-10-26', calls: 14 * 3 });
    expect(r.spike).toMatchObject({ before_per_day: 3, after_per_day: 14 });
    expect(r.headline).toContain('The spike began on 2026-10-27: 3/day in the 14 days before it, 14/day in its last 14 days (2026-11-09..2026-11-22).');
  });
});

describe('explainJourney when nothing dominates', () => {
  it('names the largest share instead', async () => {
    const { load, eventRow, callRow, memberRow } = await import('../../helpers/leak-fixture.ts');
    const deps = makeDeps();
    const spec = [
      ['M-000301', 'MAPD', 'en', 'mobile', 'app', 'Timeout'],
      ['M-000302', 'Medicaid', 'es', 'desktop', 'web', 'Card declined'],
      ['M-000303', 'Commercial', 'en', 'tablet', 'app', 'Server error'],
      ['M-000304', 'ACA', 'es', 'mobile', 'web', 'Bad address'],
    ];
    await load(deps, {
      members: spec.map(([id, plan, language]) => memberRow({ id, plan, enrolled: '2020-01-01', language })),
      digital: spec.map(([id, , , device, channel, error], i) => eventRow({ id: `e${i}`, member: id, ts: '2026-11-20T15:00:00Z', outcome: 'error', device, channel, error })),
      calls: spec.map(([id], i) => callRow({ id: `c${i}`, member: id, start: '2026-11-20T15:10:00Z' })),
    });
    const r = explainJourney(deps, { date: '2026-11-20', journey: 'billing' });
    expect(r.dominant).toEqual([]);
    expect(r.factors_sentence).toBe('no single factor holds more than half the leaks; the largest: 50% are on mobile');
    expect(r.headline).toBe('billing: No single factor holds more than half the leaks; the largest: 50% are on mobile. No upward shift in the daily series.');
  });
});
