import { describe, expect, it } from 'vitest';
import { addAnnotation } from '../../../src/annotations/annotations.ts';
import { evaluateSeries, scanSpikes } from '../../../src/alerts/spike-scan.ts';
import { addDays } from '../../../src/time.ts';
import { makeDeps } from '../../helpers/store.ts';
import { insertLeaks } from './rows.ts';
import { ELIGIBILITY, SPIKE_DAY, spikeWorld } from './spike-world.ts';
import { alertRules } from '../../../src/alerts/rules.ts';


describe('scanSpikes', () => {
  it('finds the MAPD New billing spike on its day, says what and how much, and is quiet the day before', () => {
    const deps = spikeWorld();
    expect(scanSpikes(deps, { date: addDays(SPIKE_DAY, -1) })).toEqual([]);
    const spikes = scanSpikes(deps, { date: SPIKE_DAY });
    expect(spikes.map((s) => s.key).sort()).toEqual(['error|billing|Your plan is not eligible for this option', 'journey|billing', 'segment|billing|MAPD New']);
    const segment = spikes.find((s) => s.key === 'segment|billing|MAPD New')!;
    expect(segment).toMatchObject({ observed: 110, expected: 50, extra_calls: 60, extra_dollars: 480, rise_pct: 120, dispersion: 1, started: SPIKE_DAY });
    expect(segment.baseline_dates).toEqual(['2026-11-10', '2026-11-03', '2026-10-27', '2026-10-20']);
    expect(segment.text).toBe(
      "MAPD New billing leaks up 120% (+60 calls, +$480 on 2026-11-17); 82% carry 'Your plan is not eligible for this option', 82% on mobile; started 2026-11-17, near the note 'AEP benefit changes'.",
    );
    expect(segment.call_ids).toHaveLength(20);
    // Bonferroni: the family's 1% split over every series tested.
    expect(segment.p_threshold).toBeCloseTo(0.01 / segment.series_tested, 12);
    expect(segment.p_value).toBeLessThan(segment.p_threshold);
  });

  it('does not raise a material rise that day-to-day swings explain (quasi-Poisson), nor one under the minimums', () => {
    const deps = spikeWorld();
    const ev = evaluateSeries(deps, { date: SPIKE_DAY });
    const findCare = ev.series.find((s) => s.key === 'journey|find_care')!;
    expect(findCare).toMatchObject({ observed: 110, expected: 60, material: true, flagged: false });
    expect(findCare.dispersion).toBeGreaterThan(20);
    // Every billing series rose by exactly 60 calls ($480): the minimums apply at and just above that.
    const rules = alertRules(deps.config).leak_spike;
    expect(scanSpikes(deps, { date: SPIKE_DAY }, { ...rules, minExtraCalls: 60, minExtraDollars: 480 })).toHaveLength(3);
    expect(scanSpikes(deps, { date: SPIKE_DAY }, { ...rules, minExtraCalls: 61 })).toEqual([]);
    expect(scanSpikes(deps, { date: SPIKE_DAY }, { ...rules, minExtraDollars: 481 })).toEqual([]);
  });

  it('the live scan compares the same hours of the same weekdays', () => {
    const deps = spikeWorld();
    const [spike] = scanSpikes(deps, { date: SPIKE_DAY, hour: 5 }).filter((s) => s.key === 'segment|billing|MAPD New');
    // Leaks sit at minute (i * 7) % 1440: 52 of the 60 extra fall before 06:00, and all of the usual 50.
    expect(spike).toMatchObject({ hour: 5, observed: 52 + 30 + 20, expected: 50 });
    expect(spike.text).toContain('(+52 calls, +$416 on 2026-11-17 through 06:00)');
  });

  it('needs two weeks of baseline before judging at all', () => {
    const deps = makeDeps({ now: '2026-11-24T17:00:00Z' });
    insertLeaks(deps.store, 10, { date: '2026-11-10' });
    insertLeaks(deps.store, 500, { date: '2026-11-17' });
    expect(evaluateSeries(deps, { date: '2026-11-17' }).series).toEqual([]);
  });
});
