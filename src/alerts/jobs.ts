/**
 * The alert run, hourly and after ingestion; safe to repeat (dedupe keys make a re-scan a refresh,
 * posts are claimed): operational thresholds over the last day; the live spike scan of today through
 * the last complete hour; the closed-day scan of yesterday, which also resolves spikes that ended;
 * then posting, "back to normal" replies and noisy-rule proposals.
 */
import type { WebClient } from '@slack/web-api';
import type { Context } from '../context.ts';
import { addDays, zoneClock } from '../time.ts';
import { postNoiseProposals } from './noise-proposals.ts';
import { postAlerts, type PostLog, type PostReport } from './post.ts';
import { logNewAlerts } from './log-alerts.ts';
import { recordAlerts } from './repository.ts';
import { resolveSpikes, spikeCandidate } from './spike-alerts.ts';
import { evaluateSeries, scanSpikes } from './spike-scan.ts';
import { scanThresholds } from './thresholds.ts';
import { alertRules, type AlertRules } from './rules.ts';

export type AlertJobReport = { created: number[]; refreshed: number; resolved: number[]; posted: PostReport | null; proposals: string[]; logged?: number };

/** Scans and records, without Slack: what the CLI and tests call, and the first half of runAlertJobs. */
export function scanAndRecordAlerts(ctx: Context, now: number, rules: AlertRules = alertRules(ctx.config)): Omit<AlertJobReport, 'posted' | 'proposals'> {
  const clock = zoneClock(ctx.config.timeZone);
  const today = clock.today(now);
  const yesterday = addDays(today, -1);
  const lastHour = Math.floor(clock.localMinute(now) / 60) - 1;
  const at = { ...ctx, now: () => now };

  const candidates = scanThresholds(at, now, rules);
  if (rules.leak_spike.enabled) {
    const closed = scanSpikes(at, { date: yesterday }, rules.leak_spike);
    const live = lastHour >= 0 ? scanSpikes(at, { date: today, hour: lastHour }, rules.leak_spike) : [];
    candidates.push(...[...closed, ...live].map((s) => spikeCandidate(at, s)));
  }
  const recorded = recordAlerts(ctx.store, rules, candidates, now);
  const resolved = rules.leak_spike.enabled ? resolveSpikes(at, evaluateSeries(at, { date: yesterday }, rules.leak_spike), now) : [];
  // A snooze that ran out on an alert nobody re-raised: back on the open list (not re-posted).
  ctx.store.sqlite.prepare("UPDATE alerts SET status = 'open', snoozed_until = NULL WHERE status = 'snoozed' AND snoozed_until <= ?").run(now);
  return { created: recorded.created, refreshed: recorded.refreshed.length + recorded.reopened.length, resolved };
}

/** Without Slack (no client) or LEAK_ALERT_CHANNEL, the new alerts go to the log, one line each, instead of a channel. */
export async function runAlertJobs(ctx: Context, client: WebClient | undefined, now: number, log: PostLog & { info?(m: string): void } = ctx.log): Promise<AlertJobReport> {
  const scanned = scanAndRecordAlerts(ctx, now);
  // No Slack, or no channel to post them in: the log is where they are seen.
  if (!client || !ctx.config.alerts.channel) return { ...scanned, posted: null, proposals: [], logged: logNewAlerts(ctx, now, (m) => (log.info ?? ctx.log.info)(m)) };
  const posted = await postAlerts(ctx, client, now, log);
  const proposals = await postNoiseProposals(ctx, client, now, log);
  return { ...scanned, posted, proposals };
}
