/** `leak interactions`: volume and duration per interaction type (src/contact-center/interactions.ts) as text. */
import { formatCount, formatDuration, formatPct, renderTable } from '../src/format.ts';
import { queryInteractions, type InteractionsResult } from '../src/contact-center/interactions.ts';
import { RANGE_OPTIONS, rangeArgs } from './args.ts';
import { defineCommand, EVERYWHERE } from './command.ts';

function renderInteractions(r: InteractionsResult): string {
  const when = r.from === r.to ? `on ${r.from}` : `from ${r.from} to ${r.to}`;
  if (!r.total.volume) return `No contact-center interactions ${when}.`;
  const t = r.total;
  const hours = (s: number) => `${formatCount(s / 3600)} h`;
  const l = r.longest!;
  return [
    `${formatCount(t.volume)} interactions ${when}.`,
    '',
    renderTable(
      ['type', 'volume', 'total time', 'average', 'failed'],
      [
        ...r.interactions.map((i) => [i.interaction, formatCount(i.volume), i.total_seconds >= 36_000 ? hours(i.total_seconds) : formatDuration(i.total_seconds), formatDuration(Math.round(i.avg_seconds)), formatPct(i.failed_pct)]),
        ['total', formatCount(t.volume), t.total_seconds >= 36_000 ? hours(t.total_seconds) : formatDuration(t.total_seconds), formatDuration(Math.round(t.avg_seconds!)), formatPct(t.failed_pct)],
      ],
    ),
    '',
    `Longest: ${l.call_id}, a ${formatDuration(l.seconds)} ${l.interaction} on ${l.local_date} with ${l.agent_id ? `agent ${l.agent_id}` : 'no agent'} (member ${l.member_id}).`,
  ].join('\n');
}

export default defineCommand({
  name: 'interactions',
  summary: 'Per interaction type: volume, total and average duration, failed share; the longest and its agent',
  args: { positionals: [], options: [...RANGE_OPTIONS] },
  query: true,
  surfaces: EVERYWHERE,
  examples: [{ line: 'interactions', what: 'volume and duration per interaction type' }],
  parse: (parsed, ctx) => {
    return rangeArgs(parsed, ctx);
  },
  run: (args: { from: string; to: string }, ctx) => queryInteractions(ctx, args),
  renderText: renderInteractions,
});
