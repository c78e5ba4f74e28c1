/**
 * "Show me what this feels like." One member's timeline over the last days up to --date: digital
 * activity (runs of ordinary page views in a session folded into one line), failures with their
 * messages, every contact-center interaction with route, length, agent, outcome and sentiment, and
 * the survey comment after it. Leaked calls and the failures they are attributed to are marked.
 */
import { addDays, zoneClock } from '../time.ts';
import { formatDuration } from '../format.ts';
import type { Context } from '../context.ts';
import { readProfile, requireMember, type MemberProfile } from './profile.ts';

export type JourneyEventKind = 'digital' | 'failure' | 'abandon' | 'complete' | 'call' | 'survey';
export type JourneyEvent = {
  ts: string;
  kind: JourneyEventKind;
  text: string;
  leak: boolean;
  /** event_id or call_id (for a folded run of page views, the first event's id). */
  id: string;
  /** On a leaked call: the failure it is attributed to. */
  failure_event_id?: string;
};
export type JourneyResult = {
  member_id: string;
  date: string;
  from: string;
  days: number;
  time_zone: string;
  profile: MemberProfile | null;
  counts: { failures: number; calls: number; leaked_calls: number };
  events: JourneyEvent[];
};

type DigitalRow = { event_id: string; session_id: string; ts: number; channel: string; device: string; journey: string; step: string; outcome: string; error_message: string | null };
type CallRow = {
  call_id: string; started_at: number; ended_at: number; interaction: string; ivr_route: string | null; agent_id: string | null;
  disposition: string; sentiment_start: number | null; sentiment_end: number | null; survey_comment: string | null; transcript: string | null;
  failure_event_id: string | null; failure_ts: number | null; journey: string | null; is_repeat: number | null;
};

export function queryJourney(ctx: Context, args: { memberId: string; date: string; days: number }): JourneyResult {
  const { memberId, date, days } = args;
  requireMember(ctx, memberId);
  const { sqlite } = ctx.store;
  const clock = zoneClock(ctx.config.timeZone);
  const from = addDays(date, -(days - 1));
  const span = { id: memberId, start: clock.startOfDay(from), end: clock.startOfDay(addDays(date, 1)) };

  // Both reads walk a (member_id, time) index: the cost is this member's rows, not the table's.
  const digital = sqlite
    .prepare(
      `SELECT event_id, session_id, ts, channel, device, journey, step, outcome, error_message FROM digital_journeys_cleaned
       WHERE member_id = @id AND ts >= @start AND ts < @end ORDER BY ts, event_id`,
    )
    .all(span) as DigitalRow[];
  const calls = sqlite
    .prepare(
      `SELECT c.call_id, c.started_at, c.ended_at, c.interaction, c.ivr_route, c.agent_id, c.disposition, c.sentiment_start,
         c.sentiment_end, c.survey_comment, c.transcript, l.failure_event_id, l.failure_ts, l.journey, l.is_repeat
       FROM call_logs_cleaned c LEFT JOIN digital_call_leakage l ON l.call_id = c.call_id
       WHERE c.member_id = @id AND c.started_at >= @start AND c.started_at < @end ORDER BY c.started_at, c.call_id`,
    )
    .all(span) as CallRow[];

  const leakedFailures = new Set(calls.map((c) => c.failure_event_id).filter((f): f is string => f !== null));
  // A call just after midnight can leak from a failure just before the first day: show that failure too.
  const shown = new Set(digital.map((d) => d.event_id));
  const earlier = [...leakedFailures].filter((id) => !shown.has(id));
  if (earlier.length) {
    const byId = sqlite.prepare(`SELECT event_id, session_id, ts, channel, device, journey, step, outcome, error_message FROM digital_journeys_cleaned WHERE event_id = ?`);
    digital.unshift(...earlier.map((id) => byId.get(id) as DigitalRow).sort((a, b) => a.ts - b.ts));
  }
  const timed: [number, JourneyEvent][] = [...digitalEvents(digital, leakedFailures), ...calls.flatMap(callEvents)];
  timed.sort((a, b) => a[0] - b[0]);
  return {
    member_id: memberId,
    date,
    from,
    days,
    time_zone: ctx.config.timeZone,
    profile: readProfile(ctx, memberId, date),
    counts: {
      failures: digital.filter((d) => d.ts >= span.start && (d.outcome === 'error' || d.outcome === 'abandon')).length,
      calls: calls.length,
      leaked_calls: calls.filter((c) => c.failure_event_id !== null).length,
    },
    events: timed.map(([, e]) => e),
  };
}

/** Ordinary ('ok') events in one session and journey fold into one line until something else happens. */
function digitalEvents(rows: DigitalRow[], leakedFailures: Set<string>): [number, JourneyEvent][] {
  const out: [number, JourneyEvent][] = [];
  let run: DigitalRow[] = [];
  const flush = () => {
    if (!run.length) return;
    const [first] = run;
    const steps = run.map((r) => r.step);
    const shown = steps.length > 5 ? [...steps.slice(0, 2), '…', ...steps.slice(-2)] : steps;
    const text = `Browsed ${first.journey} on ${first.device} ${first.channel}: ${shown.join(' → ')}${steps.length > 1 ? ` (${steps.length} pages)` : ''}`;
    out.push([first.ts, { ts: iso(first.ts), kind: 'digital', text, leak: false, id: first.event_id }]);
    run = [];
  };
  for (const r of rows) {
    if (r.outcome === 'ok') {
      if (run.length && (run[0].session_id !== r.session_id || run[0].journey !== r.journey)) flush();
      run.push(r);
      continue;
    }
    flush();
    const where = `${r.journey} at ${r.step} on ${r.device} ${r.channel}`;
    const kind: JourneyEventKind = r.outcome === 'error' ? 'failure' : r.outcome === 'abandon' ? 'abandon' : 'complete';
    const text =
      kind === 'complete'
        ? `Completed ${where}`
        : `${kind === 'failure' ? 'Failed' : 'Gave up'}: ${where}${r.error_message ? ` — "${r.error_message}"` : ''}`;
    out.push([r.ts, { ts: iso(r.ts), kind, text, leak: leakedFailures.has(r.event_id), id: r.event_id }]);
  }
  flush();
  return out;
}

function callEvents(c: CallRow): [number, JourneyEvent][] {
  const leak = c.failure_event_id !== null;
  const parts = [
    `${capitalize(c.interaction)}${c.ivr_route ? ` via IVR ${c.ivr_route}` : ''}, ${formatDuration(Math.round((c.ended_at - c.started_at) / 1000))}`,
    c.agent_id ? `agent ${c.agent_id}` : 'no agent',
    c.disposition,
  ];
  const mood = sentimentChange(c.sentiment_start, c.sentiment_end);
  const lead = leak ? `Leaked ${c.journey} call, ${Math.round((c.started_at - c.failure_ts!) / 60_000)} min after the failure${c.is_repeat ? ' (a repeat call)' : ''}: ` : '';
  const text = `${lead}${parts.join(', ')}${mood ? `; sentiment ${mood}` : ''}${c.transcript ? `. "${c.transcript}"` : ''}`;
  const call: JourneyEvent = { ts: iso(c.started_at), kind: 'call', text, leak, id: c.call_id, ...(leak ? { failure_event_id: c.failure_event_id! } : {}) };
  const out: [number, JourneyEvent][] = [[c.started_at, call]];
  if (c.survey_comment) out.push([c.ended_at, { ts: iso(c.ended_at), kind: 'survey', text: `Survey: "${c.survey_comment}"`, leak: false, id: c.call_id }]);
  return out;
}

const iso = (ms: number) => new Date(ms).toISOString();
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const signed = (n: number) => (n > 0 ? `+${n.toFixed(1)}` : n.toFixed(1));

function sentimentChange(start: number | null, end: number | null): string | null {
  if (start === null && end === null) return null;
  if (start === null || end === null) return `${start === null ? 'ended' : 'started'} ${signed((start ?? end)!)}`;
  return `${signed(start)} → ${signed(end)}`;
}
