/**
 * The hourly job for tracked actions. Safe to run any number of times: every step that posts
 * is claimed in SQL first (reminded_at, interim_posted_at, final_posted_at, announced_at), so
 * a second run, or two instances, find the step taken and skip it.
 *  1. Post actions created from the CLI into LEAK_ACTIONS_CHANNEL; announce changes made from the CLI.
 *  2. One reminder in the thread of an action nobody acknowledged within LEAK_ACK_REMINDER_HOURS business hours.
 *  3. Re-measure shipped actions once a day; interim outcome after LEAK_OUTCOME_INTERIM_DAYS, final after
 *     LEAK_OUTCOME_FINAL_DAYS, then the action is marked measured.
 * Without Slack (no client), or for an action that has no Slack thread, steps 2 and 3 still run and
 * their messages go to the log, one line each: reminders and outcomes never depend on Slack.
 */
import type { WebClient } from '@slack/web-api';
import type { Context } from '../context.ts';
import { zoneClock } from '../time.ts';
import { announceAction, postActionMessage, type SlackLog } from './announce.ts';
import { businessHoursBetween, isBusinessDay } from './business-hours.ts';
import { measureActionOutcome, outcomeReplyText } from './outcome.ts';
import { claimOnce, listActions, releaseClaim, saveOutcome, transitionAction } from './repository.ts';
import { formatActionId, type Action } from './types.ts';
import { mrkdwn, plainTextOf, userMention, type Mrkdwn } from '../blocks/mrkdwn.ts';
import { describeSlackFailure, postingHint } from '../slack-delivery.ts';
import { fitMessage } from '../blocks/limits.ts';
import { isUserId } from '../mentions.ts';

/** Problems go to `warn`; without Slack, reminders and outcomes go to `info` (the context's log when absent). */
export type JobLog = SlackLog & { info?(message: string): void };

/**
 * Hourly attempts to post an action's parent message before the job gives up on it (a channel the
 * bot is not in fails the same way every hour). Counted in the store, so a restart does not reset it;
 * a person's own attempt (a click on "I'll take it", /leak action in the channel) still tries.
 */
export const MAX_POST_ATTEMPTS = 5;

export type JobReport = { posted: number; announced: number; reminded: number[]; measured: number[]; interim: number[]; final: number[] };

export async function runActionJobs(ctx: Context, client: WebClient | undefined, now: number, log: JobLog = ctx.log): Promise<JobReport> {
  const { store, config } = ctx;
  const report: JobReport = { posted: 0, announced: 0, reminded: [], measured: [], interim: [], final: [] };
  if (client) await postAndAnnounce(ctx, client, report, log);
  for (const action of listActions(store, { open: true })) {
    // Still waiting for its Slack message (a post that failed is retried next run): its news goes there, not to the
    // log. Once the job has given up posting it, the news goes to the log.
    if (client && !action.threadTs && (action.channel ?? config.actions.channel) && action.postAttempts < MAX_POST_ATTEMPTS) continue;
    if (action.status === 'proposed') {
      if (await remindIfDue(ctx, client, action, now, log)) report.reminded.push(action.id);
    } else if (action.status === 'shipped') {
      await measureShipped(ctx, client, action, now, report, log);
    }
  }
  return report;
}

/** The action's thread when Slack has one, otherwise the log: where a job's message about an action goes. */
async function tell(ctx: Context, client: WebClient | undefined, action: Action, text: Mrkdwn, log: JobLog): Promise<void> {
  if (client && action.channel && action.threadTs) await client.chat.postMessage({ channel: action.channel, thread_ts: action.threadTs, ...fitMessage(text) });
  else (log.info ?? ctx.log.info)(plainTextOf(text));
}

async function postAndAnnounce(ctx: Context, client: WebClient, report: JobReport, log: SlackLog): Promise<void> {
  const { store, config } = ctx;
  for (const action of listActions(store, { open: true })) {
    // Its own channel when a Slack post failed earlier; LEAK_ACTIONS_CHANNEL for actions made in the CLI.
    const channel = action.channel ?? config.actions.channel;
    if (action.threadTs === null && channel && action.postAttempts < MAX_POST_ATTEMPTS) {
      try {
        await postActionMessage(store, client, action, channel);
        report.posted++;
      } catch (e) {
        const attempts = action.postAttempts + 1;
        const next = attempts < MAX_POST_ATTEMPTS ? 'trying again next hour' : `giving up after ${attempts} attempts: ${postingHint(e) ?? 'check the channel and the bot token'}`;
        log.warn(`Posting ${formatActionId(action.id)} to ${channel} failed (${describeSlackFailure(e)}); ${next}`);
      }
    }
  }
  for (const id of idsNeedingAnnouncement(ctx)) report.announced += (await announceAction(store, client, id, config, log)).replies;
}

function idsNeedingAnnouncement(ctx: Context): number[] {
  return ctx.store.sqlite
    .prepare(`SELECT id FROM actions WHERE thread_ts IS NOT NULL AND thread_ts != '' AND (coalesce(message_version, 0) < version
              OR EXISTS (SELECT 1 FROM action_history h WHERE h.action_id = actions.id AND h.announced_at IS NULL)) ORDER BY id`)
    .pluck()
    .all() as number[];
}

async function remindIfDue(ctx: Context, client: WebClient | undefined, action: Action, now: number, log: JobLog): Promise<boolean> {
  const { ackReminderHours } = ctx.config.actions;
  const tz = ctx.config.timeZone;
  if (action.remindedAt !== null || !isBusinessDay(now, tz)) return false;
  if (businessHoursBetween(action.createdAt, now, tz) < ackReminderHours) return false;
  if (!claimOnce(ctx.store, action.id, 'reminded_at', now)) return false;
  try {
    await tell(
      ctx,
      client,
      action,
      mrkdwn`Reminder: nobody has acknowledged ${formatActionId(action.id)} after ${ackReminderHours} business hours${isUserId(action.createdBy) ? mrkdwn` (proposed by ${userMention(action.createdBy)})` : ''}. ${action.ownerTeam}, can someone click "I'll take it", assign it, or dismiss it with a reason?`,
      log,
    );
    return true;
  } catch (e) {
    releaseClaim(ctx.store, action.id, 'reminded_at');
    log.warn(`Reminder for ${formatActionId(action.id)} failed: ${(e as Error).message}`);
    return false;
  }
}

async function measureShipped(ctx: Context, client: WebClient | undefined, action: Action, now: number, report: JobReport, log: JobLog) {
  const { interimDays, finalDays } = ctx.config.actions;
  const today = zoneClock(ctx.config.timeZone).today(now);
  const outcome = measureActionOutcome(ctx, action, today);
  if (!outcome) return;
  let refresh = false;
  if (action.lastMeasuredOn !== today) {
    saveOutcome(ctx.store, action.id, today, JSON.stringify(outcome));
    report.measured.push(action.id);
    refresh = true;
  }
  const step = outcome.afterDays >= finalDays ? 'final' : outcome.afterDays >= interimDays ? 'interim' : null;
  const column = step === 'final' ? 'final_posted_at' : 'interim_posted_at';
  if (step && claimOnce(ctx.store, action.id, column, now)) {
    try {
      await tell(ctx, client, action, mrkdwn`${outcomeReplyText(action, outcome, step)}`, log);
      report[step].push(action.id);
      refresh = true;
      if (step === 'final') {
        const r = transitionAction(ctx.store, action.id, { kind: 'measure' }, { user: 'leak', via: 'scheduler', at: now });
        if (!r.ok) log.warn(`Marking ${formatActionId(action.id)} measured was refused: ${plainTextOf(r.reason)}`);
        // The final outcome reply already says it is closed; the history row needs no reply of its own.
        else ctx.store.sqlite.prepare("UPDATE action_history SET announced_at = ? WHERE action_id = ? AND to_status = 'measured' AND announced_at IS NULL").run(now, action.id);
      }
    } catch (e) {
      releaseClaim(ctx.store, action.id, column);
      log.warn(`${step} outcome for ${formatActionId(action.id)} failed: ${(e as Error).message}`);
    }
  }
  if (!refresh || !client || !action.threadTs) return;
  // The parent message shows the outcome so far: refreshed once a day even without a transition.
  ctx.store.sqlite.prepare('UPDATE actions SET message_version = NULL WHERE id = ?').run(action.id);
  await announceAction(ctx.store, client, action.id, ctx.config, log);
}
