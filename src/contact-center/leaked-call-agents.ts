/** The agents who took the most leaked calls on a day (or the days from `from` to `date`): silver leakage joined to each call's agent. */
import type { Context } from '../context.ts';

export type AgentLoad = { agent_id: string; calls: number; avg_handle_minutes: number };

/** It joins silver row by row, so it grows with the day's leaked calls: only the operations digest asks. */
export function listLeakedCallAgents(ctx: Context, date: string, limit = 5, from = date): AgentLoad[] {
  return ctx.store.sqlite
    .prepare(
      `SELECT c.agent_id, count(*) AS calls, round(avg(l.handle_seconds) / 60.0, 1) AS avg_handle_minutes
       FROM digital_call_leakage l JOIN call_logs_cleaned c ON c.call_id = l.call_id
       WHERE l.local_date BETWEEN ? AND ? AND c.agent_id IS NOT NULL AND c.agent_id <> ''
       GROUP BY c.agent_id ORDER BY calls DESC, c.agent_id LIMIT ?`,
    )
    .all(from, date, limit) as AgentLoad[];
}
