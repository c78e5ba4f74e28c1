/**
 * The member 360: profile as of --date (segment, tenure, language, age group), every source id
 * that resolved to the member, their history up to the end of --date (sessions, failures, calls,
 * leaked calls and the cost attributed), the last contacts, and the open tracked actions on the
 * journeys this member leaked on.
 */
import { listActions } from '../actions/repository.ts';
import { formatActionId, type ActionStatus } from '../actions/types.ts';
import { addDays, zoneClock } from '../time.ts';
import type { Context } from '../context.ts';
import { readProfile, requireMember, type MemberProfile } from './profile.ts';

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
