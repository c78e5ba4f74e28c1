/**
 * Contact-center operations, per agent: interactions, failed rate (disposition 'failed'), average
 * handle time and calls over 3000 s, over every interaction of the days (not only leaked ones).
 * The highest and lowest five by failed rate only rank agents with at least --min-calls, so one
 * unlucky call does not put someone at the top.
 */
import { round1 } from '../format.ts';
import type { Context } from '../context.ts';

export const LONG_CALL_SECONDS = 3000;
export const DEFAULT_MIN_CALLS = 20;
export const RANKED = 5;

export type AgentRow = { agent_id: string; interactions: number; failed: number; failed_pct: number; avg_handle_seconds: number; over_3000s: number };
export type AgentsResult = {
  from: string;
  to: string;
  min_calls: number;
  agents: AgentRow[];
  /** Interactions with no agent (abandoned in the IVR, unanswered email). */
  without_agent: number;
  highest_failed: AgentRow[];
  lowest_failed: AgentRow[];
  total: { interactions: number; failed: number; failed_pct: number | null; avg_handle_seconds: number | null; over_3000s: number };
};

/** dir 1: highest failed rate first; -1: lowest first. Ties: busier agent first, then by id. */
export const failedRateOrder = (dir: 1 | -1) => (a: AgentRow, b: AgentRow) =>
  dir * (b.failed_pct - a.failed_pct) || b.interactions - a.interactions || a.agent_id.localeCompare(b.agent_id);

export function queryAgents(ctx: Context, args: { from: string; to: string; minCalls: number }): AgentsResult {
  const groups = ctx.store.sqlite
    .prepare(
      `SELECT agent_id, count(*) AS interactions, sum(disposition = 'failed') AS failed,
         sum(ended_at - started_at) AS ms, sum(ended_at - started_at > ${LONG_CALL_SECONDS * 1000}) AS over
       FROM call_logs_cleaned WHERE local_date BETWEEN @from AND @to GROUP BY agent_id`,
    )
    .all(args) as { agent_id: string | null; interactions: number; failed: number; ms: number; over: number }[];
  const row = (g: (typeof groups)[number]) => ({
    failed: g.failed,
    failed_pct: round1((100 * g.failed) / g.interactions),
    avg_handle_seconds: round1(g.ms / 1000 / g.interactions),
    over_3000s: g.over,
  });
  const agents = groups
    .filter((g) => g.agent_id !== null)
    .map((g) => ({ agent_id: g.agent_id!, interactions: g.interactions, ...row(g) }))
    .sort((a, b) => b.interactions - a.interactions || a.agent_id.localeCompare(b.agent_id));
  const ranked = agents.filter((a) => a.interactions >= args.minCalls);
  const byRate = (dir: 1 | -1) => [...ranked].sort(failedRateOrder(dir)).slice(0, RANKED);
  const all = { agent_id: null, interactions: 0, failed: 0, ms: 0, over: 0 };
  for (const g of groups) [all.interactions, all.failed, all.ms, all.over] = [all.interactions + g.interactions, all.failed + g.failed, all.ms + g.ms, all.over + g.over];
  return {
    from: args.from,
    to: args.to,
    min_calls: args.minCalls,
    agents,
    without_agent: groups.find((g) => g.agent_id === null)?.interactions ?? 0,
    highest_failed: byRate(1),
    lowest_failed: byRate(-1),
    total: all.interactions
      ? { interactions: all.interactions, ...row(all) }
      : { interactions: 0, failed: 0, failed_pct: null, avg_handle_seconds: null, over_3000s: 0 },
  };
}
