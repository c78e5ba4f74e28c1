/**
 * Operational thresholds on the interactions (silver call_logs_cleaned, one row per interaction),
 * checked after ingestion over the calls that started in the last day (or the member window):
 *  - long_interaction: longer than maxSeconds (an escalation candidate), one alert per interaction;
 *  - failed_interaction: disposition 'failed', one alert per interaction;
 *  - member_failed_repeat: a member with minFailed or more failed interactions within windowHours;
 *  - agent_failed_rate: an agent whose failed share of today's interactions exceeds maxRatePct,
 *    once they have handled minInteractions.
 * Re-running over the same rows yields the same dedupe keys, so recordAlerts refreshes instead of repeating.
 */
import type { Context } from '../context.ts';
import { formatCount } from '../format.ts';
import { zoneClock } from '../time.ts';
import { alertRules, type AlertRules } from './rules.ts';
import type { AlertCandidate } from './types.ts';
import { recordAlerts } from './repository.ts';

const HOUR_MS = 3_600_000;
const SAMPLE = 50;

type CallRow = { call_id: string; member_id: string; started_at: number; ended_at: number; interaction: string; agent_id: string | null; disposition: string };

/**
 * `lookBackMs`: how far back the per-interaction rules look (a day; a replay that steps hour by hour
 * looks back one step, since the steps before recorded the rest).
 */
export function scanThresholds(ctx: Context, now: number, rules: AlertRules = alertRules(ctx.config), lookBackMs = 24 * HOUR_MS): AlertCandidate[] {
  const { sqlite } = ctx.store;
  const clock = zoneClock(ctx.config.timeZone);
  const who = (c: CallRow) => `${c.interaction} ${c.call_id} (member ${c.member_id}${c.agent_id ? `, agent ${c.agent_id}` : ''}, ${clock.localDateTime(c.started_at)})`;
  const out: AlertCandidate[] = [];
  const since = now - lookBackMs;
  // local_date bounds first: they use the calls_date index, so a run reads two days, not the history.
  const dateOf = (ms: number) => clock.localDate(ms);
  const recent = (where: string, ...params: unknown[]) =>
    sqlite
      .prepare(`SELECT call_id, member_id, started_at, ended_at, interaction, agent_id, disposition FROM call_logs_cleaned
                WHERE local_date BETWEEN ? AND ? AND started_at >= ? AND started_at < ? AND ${where} ORDER BY started_at, call_id`)
      .all(dateOf(since), dateOf(now), since, now, ...params) as CallRow[];

  const long = rules.long_interaction;
  if (long.enabled) {
    for (const c of recent('(ended_at - started_at) > ? * 1000', long.maxSeconds)) {
      const seconds = Math.round((c.ended_at - c.started_at) / 1000);
      out.push({
        kind: 'threshold', rule: 'long_interaction', subjectType: 'interaction', subject: c.call_id,
        windowStart: c.started_at, windowEnd: c.ended_at, value: seconds, threshold: long.maxSeconds, pValue: null,
        text: `Long interaction: ${who(c)} lasted ${formatCount(seconds)} s (${Math.round(seconds / 60)} min), over ${formatCount(long.maxSeconds)} s; disposition ${c.disposition}. Escalation candidate.`,
        dedupeKey: `long_interaction:${c.call_id}`, rowRefs: { call_ids: [c.call_id], total: 1 }, detail: { member: c.member_id },
      });
    }
  }

  const failed = rules.failed_interaction;
  if (failed.enabled) {
    for (const c of recent("disposition = 'failed'")) {
      out.push({
        kind: 'threshold', rule: 'failed_interaction', subjectType: 'interaction', subject: c.call_id,
        windowStart: c.started_at, windowEnd: c.ended_at, value: 1, threshold: 1, pValue: null,
        text: `Failed interaction: ${who(c)}.`,
        dedupeKey: `failed_interaction:${c.call_id}`, rowRefs: { call_ids: [c.call_id], total: 1 }, detail: { member: c.member_id },
      });
    }
  }

  const repeat = rules.member_failed_repeat;
  if (repeat.enabled) {
    const windowStart = now - repeat.windowHours * HOUR_MS;
    const members = sqlite
      .prepare(`SELECT member_id, count(*) AS n, group_concat(call_id) AS ids FROM
                  (SELECT member_id, call_id FROM call_logs_cleaned WHERE local_date BETWEEN ? AND ? AND disposition = 'failed'
                     AND started_at >= ? AND started_at < ? ORDER BY started_at, call_id)
                GROUP BY member_id HAVING count(*) >= ? ORDER BY n DESC, member_id`)
      .all(dateOf(windowStart), dateOf(now), windowStart, now, repeat.minFailed) as { member_id: string; n: number; ids: string }[];
    for (const m of members) {
      out.push({
        kind: 'threshold', rule: 'member_failed_repeat', subjectType: 'member', subject: m.member_id,
        windowStart, windowEnd: now, value: m.n, threshold: repeat.minFailed, pValue: null,
        text: `Member ${m.member_id} had ${m.n} failed interactions in ${repeat.windowHours} h (rule: ${repeat.minFailed} or more): possible fraud or a bot.`,
        dedupeKey: `member_failed_repeat:${m.member_id}`, rowRefs: { call_ids: m.ids.split(',').slice(0, SAMPLE), total: m.n }, detail: { member: m.member_id },
      });
    }
  }

  const agents = rules.agent_failed_rate;
  if (agents.enabled) {
    const today = clock.localDate(now);
    const dayStart = clock.startOfDay(today);
    const rows = sqlite
      .prepare(`SELECT agent_id, count(*) AS n, sum(disposition = 'failed') AS failed,
                  group_concat(CASE WHEN disposition = 'failed' THEN call_id END) AS ids
                FROM call_logs_cleaned WHERE local_date = ? AND started_at < ? AND agent_id IS NOT NULL AND agent_id != ''
                GROUP BY agent_id HAVING count(*) >= ? ORDER BY agent_id`)
      .all(today, now, agents.minInteractions) as { agent_id: string; n: number; failed: number; ids: string | null }[];
    for (const a of rows) {
      const pct = (100 * a.failed) / a.n;
      if (!(pct > agents.maxRatePct)) continue;
      out.push({
        kind: 'threshold', rule: 'agent_failed_rate', subjectType: 'agent', subject: a.agent_id,
        windowStart: dayStart, windowEnd: now, value: Math.round(pct * 10) / 10, threshold: agents.maxRatePct, pValue: null,
        text: `Agent ${a.agent_id}: ${a.failed} of ${a.n} interactions failed today (${Math.round(pct)}%, over ${agents.maxRatePct}%).`,
        dedupeKey: `agent_failed_rate:${a.agent_id}:${today}`, rowRefs: { call_ids: (a.ids ?? '').split(',').filter(Boolean).slice(0, SAMPLE), total: a.failed }, detail: { date: today },
      });
    }
  }
  return out;
}

/**
 * After each ingestion (the live stream's batches): record threshold alerts at once; the hourly job
 * posts them. Never throws: a failed check must not stop ingestion, it is reported and retried next batch.
 */
export function checkThresholdsAfterIngest(ctx: Context, now: number, log: (line: string) => void = (l) => ctx.log.warn(l), lookBackMs?: number): number {
  try {
    const rules = alertRules(ctx.config);
    return recordAlerts(ctx.store, rules, scanThresholds(ctx, now, rules, lookBackMs), now).created.length;
  } catch (e) {
    log(`alerts: threshold check failed: ${(e as Error).message}`);
    return 0;
  }
}
