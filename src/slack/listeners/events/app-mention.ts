/**
 * @Leak <question> in a channel: answered in a thread. A command line runs the command; anything
 * else is a question (src/slack/ask/reply-to-text.ts), and the thread keeps its subject so the next
 * @Leak in it can ask "why is this happening?".
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { describeSlackFailure } from '../../../slack-delivery.ts';
import { replyToText, threadKeys } from '../../ask/reply-to-text.ts';
import { appMentionSchema, checkPayload } from '../../payloads.ts';
import type { Access } from '../../access.ts';

/** Drops the leading mention(s) (<@U123> or <@U123|leak>) and an optional "/leak"; later mentions are arguments (--assignee). */
export const questionOf = (text: string) => text.replace(/^\s*(?:<@[A-Z0-9]+(?:\|[^<>]*)?>\s*)+/, '').trim().replace(/^\/?leak\b\s*/i, '');

export function appMention(ctx: Context, access: Access) {
  return async ({ event, context, client, logger }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    const e = checkPayload(appMentionSchema, event, 'app_mention', logger);
    if (!e) return;
    const team = context.teamId ?? 'slack';
    const threadTs = e.thread_ts ?? e.ts;
    const place = { workspace: team, user: e.user ?? 'unknown', threadKey: threadKeys.thread(team, e.channel, threadTs), ephemeral: false };
    const requester = e.user ? { ...ctx, slack: { userId: e.user, channelId: e.channel, client } } : ctx;
    const message = await replyToText(questionOf(e.text), requester, place, { shareable: false, log: logger, audience: 'channel', access });
    try {
      await client.chat.postMessage({ channel: e.channel, thread_ts: threadTs, text: message.text, blocks: message.blocks, unfurl_links: false });
    } catch (err) {
      // One line: a channel that is gone, archived or closed to the bot is not a bug to log a stack for.
      logger.warn(`Leak: could not answer a mention in ${e.channel}: ${describeSlackFailure(err)}`);
    }
  };
}
