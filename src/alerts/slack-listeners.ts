/**
 * Buttons on alert messages. Each carries the first alert's id; the group is every alert sharing
 * that message. Acknowledge and Snooze change the whole group and refresh the message; View opens
 * the member (member) or the root cause of the journey (why) privately; Useful / Noise / Known issue
 * record one verdict per person for the message, which is what `leak alerts --quality` reports.
 */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Context } from '../context.ts';
import { isCommandName } from '../../commands/registry.ts';
import { describeError } from '../errors.ts';
import { answerLine } from '../slack/answer.ts';
import { ALERT_ACTION, alertFallbackText, buildAlertBlocks } from './blocks.ts';
import { alertsOfMessage, recordFeedback, ruleQuality, setAlertStatus } from './repository.ts';
import type { Alert, Verdict } from './types.ts';
import { alertRules } from './rules.ts';

const privately = (respond: RespondFn, text: string) => respond({ response_type: 'ephemeral', replace_original: false, text });

/** The command a View button runs for an alert, when that command exists. */
export function viewCommandLine(a: Alert): string | undefined {
  const line = a.detail.member ? `member ${a.detail.member}` : a.detail.journey ? `why ${a.detail.journey}${a.detail.date ? ` --date ${a.detail.date}` : ''}` : undefined;
  return line && isCommandName(line.split(' ')[0]) ? line : undefined;
}

export function registerAlertListeners(app: App, ctx: Context): void {
  const group = (action: unknown) => alertsOfMessage(ctx.store, Number((action as ButtonAction).value));

  async function refresh(client: WebClient, body: BlockAction, alerts: Alert[], status: string) {
    const channel = body.container?.channel_id ?? alerts[0].channel;
    const ts = body.container?.message_ts ?? alerts[0].messageTs;
    if (!channel || !ts) return;
    const fresh = alertsOfMessage(ctx.store, alerts[0].id);
    await client.chat.update({ channel, ts, text: alertFallbackText(fresh), blocks: buildAlertBlocks(fresh, status) });
  }

  for (const [actionId, status, verb] of [
    [ALERT_ACTION.ack, 'acknowledged', 'Acknowledged'],
    [ALERT_ACTION.snooze, 'snoozed', 'Snoozed for 24 h'],
  ] as const) {
    app.action(actionId, async ({ ack, body, action, client, respond }) => {
      await ack();
      try {
        const alerts = group(action);
        if (!alerts.length) return void (await privately(respond, 'That alert no longer exists; run /leak alerts for the open ones.'));
        const changed = setAlertStatus(ctx.store, alerts.map((a) => a.id), status, ctx.now());
        if (!changed) return void (await privately(respond, `Nothing to change: ${alerts.length === 1 ? 'this alert is' : 'these alerts are'} already resolved.`));
        await refresh(client, body as BlockAction, alerts, `${verb} by <@${(body as BlockAction).user.id}>`);
      } catch (e) {
        await privately(respond, describeError(e));
      }
    });
  }

  app.action(ALERT_ACTION.view, async ({ ack, body, action, client, respond, logger }) => {
    await ack();
    try {
      const alerts = group(action);
      const first = alerts[0];
      if (!first) return void (await privately(respond, 'That alert no longer exists; run /leak alerts for the open ones.'));
      const line = viewCommandLine(first);
      const b = body as BlockAction;
      if (line) {
        const message = await answerLine(line, { ...ctx, slack: { userId: b.user.id, channelId: b.channel?.id ?? b.user.id, client } }, { shareable: true, log: logger });
        return void (await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }));
      }
      const rows = alerts.slice(0, 10).map((a) => `#${a.id} ${a.text} Calls: ${(a.rowRefs.call_ids ?? []).slice(0, 10).join(', ') || 'none'}${a.rowRefs.total > 10 ? ` (of ${a.rowRefs.total})` : ''}.`);
      await privately(respond, rows.join('\n'));
    } catch (e) {
      await privately(respond, describeError(e));
    }
  });

  for (const [actionId, verdict, label] of [
    [ALERT_ACTION.useful, 'useful', 'useful'],
    [ALERT_ACTION.noise, 'noise', 'noise'],
    [ALERT_ACTION.known, 'known', 'a known issue'],
  ] as const) {
    app.action(actionId, async ({ ack, body, action, respond }) => {
      await ack();
      try {
        const id = Number((action as ButtonAction).value);
        const now = ctx.now();
        if (!recordFeedback(ctx.store, id, (body as BlockAction).user.id, verdict as Verdict, now)) {
          return void (await privately(respond, 'That alert no longer exists; run /leak alerts for the open ones.'));
        }
        const rule = alertsOfMessage(ctx.store, id)[0].rule;
        const days = alertRules(ctx.config).noise.days;
        const q = ruleQuality(ctx.store, days, now).find((r) => r.rule === rule);
        await privately(respond, `Thanks, recorded as ${label}. ${rule}: ${q?.noise ?? 0} of ${q?.feedback ?? 0} verdicts in ${days} days say noise.`);
      } catch (e) {
        await privately(respond, describeError(e));
      }
    });
  }
}
