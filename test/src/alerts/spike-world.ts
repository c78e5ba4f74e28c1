/** A store with one known spike, for the spike scan's tests and the history replay at start. */
import { addAnnotation } from '../../../src/annotations/annotations.ts';
import { addDays } from '../../../src/time.ts';
import { makeDeps } from '../../helpers/store.ts';
import { insertLeaks } from './rows.ts';

export const ELIGIBILITY = 'Your plan is not eligible for this option';
export const SPIKE_DAY = '2026-11-17'; // a Tuesday

/**
 * Five weeks of flat billing leaks (MAPD New: 30 eligibility-on-mobile + 20 payment-on-desktop a day;
 * Commercial: 100 payment-on-desktop), then on SPIKE_DAY 60 more MAPD New eligibility leaks on mobile.
 * find_care alternates 20 and 100 a day week by week: big swings, so its rise is material but not unusual.
 */
export function spikeWorld() {
  const deps = makeDeps({ now: '2026-11-24T17:00:00Z' });
  for (let d = '2026-10-13'; d <= SPIKE_DAY; d = addDays(d, 1)) {
    insertLeaks(deps.store, 30, { date: d, segment: 'MAPD New', error: ELIGIBILITY, device: 'mobile' });
    insertLeaks(deps.store, 20, { date: d, segment: 'MAPD New' });
    insertLeaks(deps.store, 100, { date: d, segment: 'Commercial' });
    const week = Math.floor((Date.parse(d) - Date.parse('2026-10-13')) / (7 * 86_400_000));
    insertLeaks(deps.store, d === SPIKE_DAY ? 110 : week % 2 ? 100 : 20, { date: d, journey: 'find_care', error: 'Provider search timed out' });
  }
  insertLeaks(deps.store, 60, { date: SPIKE_DAY, segment: 'MAPD New', error: ELIGIBILITY, device: 'mobile' });
  addAnnotation(deps.store, { date: '2026-11-16', text: 'AEP benefit changes', journey: 'billing', at: 0, by: 'U1' });
  return deps;
}

