/**
 * The member 360: profile as of --date (segment, tenure, language, age group), every source id
 * that resolved to the member, their history up to the end of --date (sessions, failures, calls,
 * leaked calls and the cost attributed), the last contacts, and the open tracked actions on the
 * journeys this member leaked on.
 */
import { listActions } from '../src/actions/repository.ts';
import { STATUS_LABEL } from '../src/actions/state-machine.ts';
import { formatActionId, type ActionStatus } from '../src/actions/types.ts';
import { formatCount, formatMoney, languageName, renderTable } from '../src/format.ts';
import { describeProfile, parseMemberId, readProfile, requireMember, type MemberProfile } from '../src/member-profile.ts';
import { addDays, zoneClock } from '../src/time.ts';
import { dateArg, noMorePositionals } from './args.ts';
import { formatDuration } from './journey.ts';
import { defineCommand } from './types.ts';
import type { Context } from '../src/context.ts';

export type MemberContact = {
  call_id: string;
  started_at: string;
  local_date: string;
  interaction: string;
  agent_id: string | null;
  disposition: string;
  duration_seconds: number;
  leaked_journey: string | null;
};
export type MemberAction = { id: string; status: ActionStatus; journey: string; title: string; owner_team: string; assignee: string | null };
export type MemberResult = {
  member_id: string;
  date: string;
  profile: MemberProfile | null;
  source_ids: string[];
  counts: { sessions: number; failures: number; calls: number; leaked_calls: number; repeat_calls: number };
  cost_attributed: number;
  leaked_journeys: { journey: string; calls: number }[];
  last_contacts: MemberContact[];
  open_actions: MemberAction[];
};

const USAGE = 'leak member MEMBER_ID [--date YYYY-MM-DD] [--json]';
const LAST_CONTACTS = 5;

export function queryMember(ctx: Context, args: { memberId: string; date: string }): MemberResult {
  const { memberId, date } = args;
  requireMember(ctx, memberId);
  const { sqlite } = ctx.store;
  const p = { id: memberId, end: zoneClock(ctx.config.timeZone).startOfDay(addDays(date, 1)) };

  const sourceIds = sqlite.prepare('SELECT source_id FROM member_source_ids WHERE member_id = ? ORDER BY source_id').pluck().all(memberId) as string[];
  const digital = sqlite
    .prepare(
      `SELECT count(DISTINCT session_id) AS sessions, count(*) FILTER (WHERE outcome IN ('error', 'abandon')) AS failures
       FROM digital_journeys_cleaned WHERE member_id = @id AND ts < @end`,
    )
    .get(p) as { sessions: number; failures: number };
  const calls = sqlite.prepare('SELECT count(*) FROM call_logs_cleaned WHERE member_id = @id AND started_at < @end').pluck().get(p) as number;
  const leaked = sqlite
    .prepare(
      `SELECT journey, count(*) AS calls, sum(is_repeat) AS repeats FROM digital_call_leakage
       WHERE member_id = @id AND started_at < @end GROUP BY journey ORDER BY calls DESC, journey`,
    )
    .all(p) as { journey: string; calls: number; repeats: number }[];
  const lastContacts = (
    sqlite
      .prepare(
        `SELECT c.call_id, c.started_at, c.local_date, c.interaction, c.agent_id, c.disposition, c.ended_at, l.journey
         FROM call_logs_cleaned c LEFT JOIN digital_call_leakage l ON l.call_id = c.call_id
         WHERE c.member_id = @id AND c.started_at < @end ORDER BY c.started_at DESC, c.call_id DESC LIMIT ${LAST_CONTACTS}`,
      )
      .all(p) as { call_id: string; started_at: number; local_date: string; interaction: string; agent_id: string | null; disposition: string; ended_at: number; journey: string | null }[]
  ).map((c) => ({
    call_id: c.call_id,
    started_at: new Date(c.started_at).toISOString(),
    local_date: c.local_date,
    interaction: c.interaction,
    agent_id: c.agent_id,
    disposition: c.disposition,
    duration_seconds: Math.round((c.ended_at - c.started_at) / 1000),
    leaked_journey: c.journey,
  }));

  const leakedCalls = leaked.reduce((s, j) => s + j.calls, 0);
  const journeys = new Set(leaked.map((j) => j.journey));
  const openActions = listActions(ctx.store, { open: true })
    .filter((a) => journeys.has(a.journey))
    .map((a) => ({ id: formatActionId(a.id), status: a.status, journey: a.journey, title: a.title, owner_team: a.ownerTeam, assignee: a.assignee }));

  return {
    member_id: memberId,
    date,
    profile: readProfile(ctx, memberId, date),
    source_ids: sourceIds,
    counts: { sessions: digital.sessions, failures: digital.failures, calls, leaked_calls: leakedCalls, repeat_calls: leaked.reduce((s, j) => s + j.repeats, 0) },
    cost_attributed: leakedCalls * ctx.config.costPerCall,
    leaked_journeys: leaked.map((j) => ({ journey: j.journey, calls: j.calls })),
    last_contacts: lastContacts,
    open_actions: openActions,
  };
}

const plural = (n: number, word: string) => `${formatCount(n)} ${word}${n === 1 ? '' : 's'}`;

export function renderMember(r: MemberResult): string {
  const p = r.profile;
  const c = r.counts;
  const lines = [
    `${r.member_id} · ${describeProfile(p, languageName)}`,
    p
      ? `Plan ${p.plan}, enrolled ${p.enrolled_on}${p.birth_year ? `, born ${p.birth_year}` : ''} (as of ${r.date}).`
      : `No profile on file; known only from their digital events and calls (as of ${r.date}).`,
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

export const memberCommand = defineCommand({
  name: 'member',
  summary: 'Member 360: profile, source ids, sessions, failures, calls, leaked calls and cost, last contacts, open actions',
  args: 'MEMBER_ID',
  options: [],
  query: true,
  parse: (parsed, ctx) => {
    noMorePositionals(parsed, 1, USAGE);
    return { memberId: parseMemberId(parsed.positionals[0], USAGE), date: dateArg(parsed, ctx) };
  },
  run: (args: { memberId: string; date: string }, ctx) => queryMember(ctx, args),
  renderText: renderMember,
});
