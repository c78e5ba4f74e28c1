import { beforeAll, describe, expect, it } from 'vitest';
import { makeDeps } from '../helpers/store.ts';
import { loadMembersFixture, MEMBERS_DATE, ROSA } from '../helpers/fixture-members.ts';
import journeyCommand from '../../commands/journey.ts';
import { queryJourney } from '../../src/members/timeline.ts';
import { parseCommandArgs } from '../../commands/invocation.ts';
import { describeError } from '../../src/errors.ts';
import { callRow, eventRow, load } from '../helpers/leak-fixture.ts';

const deps = makeDeps();
beforeAll(() => loadMembersFixture(deps));

const run = (argv: string[]) => {
  const inv = parseCommandArgs(journeyCommand, argv.slice(1), deps);
  return inv.cmd.run(inv.args, deps);
};
const errorOf = (argv: string[]) => {
  try {
    run(argv);
  } catch (e) {
    return { code: (e as { code?: string }).code, line: describeError(e) };
  }
  throw new Error('expected an error');
};

describe('journey MEMBER_ID', () => {
  it('plays back 7 days to --date: page views folded per session, failures, calls, the survey, leaks marked', () => {
    const r = queryJourney(deps, { memberId: ROSA, date: MEMBERS_DATE, days: 7 });
    expect(r).toMatchObject({ member_id: ROSA, from: '2026-11-14', counts: { failures: 3, calls: 3, leaked_calls: 2 } });
    expect(r.profile).toMatchObject({ name: 'Rosa Alvarez', segment: 'MAPD New', tenure_months: 8, age_group: '65-74', language: 'es' });
    // e-r0 (11-10) is outside the 7 days; e-r1..e-r3 fold into one line.
    expect(r.events.map((e) => [e.ts, e.kind, e.leak, e.id])).toEqual([
      ['2026-11-19T14:00:00.000Z', 'digital', false, 'e-r1'],
      ['2026-11-19T14:03:00.000Z', 'failure', true, 'e-r4'],
      ['2026-11-19T14:10:00.000Z', 'call', true, 'c-r1'],
      ['2026-11-19T14:58:20.000Z', 'survey', false, 'c-r1'],
      ['2026-11-20T15:00:00.000Z', 'digital', false, 'e-r5'],
      ['2026-11-20T15:05:00.000Z', 'abandon', false, 'e-r6'], // the chat 45 minutes later is not a leak
      ['2026-11-20T15:50:00.000Z', 'call', false, 'c-r2'],
      ['2026-11-20T16:30:00.000Z', 'failure', true, 'e-r7'],
      ['2026-11-20T16:40:00.000Z', 'call', true, 'c-r3'],
    ]);
    expect(r.events[0].text).toBe('Browsed billing on mobile app: login → view_bill → payment_method (3 pages)');
    expect(r.events[1].text).toBe('Failed: billing at autopay_enroll on mobile app — "Member not eligible for autopay"');
    expect(r.events[2]).toMatchObject({
      failure_event_id: 'e-r4',
      text: 'Leaked billing call, 7 min after the failure: Voice via IVR billing>payments, 48m 20s, agent AG-7, failed; sentiment -0.2 → -0.6. "Caller asked why autopay is not offered for her plan"',
    });
    expect(r.events[3].text).toBe(`Survey: "Website said I can't use autopay"`);
    expect(r.events[8].text).toMatch(/^Leaked billing call, 10 min after the failure \(a repeat call\): Voice via IVR billing, 51m 40s, agent AG-7, transferred; sentiment -0.5 → -0.1/);
  });

  it('reads as a story in local time (LEAK_TZ)', () => {
    const text = journeyCommand.renderText(queryJourney(deps, { memberId: ROSA, date: MEMBERS_DATE, days: 7 }));
    const lines = text.split('\n');
    expect(lines.slice(0, 2)).toEqual([
      'M-104382 · Rosa Alvarez · MAPD New · Spanish · 65-74 · FL · member 8 months',
      '2026-11-14 to 2026-11-20 (America/New_York): 3 failures, 3 contacts, 2 leaked calls.',
    ]);
    expect(lines).toContain('Thu 2026-11-19');
    expect(lines.find((l) => l.includes('autopay_enroll'))).toMatch(/^ {2}09:03 !x Failed/);
    expect(lines.find((l) => l.includes('Chat'))).toMatch(/^ {2}10:50 {2}> Chat, 10m 00s, agent AG-2, resolved; sentiment \+0.1 → \+0.5/);
    expect(lines.at(-1)).toBe('! marks a leaked call and the failure it is attributed to.');
  });

  it('accepts any id form, --days and --date through the registry', () => {
    const r = run(['journey', 'm104382', '--days', '14', '--date', MEMBERS_DATE]) as ReturnType<typeof queryJourney>;
    expect(r.member_id).toBe(ROSA);
    expect(r.events[0]).toMatchObject({ id: 'e-r0', kind: 'digital', text: 'Browsed billing on desktop web: login' });
    expect((run(['journey', ' 104382 ', '--date', '2026-11-19']) as ReturnType<typeof queryJourney>).counts).toEqual({ failures: 1, calls: 1, leaked_calls: 1 });
  });

  it('shows the failure behind a leaked call even when it happened before the first day', async () => {
    const own = makeDeps();
    // 23:55 on 11-20 in New York, then a call at 00:05 on 11-21
    await load(own, {
      digital: [eventRow({ id: 'e-late', member: 'M-500000', ts: '2026-11-21T04:55:00Z', outcome: 'error', journey: 'pharmacy', error: 'Refill too soon' })],
      calls: [callRow({ id: 'c-early', member: 'M-500000', start: '2026-11-21T05:05:00Z' })],
    });
    const r = queryJourney(own, { memberId: 'M-500000', date: '2026-11-21', days: 1 });
    expect(r.events.map((e) => [e.id, e.kind, e.leak])).toEqual([['e-late', 'failure', true], ['c-early', 'call', true]]);
    expect(r.counts).toEqual({ failures: 0, calls: 1, leaked_calls: 1 }); // the failure is shown, not counted in the day
    expect(journeyCommand.renderText(r).split('\n').slice(2, 8)).toEqual([
      '',
      'Fri 2026-11-20',
      '  23:55 !x Failed: pharmacy at step1 on mobile app — "Refill too soon"',
      '',
      'Sat 2026-11-21',
      '  00:05 !> Leaked pharmacy call, 10 min after the failure: Voice via IVR route, 5m 00s, agent A1, resolved',
    ]);
  });

  it('a member with no profile and a quiet week', () => {
    const r = queryJourney(deps, { memberId: 'M-300000', date: '2026-11-30', days: 3 });
    expect(r).toMatchObject({ profile: null, events: [] });
    expect(journeyCommand.renderText(r)).toContain('Nothing happened in these 3 days. Try --days 30.');
  });

  it('unknown member: not_found, one line; malformed id and bad --days: the accepted forms', () => {
    expect(errorOf(['journey', 'M-999999', '--date', MEMBERS_DATE])).toEqual({ code: 'not_found', line: 'No member M-999999 found.' });
    expect(errorOf(['journey', 'bob'])).toEqual({ code: 'bad_argument', line: '"bob" is not a member id. Accepted forms: M-104382, m104382, M104382 or 104382.' });
    expect(errorOf(['journey']).line).toBe('Which member? Usage: leak journey MEMBER_ID [--days N] [--date YYYY-MM-DD] [--json] (ids like M-104382, m104382, M104382 or 104382).');
    expect(errorOf(['journey', ROSA, '--days', '2.5']).line).toBe('--days must be a whole number from 1 to 366 (got "2.5").');
    expect(errorOf(['journey', ROSA, '--days', '0']).line).toBe('--days must be a whole number from 1 to 366 (got "0").');
  });
});
