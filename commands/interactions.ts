/**
 * Contact-center operations, per interaction type (voice, video, chat, email): volume, total and
 * average duration, failed share, and the single longest interaction with its agent, over every
 * interaction of the days (not only leaked ones).
 */
import { formatCount, formatDuration, formatPct, renderTable, round1 } from '../src/format.ts';
import { noMorePositionals, RANGE_OPTIONS, rangeArgs } from './args.ts';
import { defineCommand } from './types.ts';
import type { Context } from '../src/context.ts';

export type InteractionRow = { interaction: string; volume: number; total_seconds: number; avg_seconds: number; failed: number; failed_pct: number };
export type LongestInteraction = { call_id: string; interaction: string; agent_id: string | null; member_id: string; local_date: string; seconds: number };
export type InteractionsResult = {
  from: string;
  to: string;
  interactions: InteractionRow[];
  total: { volume: number; total_seconds: number; avg_seconds: number | null; failed: number; failed_pct: number | null };
  longest: LongestInteraction | null;
};

export function queryInteractions(ctx: Context, args: { from: string; to: string }): InteractionsResult {
  const { sqlite } = ctx.store;
  const groups = sqlite
    .prepare(
      `SELECT interaction, count(*) AS volume, sum(ended_at - started_at) AS ms, sum(disposition = 'failed') AS failed
       FROM call_logs_cleaned WHERE local_date BETWEEN @from AND @to GROUP BY interaction`,
    )
    .all(args) as { interaction: string; volume: number; ms: number; failed: number }[];
  const longest = sqlite
    .prepare(
      `SELECT call_id, interaction, agent_id, member_id, local_date, (ended_at - started_at) AS ms FROM call_logs_cleaned
       WHERE local_date BETWEEN @from AND @to ORDER BY ended_at - started_at DESC, call_id LIMIT 1`,
    )
    .get(args) as { call_id: string; interaction: string; agent_id: string | null; member_id: string; local_date: string; ms: number } | undefined;

  const shape = (volume: number, ms: number, failed: number) => ({
    volume,
    total_seconds: Math.round(ms / 1000),
    avg_seconds: round1(ms / 1000 / volume),
    failed,
    failed_pct: round1((100 * failed) / volume),
  });
  const interactions = groups
    .map((g) => ({ interaction: g.interaction, ...shape(g.volume, g.ms, g.failed) }))
    .sort((a, b) => b.volume - a.volume || a.interaction.localeCompare(b.interaction));
  const volume = groups.reduce((s, g) => s + g.volume, 0);
  const ms = groups.reduce((s, g) => s + g.ms, 0);
  const failed = groups.reduce((s, g) => s + g.failed, 0);
  return {
    from: args.from,
    to: args.to,
    interactions,
    total: volume ? shape(volume, ms, failed) : { volume: 0, total_seconds: 0, avg_seconds: null, failed: 0, failed_pct: null },
    longest: longest
      ? { call_id: longest.call_id, interaction: longest.interaction, agent_id: longest.agent_id, member_id: longest.member_id, local_date: longest.local_date, seconds: Math.round(longest.ms / 1000) }
      : null,
  };
}

export function renderInteractions(r: InteractionsResult): string {
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

export const interactionsCommand = defineCommand({
  name: 'interactions',
  summary: 'Per interaction type: volume, total and average duration, failed share; the longest and its agent',
  options: [...RANGE_OPTIONS],
  query: true,
  parse: (parsed, ctx) => {
    noMorePositionals(parsed, 0, 'leak interactions [--from YYYY-MM-DD --to YYYY-MM-DD] [--date YYYY-MM-DD] [--json]');
    return rangeArgs(parsed, ctx);
  },
  run: (args: { from: string; to: string }, ctx) => queryInteractions(ctx, args),
  renderText: renderInteractions,
});
