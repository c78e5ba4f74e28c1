/**
 * A click on a tracked action's message, applied: decided in the store (compare-and-set on the
 * version the message showed), then announced (thread reply + chat.update of the parent). A refusal
 * is answered privately, and an out-of-date copy of the message is refreshed in place.
 */
import type { BlockAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Context } from '../../../context.ts';
import { announceAction } from '../../../actions/announce.ts';
import { actionMessage } from '../../../actions/blocks.ts';
import { getAction, transitionAction } from '../../../actions/repository.ts';
import type { Action, ActionEvent, Via } from '../../../actions/types.ts';
import { privately } from '../reply.ts';
import { mrkdwn } from '../../../blocks/mrkdwn.ts';

export const NO_SUCH_ACTION = mrkdwn`That action no longer exists; run /leak action list for the current ones.`;

export const actorOf = (ctx: Context, user: string, via: Via) => ({ user, via, at: ctx.now() });

export async function applyClick(ctx: Context, client: WebClient, respond: RespondFn, body: BlockAction, ref: { id: number; version: number } | undefined, event: ActionEvent): Promise<void> {
  const action = ref && getAction(ctx.store, ref.id);
  if (!ref || !action) return privately(respond, NO_SUCH_ACTION);
  const r = transitionAction(ctx.store, ref.id, event, actorOf(ctx, body.user.id, 'slack-button'), ref.version);
  if (r.ok) {
    await announceAction(ctx.store, client, ref.id, ctx.config);
    return;
  }
  await privately(respond, r.reason);
  await refreshClickedMessage(client, body, r.action);
}

/** A refused click came from an out-of-date copy: show the current state in place. */
export async function refreshClickedMessage(client: WebClient, body: BlockAction, action: Action): Promise<void> {
  const ts = body.container?.message_ts;
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!ts || !channel || ts !== action.threadTs) return;
  await client.chat.update({ channel, ts, ...actionMessage(action) }).catch(() => undefined);
}
