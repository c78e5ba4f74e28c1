/**
 * Acknowledge and Snooze on an alert message. Each button carries the first alert's id; the group
 * is every alert sharing that message, and the whole group changes, then the message is refreshed.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Context } from '../../../context.ts';
import { describeError } from '../../../errors.ts';
import { alertMessage } from '../../../alerts/blocks.ts';
import { alertsOfMessage, setAlertStatus } from '../../../alerts/repository.ts';
import type { Alert, AlertStatus } from '../../../alerts/types.ts';
import { privately } from '../reply.ts';
import { mrkdwn, mrkdwnOf, userMention, type Mrkdwn } from '../../../blocks/mrkdwn.ts';

export const NO_SUCH_ALERT = mrkdwn`That alert no longer exists; run /leak alerts for the open ones.`;

/** The alerts one button's message carries. */
export const alertGroup = (ctx: Context, action: unknown) => alertsOfMessage(ctx.store, Number((action as ButtonAction).value));

export function setAlertGroupStatus(ctx: Context, status: Exclude<AlertStatus, 'open' | 'resolved'>, verb: string) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    try {
      const alerts = alertGroup(ctx, action);
      if (!alerts.length) return void (await privately(respond, NO_SUCH_ALERT));
      const changed = setAlertStatus(ctx.store, alerts.map((a) => a.id), status, ctx.now());
      if (!changed) return void (await privately(respond, mrkdwn`Nothing to change: ${alerts.length === 1 ? 'this alert is' : 'these alerts are'} already resolved.`));
      await refreshAlertMessage(ctx, client, body, alerts, mrkdwn`${verb} by ${userMention(body.user.id)}`);
    } catch (e) {
      await privately(respond, mrkdwnOf(describeError(e)));
    }
  };
}

async function refreshAlertMessage(ctx: Context, client: WebClient, body: BlockAction, alerts: Alert[], status: Mrkdwn) {
  const channel = body.container?.channel_id ?? alerts[0].channel;
  const ts = body.container?.message_ts ?? alerts[0].messageTs;
  if (!channel || !ts) return;
  const fresh = alertsOfMessage(ctx.store, alerts[0].id);
  await client.chat.update({ channel, ts, ...alertMessage(fresh, status) });
}
