/**
 * Test data with a known shipped fix, loaded through the real CSV import and pipeline:
 * billing "Not eligible" leaks 10/12 calls a day (alternating) for the 14 days before
 * 2026-11-10, and 6/7 a day after it. Before the fix, 20 members call again and again
 * (repeats); after it, each call is a different member. A steady "Timeout" leak of 5 a
 * day runs throughout, so a measurement that ignored the targeted error would be diluted.
 */
import type { Context } from '../../../src/context.ts';
import { addDays } from '../../../src/time.ts';
import { callRow, eventRow, load, memberRow } from '../../helpers/leak-fixture.ts';

export const SHIP_DATE = '2026-11-10';
export const FIRST_DAY = addDays(SHIP_DATE, -14);
export const LAST_DAY = '2026-11-24';

export async function loadKnownFix(deps: Context): Promise<void> {
  const members: string[] = [];
  const digital: string[] = [];
  const calls: string[] = [];
  const member = (id: string) => members.push(memberRow({ id, plan: 'MAPD', enrolled: '2020-01-01' }));
  for (let i = 0; i < 20; i++) member(`M-1${String(i).padStart(5, '0')}`);
  for (let i = 0; i < 200; i++) member(`M-2${String(i).padStart(5, '0')}`);
  for (let i = 0; i < 100; i++) member(`M-3${String(i).padStart(5, '0')}`);
  let before = 0;
  let after = 0;
  let noise = 0;
  for (let day = FIRST_DAY, d = 0; day <= LAST_DAY; day = addDays(day, 1), d++) {
    const isBefore = day < SHIP_DATE;
    const n = isBefore ? (d % 2 ? 12 : 10) : day === SHIP_DATE ? 8 : d % 2 ? 7 : 6;
    const leak = (m: string, minute: number, error: string, id: string) => {
      const t = Date.parse(`${day}T14:00:00Z`) + minute * 60_000;
      digital.push(eventRow({ id: `e-${id}`, member: m, ts: new Date(t).toISOString(), outcome: 'error', journey: 'billing', error }));
      calls.push(callRow({ id: `c-${id}`, member: m, start: new Date(t + 5 * 60_000).toISOString() }));
    };
    for (let k = 0; k < n; k++) {
      const m = isBefore ? `M-1${String(before++ % 20).padStart(5, '0')}` : `M-2${String(after++ % 200).padStart(5, '0')}`;
      leak(m, k * 10, 'Not eligible', `${day}-${k}`);
    }
    for (let k = 0; k < 5; k++) leak(`M-3${String(noise++ % 100).padStart(5, '0')}`, 200 + k * 10, 'Timeout', `${day}-t${k}`);
  }
  await load(deps, { members, digital, calls });
}
