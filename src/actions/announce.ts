/**
 * Side effects of a transition, kept out of the rules: post the action's parent message once,
 * reply in its thread for every history row not yet announced, and chat.update the parent when
 * it shows an older version. Each reply is claimed in SQL before posting (and released if Slack
 * fails), so a click handler and the hourly job running together announce a change once; a
 * change made from the CLI is announced by the next job run.
 */
import type { WebClient } from '@slack/web-api';
import type { Store } from '../../db/open-db.ts';
import type { Config } from '../config.ts';
import { actionMessage, mention, targetText } from './blocks.ts';
import { fitMessage } from '../blocks/limits.ts';
import { describeSlackFailure } from '../slack-delivery.ts';
import { mrkdwn, type Mrkdwn } from '../blocks/mrkdwn.ts';
import { requireAction, setActionThread } from './repository.ts';
import { formatActionId, type Action, type HistoryRow } from './types.ts';

export type SlackLog = { warn(message: string): void };
const consoleLog: SlackLog = { warn: (m) => console.warn(m) };

/**
 * Posts the parent message if the action has none yet. Returns the action with its thread. A
 * failure is counted on the action (post_attempts, post_error) before it is rethrown, so the
 * hourly job can stop retrying after a bound that survives a restart.
 */
export async function postActionMessage(store: Store, client: WebClient, action: Action, channel: string): Promise<Action> {
  if (action.threadTs) return action;
  // Claim the thread slot first so two callers do not both post a parent message.
  const claimed = store.sqlite.prepare("UPDATE actions SET channel = ?, thread_ts = '' WHERE id = ? AND thread_ts IS NULL").run(channel, action.id).changes === 1;
  if (!claimed) return requireAction(store, action.id);
  try {
    const res = await client.chat.postMessage({ channel, ...actionMessage(action) });
    setActionThread(store, action.id, res.channel ?? channel, res.ts!);
    store.sqlite.prepare('UPDATE actions SET message_version = ?, post_attempts = 0, post_error = NULL WHERE id = ?').run(action.version, action.id);
    // The creation row is the parent message itself.
    store.sqlite.prepare("UPDATE action_history SET announced_at = ? WHERE action_id = ? AND from_status IS NULL AND announced_at IS NULL").run(Date.now(), action.id);
  } catch (e) {
    // Keep the channel: the hourly job retries the post there, a bounded number of times.
    store.sqlite.prepare('UPDATE actions SET thread_ts = NULL, post_attempts = post_attempts + 1, post_error = ? WHERE id = ?').run(describeSlackFailure(e), action.id);
    throw e;
  }
  return requireAction(store, action.id);
}

/** Brings the thread and the parent message up to date with the store. Never throws for Slack errors. */
export async function announceAction(store: Store, client: WebClient, id: number, config: Config, log: SlackLog = consoleLog): Promise<{ replies: number; updated: boolean }> {
  let action = requireAction(store, id);
  if (!action.threadTs) return { replies: 0, updated: false };
  let updated = false;
  if ((action.messageVersion ?? 0) < action.version) {
    try {
      await client.chat.update({ channel: action.channel!, ts: action.threadTs, ...actionMessage(action) });
      store.sqlite.prepare('UPDATE actions SET message_version = max(coalesce(message_version, 0), ?) WHERE id = ?').run(action.version, id);
      updated = true;
    } catch (e) {
      log.warn(`chat.update for ${formatActionId(id)} failed: ${(e as Error).message}`);
      // Deleted or no longer editable: retrying every hour would only fail again; the thread still gets replies.
      if (/message_not_found|cant_update_message|channel_not_found/.test((e as Error).message)) {
        store.sqlite.prepare('UPDATE actions SET message_version = ? WHERE id = ?').run(action.version, id);
      }
    }
  }
  const pending = store.sqlite
    .prepare('SELECT id, action_id AS actionId, from_status AS fromStatus, to_status AS toStatus, by_user AS byUser, at, via, detail FROM action_history WHERE action_id = ? AND announced_at IS NULL ORDER BY id')
    .all(id) as HistoryRow[];
  let replies = 0;
  for (const row of pending) {
    const claimed = store.sqlite.prepare('UPDATE action_history SET announced_at = ? WHERE id = ? AND announced_at IS NULL').run(Date.now(), row.id).changes === 1;
    if (!claimed) continue;
    action = requireAction(store, id);
    try {
      await client.chat.postMessage({ channel: action.channel!, thread_ts: action.threadTs!, ...fitMessage(historyReplyText(row, action, config)) });
      replies++;
    } catch (e) {
      store.sqlite.prepare('UPDATE action_history SET announced_at = NULL WHERE id = ?').run(row.id);
      log.warn(`Thread reply for ${formatActionId(id)} failed: ${(e as Error).message}`);
      break;
    }
  }
  return { replies, updated };
}

/** The thread reply for one history row; written from the row, so a late announcement still says what happened. */
function historyReplyText(row: HistoryRow, action: Action, config: Pick<Config, 'actions'>): Mrkdwn {
  const id = formatActionId(action.id);
  const by = mention(row.byUser);
  const via = row.via === 'cli' ? ' (from the CLI)' : '';
  const assigned = /^(?:re)?assigned (?:from \S+ )?to (\S+)$/.exec(row.detail ?? '')?.[1];
  switch (row.toStatus) {
    case 'proposed':
      return mrkdwn`${id} proposed by ${by}${via}.`;
    case 'acknowledged':
    case 'in_progress':
      if (assigned) return mrkdwn`${by} assigned ${id} to ${mention(assigned)}${via}: ${row.toStatus === 'acknowledged' && row.fromStatus === 'proposed' ? 'acknowledged' : 'owner changed'}.`;
      return row.toStatus === 'acknowledged' ? mrkdwn`${by} took ${id}${via}: acknowledged, owner ${by}.` : mrkdwn`${by} started work on ${id}${via}: in progress.`;
    case 'shipped': {
      const date = /ship date (\S+)/.exec(row.detail ?? '')?.[1] ?? action.shipDate ?? '';
      const { interimDays, finalDays } = config.actions;
      return mrkdwn`${by} marked ${id} shipped on ${date}${via}. I'll re-measure ${targetText(action)} daily and post an interim outcome after ${interimDays} days and the final one after ${finalDays}.`;
    }
    case 'dismissed':
      return mrkdwn`${by} dismissed ${id}${via}: ${row.detail ?? ''}`;
    case 'measured':
      return mrkdwn`${id} is measured and closed.`;
  }
}
