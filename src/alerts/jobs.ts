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
import { evaluateSeries, scanSpikes, spikesOf } from './spike-scan.ts';
import { scanThresholds } from './thresholds.ts';
import { alertRules, type AlertRules } from './rules.ts';
import { readDataReach } from '../leakage/data-through.ts';

export type AlertJobReport = { created: number[]; refreshed: number; resolved: number[]; posted: PostReport | null; proposals: string[]; logged?: number };

/** Scans and records, without Slack: what the CLI and tests call, and the first half of runAlertJobs. */
export function scanAndRecordAlerts(ctx: Context, now: number, rules: AlertRules = alertRules(ctx.config)): Omit<AlertJobReport, 'posted' | 'proposals'> {
  const clock = zoneClock(ctx.config.timeZone);
  const today = clock.today(now);
  const yesterday = addDays(today, -1);
  const lastHour = liveScanHour(ctx, now);
  const at = { ...ctx, now: () => now };

  const candidates = scanThresholds(at, now, rules);
  // Yesterday's series are evaluated once: for its spikes, and for the open ones it finds back to normal.
  const closedDay = { date: yesterday };
  const closedEval = rules.leak_spike.enabled ? evaluateSeries(at, closedDay, rules.leak_spike) : null;
  if (closedEval) {
    const closed = spikesOf(at, closedDay, closedEval, rules.leak_spike);
    const live = lastHour >= 0 ? scanSpikes(at, { date: today, hour: lastHour }, rules.leak_spike) : [];
    candidates.push(...[...closed, ...live].map((s) => spikeCandidate(at, s)));
  }
  const recorded = recordAlerts(ctx.store, rules, candidates, now);
  const resolved = closedEval ? resolveSpikes(at, closedEval, now) : [];
  // A snooze that ran out on an alert nobody re-raised: back on the open list (not re-posted).
  ctx.store.sqlite.prepare("UPDATE alerts SET status = 'open', snoozed_until = NULL WHERE status = 'snoozed' AND snoozed_until <= ?").run(now);
  return { created: recorded.created, refreshed: recorded.refreshed.length + recorded.reopened.length, resolved };
}

/**
 * The closed-day spike scan of `date` as a running Leak makes it once that day has closed (at `now`):
 * records the day's spikes and resolves open spike alerts whose series the day found back to normal.
 * What `npm start` replays over a backfilled history, a day at a time.
 */
export function scanClosedDaySpikes(ctx: Context, date: string, now: number, rules: AlertRules = alertRules(ctx.config)): { created: number[]; resolved: number[] } {
  if (!rules.leak_spike.enabled) return { created: [], resolved: [] };
  const at = { ...ctx, now: () => now };
  const ev = evaluateSeries(at, { date }, rules.leak_spike);
  const candidates = spikesOf(at, { date }, ev, rules.leak_spike).map((s) => spikeCandidate(at, s));
  const recorded = recordAlerts(ctx.store, rules, candidates, now);
  return { created: recorded.created, resolved: resolveSpikes(at, ev, now) };
}

/**
 * The last complete hour of today the live scan can judge: the hour before the current one, or
 * before the hour of the newest data when that is earlier (a stream that stopped at 09:05 leaves
 * 08:00-08:59 the last hour with all its data; comparing later hours would read the gap as a drop).
 * -1 when no hour of today is complete.
 */
export function liveScanHour(ctx: Context, now: number): number {
  const clock = zoneClock(ctx.config.timeZone);
  const reach = readDataReach(ctx, clock.today(now), now);
  return reach.cut === null ? -1 : Math.floor(clock.localMinute(reach.cut) / 60) - 1;
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
