/**
 * Where a click's reply goes. A new answer replaces the message the click came from: a private
 * /leak answer through its response URL, a thread or DM message with chat.update. A one-line
 * confirmation or refusal goes to the clicker alone.
 */
import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../../blocks/limits.ts';
import type { AskAction } from './payloads.ts';

export type Reply = { payload: AskAction; respond: RespondFn; client: WebClient };

export async function replaceMessage({ payload, respond, client }: Reply, message: SlackMessage): Promise<void> {
  const ts = payload.container?.message_ts;
  const channel = payload.container?.channel_id ?? payload.channel?.id;
  if (payload.container?.is_ephemeral || !ts || !channel) {
    await respond({ replace_original: true, text: message.text, blocks: message.blocks });
    return;
  }
  await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
}

export async function tellClicker({ payload, respond, client }: Reply, text: string): Promise<void> {
  const channel = payload.container?.channel_id ?? payload.channel?.id;
  if (payload.response_url || !channel) {
    await respond({ response_type: 'ephemeral', replace_original: false, text });
    return;
  }
  await client.chat.postEphemeral({ channel, user: payload.user.id, text });
}
