/**
 * Contact-center operations, per interaction type (voice, video, chat, email): volume, total and
 * average duration, failed share, and the single longest interaction with its agent, over every
 * interaction of the days (not only leaked ones).
 */
import { round1 } from '../format.ts';
import type { Context } from '../context.ts';

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
