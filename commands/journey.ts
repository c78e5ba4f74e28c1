/** `leak journey MEMBER_ID`: one member's timeline (src/members/timeline.ts) as text, leaks marked. */
import { formatCount, languageName, plural } from '../src/format.ts';
import { describeProfile, HIDDEN_DETAILS_NOTE } from '../src/members/profile.ts';
import { queryJourney, type JourneyEventKind, type JourneyResult } from '../src/members/timeline.ts';
import { addDays, weekdayName, zoneClock } from '../src/time.ts';
import { findLatestLeakedMember } from '../src/leakage/journeys.ts';
import type { Context } from '../src/context.ts';
import { dateArg, memberIdArg, wholeArg } from './args.ts';
import { defineCommand, EVERYWHERE } from './command.ts';

const MARK: Record<JourneyEventKind, string> = { digital: ' ', failure: 'x', abandon: 'x', complete: '+', call: '>', survey: '*' };

function renderJourney(r: JourneyResult): string {
  const clock = zoneClock(r.time_zone);
  const lines = [
    `${r.member_id} · ${describeProfile(r.profile, languageName)}`,
    `${r.from} to ${r.date} (${r.time_zone}): ${plural(r.counts.failures, 'failure')}, ${plural(r.counts.calls, 'contact')}, ${plural(r.counts.leaked_calls, 'leaked call')}.`,
    ...(r.profile?.hidden ? [HIDDEN_DETAILS_NOTE] : []),
  ];
  if (!r.events.length) lines.push('', `Nothing happened in these ${r.days} days. Try --days 30.`);
  let day = '';
  for (const e of r.events) {
    const ms = Date.parse(e.ts);
    const d = clock.localDate(ms);
    if (d !== day) lines.push('', `${weekdayName(d).slice(0, 3)} ${d}`);
    day = d;
    lines.push(`  ${clock.localTime(ms)} ${e.leak ? '!' : ' '}${MARK[e.kind]} ${e.text}`);
  }
  if (r.events.some((e) => e.leak)) lines.push('', '! marks a leaked call and the failure it is attributed to.');
  return lines.join('\n');
}

/** `journey M-…` for the member of the store's newest leaked call, with --date when that is more than the default 7 days back. */
function leakedMemberLine(ctx: Context): string | undefined {
  const leak = findLatestLeakedMember(ctx);
  if (!leak) return undefined;
  const today = zoneClock(ctx.config.timeZone).today(ctx.now());
  return `journey ${leak.member_id}${leak.date > addDays(today, -7) && leak.date <= today ? '' : ` --date ${leak.date}`}`;
}

export default defineCommand({
  name: 'journey',
  summary: "Show me what this feels like: one member's timeline of digital events and calls, leaks marked",
  args: {
    positionals: [{ name: 'MEMBER_ID', description: 'the member, in any form (M-104382, 104382, …)', required: true }],
    options: [{ name: 'days', type: 'string', value: 'N', description: 'days up to --date to show (default 7)' }],
  },
  query: true,
  surfaces: EVERYWHERE,
  examples: [{ line: 'journey M-104382', what: 'one member’s timeline, leaks marked', onStart: leakedMemberLine }],
  parse: (parsed, ctx) => {
    const memberId = memberIdArg(parsed.positionals[0], parsed.usage);
    const days = wholeArg(parsed, 'days', 1, 366, 7)!;
    return { memberId, date: dateArg(parsed, ctx), days };
  },
  run: (args: { memberId: string; date: string; days: number }, ctx) => queryJourney(ctx, args),
  renderText: renderJourney,
});
