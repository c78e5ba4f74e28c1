import { beforeAll, describe, expect, it } from 'vitest';
import { makeDeps } from '../helpers/store.ts';
import { loadMembersFixture, MEMBERS_DATE, ROSA } from '../helpers/fixture-members.ts';
import memberCommand from '../../commands/member.ts';
import { queryMember } from '../../src/members/member-360.ts';
import { parseCommandArgs } from '../../commands/invocation.ts';
import { createAction, transitionAction } from '../../src/actions/repository.ts';
import { describeError } from '../../src/errors.ts';

const deps = makeDeps();
beforeAll(async () => {
  await loadMembersFixture(deps);
  const actor = { user: 'U1', via: 'cli' as const, at: deps.now() };
  createAction(deps.store, { journey: 'billing', title: 'Explain autopay eligibility on the payment page', ownerTeam: 'Digital' }, actor);
  createAction(deps.store, { journey: 'pharmacy', title: 'Prior-auth FAQ', ownerTeam: 'Pharmacy' }, actor); // not a journey Rosa leaked on
  const dismissed = createAction(deps.store, { journey: 'billing', title: 'Old idea', ownerTeam: 'Digital' }, actor).action;
  transitionAction(deps.store, dismissed.id, { kind: 'dismiss', reason: 'duplicate' }, actor);
});

describe('member MEMBER_ID', () => {
  it('the 360 as of --date: profile, every source id, counts, cost, last contacts, open actions on leaked journeys', () => {
    const r = queryMember(deps, { memberId: ROSA, date: MEMBERS_DATE });
    expect(r.profile).toEqual({
      name: 'Rosa Alvarez', plan: 'MAPD', segment: 'MAPD New', enrolled_on: '2026-03-15', tenure_months: 8,
      language: 'es', birth_year: 1956, age_group: '65-74', state: 'FL',
    });
    expect(r.source_ids).toEqual(['104382', 'M104382', 'm104382']);
    // sessions s-r0..s-r3; failures e-r4, e-r6 (abandon), e-r7; calls c-r1..c-r3, leaked c-r1 and c-r3 (a repeat) at $8.
    expect(r.counts).toEqual({ sessions: 4, failures: 3, calls: 3, leaked_calls: 2, repeat_calls: 1 });
    expect(r.cost_attributed).toBe(16);
    expect(r.leaked_journeys).toEqual([{ journey: 'billing', calls: 2 }]);
    expect(r.last_contacts.map((c) => [c.call_id, c.local_date, c.interaction, c.agent_id, c.disposition, c.duration_seconds, c.leaked_journey])).toEqual([
      ['c-r3', '2026-11-20', 'voice', 'AG-7', 'transferred', 3100, 'billing'],
      ['c-r2', '2026-11-20', 'chat', 'AG-2', 'resolved', 600, null],
      ['c-r1', '2026-11-19', 'voice', 'AG-7', 'failed', 2900, 'billing'],
    ]);
    expect(r.open_actions).toEqual([
      { id: 'A-1', status: 'proposed', journey: 'billing', title: 'Explain autopay eligibility on the payment page', owner_team: 'Digital', assignee: null },
    ]);
  });

  it('counts only what happened up to the end of --date, and the segment is as of that date', () => {
    const r = queryMember(deps, { memberId: ROSA, date: '2026-11-19' });
    expect(r.counts).toEqual({ sessions: 2, failures: 1, calls: 1, leaked_calls: 1, repeat_calls: 0 });
    expect(r.cost_attributed).toBe(8);
    // enrolled 2026-03-15: still MAPD New 364 days later, tenured from the 365th
    expect(queryMember(deps, { memberId: ROSA, date: '2027-03-14' }).profile).toMatchObject({ segment: 'MAPD New', tenure_months: 11, age_group: '65-74' });
    expect(queryMember(deps, { memberId: ROSA, date: '2027-03-15' }).profile).toMatchObject({ segment: 'MAPD Tenured', tenure_months: 12 });
  });

  it('renders the profile, counts, contacts and actions', () => {
    const text = memberCommand.renderText(queryMember(deps, { memberId: ROSA, date: MEMBERS_DATE }));
    expect(text.split('\n')).toEqual([
      'M-104382 · Rosa Alvarez · MAPD New · Spanish · 65-74 · FL · member 8 months',
      'Plan MAPD, enrolled 2026-03-15, born 1956 (as of 2026-11-20).',
      'Source ids: 104382, M104382, m104382.',
      '',
      'Up to 2026-11-20: 4 sessions, 3 failures, 3 calls, 2 leaked (1 repeat), $16 attributed (billing 2).',
      '',
      'Last contacts:',
      'date        call   type  agent      outcome   length   leaked',
      '----------  ----  -----  -----  -----------  -------  -------',
      '2026-11-20  c-r3  voice   AG-7  transferred  51m 40s  billing',
      '2026-11-20  c-r2   chat   AG-2     resolved  10m 00s        -',
      '2026-11-19  c-r1  voice   AG-7       failed  48m 20s  billing',
      '',
      'Open actions on their journeys:',
      'id     status  journey                                            title    owner',
      '---  --------  -------  -----------------------------------------------  -------',
      'A-1  Proposed  billing  Explain autopay eligibility on the payment page  Digital',
    ]);
  });

  it('a member known only from a call; a member who never leaked gets no actions section', () => {
    const r = queryMember(deps, { memberId: 'M-300000', date: MEMBERS_DATE });
    expect(r).toMatchObject({ profile: null, source_ids: ['M-300000'], counts: { sessions: 0, failures: 0, calls: 1, leaked_calls: 0 }, open_actions: [] });
    const text = memberCommand.renderText(r);
    expect(text).toContain('No profile on file; known only from their digital events and calls');
    expect(text).toContain('0 sessions, 0 failures, 1 call, 0 leaked (0 repeat), $0 attributed.');
    expect(text).not.toContain('Open actions');
  });

  it('any id form through the registry; unknown and malformed ids fail in one line', () => {
    const inv = parseCommandArgs(memberCommand, ['M104382', '--date', MEMBERS_DATE, '--json'], deps);
    expect(inv.json).toBe(true);
    expect(inv.args).toEqual({ memberId: ROSA, date: MEMBERS_DATE });
    expect(() => queryMember(deps, { memberId: 'M-000042', date: MEMBERS_DATE })).toThrow('No member M-000042 found.');
    const bad = () => parseCommandArgs(memberCommand, ['M-12-34'], deps);
    expect(bad).toThrow('"M-12-34" is not a member id. Accepted forms: M-104382, m104382, M104382 or 104382.');
    try {
      queryMember(deps, { memberId: 'M-000042', date: MEMBERS_DATE });
    } catch (e) {
      expect(describeError(e)).toBe('No member M-000042 found.');
      expect((e as { code: string }).code).toBe('not_found');
    }
  });
});
