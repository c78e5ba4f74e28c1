/**
 * The default simulator scenario at 10% scale (cached store, see scenario-store.ts): the billing
 * incident (+14% billing leaks from MAPD members on mobile, all "not eligible") starts on
 * 2026-11-10. The scan must raise it that day and stay quiet before: over the 60 clean days before
 * the incident (each with four weeks of baseline) it raised FALSE_ALARMS spikes.
 * Material minimums are the rules file's scaled to 10% (4 extra calls, $30); the test is the same.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Context } from '../../../src/context.ts';
import { scanSpikes } from '../../../src/alerts/spike-scan.ts';
import { addDays } from '../../../src/time.ts';
import { INCIDENT_START, SCENARIO, scenarioDeps } from './scenario-store.ts';
import { alertRules, type AlertRules } from '../../../src/alerts/rules.ts';

/** Measured: daily scans of the 60 clean days raise this many spikes (see the README section). */
const FALSE_ALARMS = 0;

let deps: Context;
let rules: AlertRules['leak_spike'];
beforeAll(() => {
  deps = scenarioDeps();
  const r = alertRules(deps.config).leak_spike;
  rules = { ...r, minExtraCalls: r.minExtraCalls * SCENARIO.scale, minExtraDollars: r.minExtraDollars * SCENARIO.scale };
}, 900_000);

describe('spike scan on the default scenario', () => {
  it('raises the incident on its first day, on MAPD New billing, with the right story', () => {
    const spikes = scanSpikes(deps, { date: INCIDENT_START }, rules);
    expect(spikes.map((s) => s.key)).toContain('segment|billing|MAPD New');
    const s = spikes.find((x) => x.key === 'segment|billing|MAPD New')!;
    expect(s.started).toBe(INCIDENT_START);
    expect(s.shares).toEqual([
      { factor: 'error_message', value: 'Your plan is not eligible for this option', pct: expect.any(Number) },
      { factor: 'device', value: 'mobile', pct: expect.any(Number) },
    ]);
    expect(s.shares[0].pct).toBeGreaterThanOrEqual(75);
    expect(s.rise_pct).toBeGreaterThan(30);
    // Every spike that day is billing: the incident, not noise elsewhere.
    expect(new Set(spikes.map((x) => x.journey))).toEqual(new Set(['billing']));
  });

  it('is quiet on each of the 60 days before the incident (daily scan)', () => {
    const raised: string[] = [];
    for (let d = addDays(INCIDENT_START, -60); d < INCIDENT_START; d = addDays(d, 1)) {
      for (const s of scanSpikes(deps, { date: d }, rules)) raised.push(`${d} ${s.text}`);
    }
    expect(raised).toHaveLength(FALSE_ALARMS);
  });

  it('the live scan is quiet every hour of the day before', () => {
    const day = addDays(INCIDENT_START, -1);
    const raised = Array.from({ length: 24 }, (_, h) => scanSpikes(deps, { date: day, hour: h }, rules)).flat();
    expect(raised.map((s) => s.text)).toEqual([]);
  });
});
