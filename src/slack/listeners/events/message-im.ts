/**
 * A direct message to Leak (message.im): a command or a question, answered in the conversation (in
 * the DM's thread when asked in one). The DM keeps its subject, so follow-ups need no arguments.
 * Edits, deletions and other subtypes, and messages from bots (Leak's own answers among them), are ignored.
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { describeSlackFailure } from '../../../slack-delivery.ts';
import { imMessageSchema } from '../../ask/payloads.ts';
import { replyToText, threadKeys } from '../../ask/reply-to-text.ts';
import { checkPayload } from '../../payloads.ts';
import { questionOf } from './app-mention.ts';
import type { Access } from '../../access.ts';

export function messageIm(ctx: Context, access: Access) {
  return async ({ event, context, client, logger }: SlackEventMiddlewareArgs<'message'> & AllMiddlewareArgs) => {
    const raw: Record<string, unknown> = { ...event };
    if (raw.channel_type !== 'im' || raw.subtype !== undefined || raw.bot_id !== undefined) return;
    const e = checkPayload(imMessageSchema, raw, 'message.im', logger);
    if (!e || !e.text.trim() || e.user === context.botUserId) return;
    const team = context.teamId ?? 'slack';
    const place = { workspace: team, user: e.user, threadKey: threadKeys.dm(team, e.channel), ephemeral: false };
    const message = await replyToText(questionOf(e.text), { ...ctx, slack: { userId: e.user, channelId: e.channel, client } }, place, { shareable: false, log: logger, audience: 'requester', access });
    try {
      await client.chat.postMessage({ channel: e.channel, ...(e.thread_ts ? { thread_ts: e.thread_ts } : {}), text: message.text, blocks: message.blocks, unfurl_links: false });
    } catch (err) {
      // One line, as for a mention: a conversation closed to the bot is not a bug to log a stack for.
      logger.warn(`Leak: could not answer a direct message in ${e.channel}: ${describeSlackFailure(err)}`);
    }
  };
}
