/** `leak member MEMBER_ID`: the member 360 (src/members/member-360.ts) as text. */
import { STATUS_LABEL } from '../src/actions/state-machine.ts';
import { formatCount, formatDuration, formatMoney, languageName, renderTable, plural } from '../src/format.ts';
import { describeProfile, HIDDEN_DETAILS_NOTE } from '../src/members/profile.ts';
import { queryMember, type MemberResult } from '../src/members/member-360.ts';
import { dateArg, memberIdArg } from './args.ts';
import { defineCommand, EVERYWHERE } from './command.ts';


function renderMember(r: MemberResult): string {
  const p = r.profile;
  const c = r.counts;
  const lines = [
    `${r.member_id} · ${describeProfile(p, languageName)}`,
    p
      ? `Plan ${p.plan}, ${p.enrolled_on ? `enrolled ${p.enrolled_on}` : `member for ${plural(p.tenure_months, 'month')}`}${p.birth_year ? `, born ${p.birth_year}` : ''} (as of ${r.date}).`
      : `No profile on file; known only from their digital events and calls (as of ${r.date}).`,
    ...(p?.hidden ? [HIDDEN_DETAILS_NOTE] : []),
    `Source ids: ${r.source_ids.join(', ') || 'none'}.`,
    '',
    `Up to ${r.date}: ${plural(c.sessions, 'session')}, ${plural(c.failures, 'failure')}, ${plural(c.calls, 'call')}, ` +
      `${formatCount(c.leaked_calls)} leaked (${formatCount(c.repeat_calls)} repeat), ${formatMoney(r.cost_attributed)} attributed` +
      (r.leaked_journeys.length ? ` (${r.leaked_journeys.map((j) => `${j.journey} ${j.calls}`).join(', ')}).` : '.'),
  ];
  if (r.last_contacts.length) {
    lines.push(
      '',
      `Last contacts:`,
      renderTable(
        ['date', 'call', 'type', 'agent', 'outcome', 'length', 'leaked'],
        r.last_contacts.map((x) => [x.local_date, x.call_id, x.interaction, x.agent_id ?? '-', x.disposition, formatDuration(x.duration_seconds), x.leaked_journey ?? '-']),
      ),
    );
  }
  if (r.leaked_journeys.length) {
    lines.push('');
    if (!r.open_actions.length) lines.push(`Open actions on ${r.leaked_journeys.map((j) => j.journey).join(', ')}: none.`);
    else {
      lines.push(
        'Open actions on their journeys:',
        renderTable(
          ['id', 'status', 'journey', 'title', 'owner'],
          r.open_actions.map((a) => [a.id, STATUS_LABEL[a.status], a.journey, a.title, a.assignee ?? a.owner_team]),
        ),
      );
    }
  }
  return lines.join('\n');
}

export default defineCommand({
  name: 'member',
  summary: 'Member 360: profile, source ids, sessions, failures, calls, leaked calls and cost, last contacts, open actions',
  args: { positionals: [{ name: 'MEMBER_ID', description: 'the member, in any form (M-104382, 104382, …)', required: true }], options: [] },
  query: true,
  surfaces: EVERYWHERE,
  examples: [{ line: 'member M-104382', what: 'the member 360' }],
  parse: (parsed, ctx) => ({ memberId: memberIdArg(parsed.positionals[0], parsed.usage), date: dateArg(parsed, ctx) }),
  run: (args: { memberId: string; date: string }, ctx) => queryMember(ctx, args),
  renderText: renderMember,
});
