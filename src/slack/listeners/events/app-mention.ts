/**
 * @Leak <question> in a channel: answered in a thread. Text that parses as a command runs it;
 * anything else gets help with the closest command (plain-English questions come later).
 */
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { answerLine } from '../../answer.ts';
import { errorLine } from '../../error-reply.ts';
import { appMentionSchema, checkPayload } from '../../payloads.ts';
import type { Access } from '../../access.ts';

/** Drops the leading mention(s) (<@U123> or <@U123|leak>) and an optional "/leak"; later mentions are arguments (--assignee). */
export const questionOf = (text: string) => text.replace(/^\s*(?:<@[A-Z0-9]+(?:\|[^<>]*)?>\s*)+/, '').trim().replace(/^\/?leak\b\s*/i, '');

export function appMention(ctx: Context, access: Access) {
  return async ({ event, client, logger }: SlackEventMiddlewareArgs<'app_mention'> & AllMiddlewareArgs) => {
    const e = checkPayload(appMentionSchema, event, 'app_mention', logger);
    if (!e) return;
    const message = await answerLine(questionOf(e.text), e.user ? { ...ctx, slack: { userId: e.user, channelId: e.channel, client } } : ctx, { shareable: false, log: logger, audience: 'channel', access });
    try {
      await client.chat.postMessage({ channel: e.channel, thread_ts: e.thread_ts ?? e.ts, text: message.text, blocks: message.blocks, unfurl_links: false });
    } catch (err) {
      logger.warn(`Leak: could not answer a mention in ${e.channel}: ${errorLine(err, logger)}`);
    }
  };
}
