/**
 * Where a click's reply goes, and who will read it. A new answer replaces the message the click came
 * from: a private /leak answer through its response URL, a thread or DM message with chat.update. A
 * one-line confirmation or refusal goes to the clicker alone.
 */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Context } from '../../context.ts';
import { fitMessage, type SlackMessage } from '../../blocks/limits.ts';
import type { Mrkdwn } from '../../blocks/mrkdwn.ts';
import { audienceContext } from '../answer.ts';
import type { Access } from '../access.ts';
import type { AskAction } from './payloads.ts';

export type Reply = { payload: AskAction; respond: RespondFn; client: WebClient };

/**
 * The context a click's new answer is computed in: as the clicker, in Slack, for the audience of the
 * message it replaces. A private /leak answer (ephemeral) or a DM with the bot (a D… channel) is read
 * by the clicker alone, so members' details follow LEAK_PII_USERS; a message in a channel or thread is
 * read by everyone there, so it gets the channel's answer, whoever clicks.
 */
export function clickContext(ctx: Context, { payload, client }: Reply, access: Access): Promise<Context> {
  const channel = payload.container?.channel_id ?? payload.channel?.id ?? payload.user.id;
  const privateToClicker = payload.container?.is_ephemeral === true || channel.startsWith('D');
  return audienceContext({ ...ctx, slack: { userId: payload.user.id, channelId: channel, client } }, { audience: privateToClicker ? 'requester' : 'channel', access });
}

export async function replaceMessage({ payload, respond, client }: Reply, message: SlackMessage): Promise<void> {
  const ts = payload.container?.message_ts;
  const channel = payload.container?.channel_id ?? payload.channel?.id;
  if (payload.container?.is_ephemeral || !ts || !channel) {
    await respond({ replace_original: true, text: message.text, blocks: message.blocks });
    return;
  }
  await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
}

/** One line to the clicker alone: escaped mrkdwn (an error may quote what a payload carried), fitted like every message. */
export async function tellClicker({ payload, respond, client }: Reply, line: Mrkdwn): Promise<void> {
  const channel = payload.container?.channel_id ?? payload.channel?.id;
  const message = fitMessage(line);
  if (payload.response_url || !channel) {
    await respond({ response_type: 'ephemeral', replace_original: false, ...message });
    return;
  }
  await client.chat.postEphemeral({ channel, user: payload.user.id, ...message });
}
