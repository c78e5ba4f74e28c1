/**
 * The small fixed data set the answer commands are pinned on. Every number a test expects can be
 * worked out by hand from the tables below (LEAK_TZ America/New_York; all times are 10:00+ local).
 * Built through the real CSV import and runPipeline.
 *
 * Leaked calls per day (the answer date is FIXTURE_DATE = 2026-11-20):
 *   date        billing  id_card  pharmacy
 *   2026-11-13     2        1        4
 *   2026-11-14     2        1        4
 *   2026-11-15     2        1        4
 *   2026-11-16     2        1        4
 *   2026-11-17     2        1        1
 *   2026-11-18     8        1        1
 *   2026-11-19    10        1        1
 *   2026-11-20    10        1        1
 * billing spikes from 2026-11-18; pharmacy drops from 2026-11-17; id_card is flat.
 *
 * billing on 11-13..11-17: member C1 (MAPD New, en; mobile, app, "Member not eligible for autopay",
 * end sentiment -0.4) and a new Medicaid member (desktop, web, "Card declined", 0.0) each day.
 * billing on 11-18 is rows 1–8 of BILLING_PATTERN, 11-19 and 11-20 rows 1–10. C1 calls every day
 * (a repeat from 11-14 on); R7 (MAPD Tenured) calls 11-18, 11-19, 11-20 (repeats on 11-19 and 11-20).
 * So the 7 days before 11-20 hold 28 billing calls (4/day) with 7 repeats (25%).
 * id_card: a new Commercial member each day (desktop, web, "Photo upload failed", 0.1).
 * pharmacy: member P1 (ACA) calls 11-13..11-16 (repeats 11-14..16) plus 3 new ACA members a day;
 * from 11-17 one new ACA member a day (desktop, web, "Prior authorization required", -0.3).
 * Noise that must not count: a call with no failure before it, a failure never followed by a call,
 * and a call 45 minutes after a failure (outside the 30-minute window).
 */
import type { Context } from '../../src/context.ts';
import { addDays } from '../../src/time.ts';
import { callRow, eventRow, load, memberRow, type Member } from './leak-fixture.ts';

export const FIXTURE_DATE = '2026-11-20';
export const NOT_ELIGIBLE = 'Member not eligible for autopay';
export const CARD_DECLINED = 'Card declined';

type Leak = {
  day: string;
  journey: string;
  member: string;
  error: string;
  device: string;
  channel: string;
  s1: string;
};

/** Row i (1-based) of the billing spike days: [member profile or fixed member, device, channel, error, end sentiment]. */
export const BILLING_PATTERN: [string, string, string, string, string][] = [
  ['new-es', 'mobile', 'app', NOT_ELIGIBLE, '-0.6'],
  ['new-es', 'mobile', 'app', NOT_ELIGIBLE, '-0.4'],
  ['C1', 'mobile', 'app', NOT_ELIGIBLE, '-0.8'],
  ['new-en', 'mobile', 'web', NOT_ELIGIBLE, '-0.2'],
  ['new-en', 'mobile', 'app', NOT_ELIGIBLE, ''],
  ['tenured-en', 'mobile', 'app', NOT_ELIGIBLE, '0.2'],
  ['R7', 'mobile', 'web', NOT_ELIGIBLE, '-0.2'],
  ['medicaid-es', 'mobile', 'app', NOT_ELIGIBLE, '-0.5'],
  ['medicaid-en', 'mobile', 'web', CARD_DECLINED, '0.0'],
  ['commercial-en', 'desktop', 'app', CARD_DECLINED, '0.5'],
];

const PROFILES: Record<string, Omit<Member, 'id'>> = {
  'new-es': { plan: 'MAPD', enrolled: '2026-06-01', language: 'es', birth: '1958' },
  'new-en': { plan: 'MAPD', enrolled: '2026-06-01', language: 'en', birth: '1958' },
  'tenured-en': { plan: 'MAPD', enrolled: '2020-01-01', language: 'en', birth: '1950' },
  'medicaid-es': { plan: 'Medicaid', enrolled: '2022-03-01', language: 'es', birth: '1990' },
  'medicaid-en': { plan: 'Medicaid', enrolled: '2022-03-01', language: 'en', birth: '1990' },
  'commercial-en': { plan: 'Commercial', enrolled: '2021-01-01', language: 'en', birth: '1980' },
  'aca-en': { plan: 'ACA', enrolled: '2024-01-01', language: 'en', birth: '1985' },
};

/** The leaked calls, one per entry, in a stable order. */
export function fixtureLeaks(): Leak[] {
  const leaks: Leak[] = [];
  const days = Array.from({ length: 8 }, (_, i) => addDays('2026-11-13', i));
  for (const day of days) {
    if (day <= '2026-11-17') {
      leaks.push({ day, journey: 'billing', member: 'C1', error: NOT_ELIGIBLE, device: 'mobile', channel: 'app', s1: '-0.4' });
      leaks.push({ day, journey: 'billing', member: 'medicaid-en', error: CARD_DECLINED, device: 'desktop', channel: 'web', s1: '0.0' });
    } else {
      const rows = day === '2026-11-18' ? BILLING_PATTERN.slice(0, 8) : BILLING_PATTERN;
      for (const [member, device, channel, error, s1] of rows) leaks.push({ day, journey: 'billing', member, error, device, channel, s1 });
    }
    leaks.push({ day, journey: 'id_card', member: 'commercial-en', error: 'Photo upload failed', device: 'desktop', channel: 'web', s1: '0.1' });
    if (day <= '2026-11-16') leaks.push({ day, journey: 'pharmacy', member: 'P1', error: 'Prior authorization required', device: 'desktop', channel: 'web', s1: '-0.3' });
    for (let i = 0; i < (day <= '2026-11-16' ? 3 : 1); i++) {
      leaks.push({ day, journey: 'pharmacy', member: 'aca-en', error: 'Prior authorization required', device: 'desktop', channel: 'web', s1: '-0.3' });
    }
  }
  return leaks;
}

const FIXED_MEMBERS: Member[] = [
  { id: 'M-000001', plan: 'MAPD', enrolled: '2026-06-01', language: 'en', birth: '1957' }, // C1
  { id: 'M-000007', plan: 'MAPD', enrolled: '2020-01-01', language: 'en', birth: '1949' }, // R7
  { id: 'M-000009', plan: 'ACA', enrolled: '2024-01-01', language: 'en', birth: '1985' }, // P1
];
const FIXED_IDS: Record<string, string> = { C1: 'M-000001', R7: 'M-000007', P1: 'M-000009' };

/** Contract CSV rows for the whole fixture (members, digital events, calls). */
export function fixtureRows() {
  const members = FIXED_MEMBERS.map(memberRow);
  const digital: string[] = [];
  const calls: string[] = [];
  let fresh = 100;
  let k = 0;
  let lastDay = '';
  for (const leak of fixtureLeaks()) {
    if (leak.day !== lastDay) [k, lastDay] = [0, leak.day];
    let id = FIXED_IDS[leak.member];
    if (!id) {
      id = `M-${String(++fresh).padStart(6, '0')}`;
      members.push(memberRow({ id, ...PROFILES[leak.member] }));
    }
    // Each leak on a day gets its own minute: failure at 15:mm UTC, the call 10 minutes later.
    const failure = new Date(Date.parse(`${leak.day}T15:00:00Z`) + k * 60_000).toISOString();
    const start = new Date(Date.parse(failure) + 10 * 60_000).toISOString();
    const ref = `${leak.day}-${k++}`;
    digital.push(eventRow({ id: `e-${ref}`, member: id, ts: failure, outcome: 'error', journey: leak.journey, channel: leak.channel, device: leak.device, error: leak.error }));
    calls.push(callRow({ id: `c-${ref}`, member: id, start, s0: '0.0', s1: leak.s1 }));
  }
  // Noise (members 900+): none of these is a leaked call.
  members.push(memberRow({ id: 'M-000901', plan: 'Commercial', enrolled: '2021-01-01' }));
  members.push(memberRow({ id: 'M-000902', plan: 'Commercial', enrolled: '2021-01-01' }));
  members.push(memberRow({ id: 'M-000903', plan: 'Commercial', enrolled: '2021-01-01' }));
  calls.push(callRow({ id: 'c-noise-1', member: 'M-000901', start: '2026-11-20T16:00:00Z', s1: '0.0' }));
  digital.push(eventRow({ id: 'e-noise-2', member: 'M-000902', ts: '2026-11-20T16:00:00Z', outcome: 'error', journey: 'billing', error: NOT_ELIGIBLE }));
  digital.push(eventRow({ id: 'e-noise-3', member: 'M-000903', ts: '2026-11-20T16:00:00Z', outcome: 'error', journey: 'billing', error: NOT_ELIGIBLE }));
  calls.push(callRow({ id: 'c-noise-3', member: 'M-000903', start: '2026-11-20T16:45:00Z', s1: '0.0' }));
  return { members, digital, calls };
}

/** Loads the fixture into deps' store through the real import and pipeline. */
export async function loadSmallFixture(deps: Context): Promise<void> {
  await load(deps, fixtureRows());
}
