/**
 * Posting to LEAK_ALERT_CHANNEL. New alerts are grouped into one message per rule and hour: the
 * first batch of an hour posts the message, later ones in the same hour join it (chat.update),
 * so a burst never floods the channel. Each alert is claimed with a unique token before Slack is
 * called, so two runs (or two instances) never post it twice; a failed post releases the claim.
 * Resolved spikes get one "back to normal" reply in their thread, claimed the same way.
 */
import crypto from 'node:crypto';
import type { WebClient } from '@slack/web-api';
import type { Context } from '../context.ts';
import { alertMessage } from './blocks.ts';
import { fitMessage } from '../blocks/limits.ts';
import { mrkdwn } from '../blocks/mrkdwn.ts';
import { toAlert } from './repository.ts';
import type { Alert } from './types.ts';

const HOUR_MS = 3_600_000;

export type PostLog = { warn(message: string): void };
export type PostReport = { messages: number; updated: number; alerts: number; normal: number };

export async function postAlerts(ctx: Context, client: WebClient, now: number, log: PostLog = ctx.log): Promise<PostReport> {
  const report: PostReport = { messages: 0, updated: 0, alerts: 0, normal: 0 };
  const channel = ctx.config.alerts.channel;
  if (!channel) return report;
  const { sqlite } = ctx.store;
  // Only alerts still seen in the last day: configuring a channel late must not replay weeks of history.
  const pending = (sqlite
    .prepare("SELECT * FROM alerts WHERE status = 'open' AND message_ts IS NULL AND last_seen_at >= ? ORDER BY id")
    .all(now - 24 * HOUR_MS) as Record<string, unknown>[]).map(toAlert);
  const groups = new Map<string, Alert[]>();
  for (const a of pending) {
    const key = `${a.rule}:${Math.floor(a.createdAt / HOUR_MS)}`;
    groups.set(key, [...(groups.get(key) ?? []), a]);
  }
  for (const [key, group] of groups) {
    const hour = Number(key.split(':')[1]);
    const token = `posting:${crypto.randomUUID()}`;
    const ids = group.map((a) => a.id);
    const claim = sqlite.prepare(`UPDATE alerts SET message_ts = ?, channel = ? WHERE id IN (${ids.map(() => '?').join(',')}) AND message_ts IS NULL`);
    if (claim.run(token, channel, ...ids).changes === 0) continue;
    const claimed = (sqlite.prepare('SELECT * FROM alerts WHERE message_ts = ? ORDER BY id').all(token) as Record<string, unknown>[]).map(toAlert);
    const existing = sqlite
      .prepare("SELECT message_ts FROM alerts WHERE rule = ? AND channel IS NOT NULL AND created_at >= ? AND created_at < ? AND message_ts NOT LIKE 'posting:%' ORDER BY id LIMIT 1")
      .pluck()
      .get(group[0].rule, hour * HOUR_MS, (hour + 1) * HOUR_MS) as string | undefined;
    try {
      let ts: string;
      if (existing) {
        const siblings = (sqlite.prepare('SELECT * FROM alerts WHERE message_ts = ? ORDER BY id').all(existing) as Record<string, unknown>[]).map(toAlert);
        const all = [...siblings, ...claimed];
        await client.chat.update({ channel: siblings[0].channel ?? channel, ts: existing, ...alertMessage(all) });
        ts = existing;
        sqlite.prepare('UPDATE alerts SET channel = ? WHERE message_ts = ?').run(siblings[0].channel ?? channel, token);
        report.updated++;
      } else {
        const res = await client.chat.postMessage({ channel, ...alertMessage(claimed), unfurl_links: false });
        ts = res.ts as string;
        // Slack answers with the channel id; buttons and thread replies address it by id.
        const channelId = (res.channel as string | undefined) ?? channel;
        sqlite.prepare('UPDATE alerts SET channel = ? WHERE message_ts = ?').run(channelId, token);
        report.messages++;
      }
      sqlite.prepare('UPDATE alerts SET message_ts = ?, thread_ts = ? WHERE message_ts = ?').run(ts, ts, token);
      report.alerts += claimed.length;
    } catch (e) {
      sqlite.prepare('UPDATE alerts SET message_ts = NULL, channel = NULL WHERE message_ts = ?').run(token);
      log.warn(`Posting ${claimed.length} ${group[0].rule} alert(s) to ${channel} failed: ${(e as Error).message}`);
    }
  }
  report.normal = await postBackToNormal(ctx, client, now, log);
  return report;
}

async function postBackToNormal(ctx: Context, client: WebClient, now: number, log: PostLog): Promise<number> {
  const { sqlite } = ctx.store;
  const due = (sqlite
    .prepare("SELECT * FROM alerts WHERE status = 'resolved' AND kind = 'spike' AND thread_ts IS NOT NULL AND thread_ts NOT LIKE 'posting:%' AND normal_posted_at IS NULL ORDER BY id")
    .all() as Record<string, unknown>[]).map(toAlert);
  let posted = 0;
  for (const a of due) {
    if (sqlite.prepare('UPDATE alerts SET normal_posted_at = ? WHERE id = ? AND normal_posted_at IS NULL').run(now, a.id).changes === 0) continue;
    const normal = (a.detail as { normal_text?: string }).normal_text;
    const text = normal === undefined ? mrkdwn`Back to normal: ${a.subject}.` : mrkdwn`${normal}`;
    try {
      await client.chat.postMessage({ channel: a.channel!, thread_ts: a.threadTs!, ...fitMessage(text) });
      posted++;
    } catch (e) {
      sqlite.prepare('UPDATE alerts SET normal_posted_at = NULL WHERE id = ?').run(a.id);
      log.warn(`"Back to normal" for alert #${a.id} failed: ${(e as Error).message}`);
    }
  }
  return posted;
}
