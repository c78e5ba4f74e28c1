/**
 * "Share in channel": re-runs the private answer's command line (pinned to the same date) and posts
 * it publicly with who shared it, then removes the private copy. If the bot is not in the channel,
 * the person is told how to invite it.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { answerLine } from '../../answer.ts';
import { errorLine } from '../../error-reply.ts';
import { buttonActionSchema, checkPayload } from '../../payloads.ts';
import { code, mrkdwn, userMention } from '../../../blocks/mrkdwn.ts';
import { privately } from '../reply.ts';
import { postingHint } from '../../../slack-delivery.ts';
import type { Access } from '../../access.ts';

export function shareInChannel(ctx: Context, access: Access) {
  return async ({ ack, body, respond, client, logger }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const payload = checkPayload(buttonActionSchema, body, 'share button', logger);
    if (!payload?.channel) return;
    const line = payload.actions[0].value;
    // The value came with the click, so it is checked like a typed line: a question only, and
    // answered for the channel (no personal details), since everyone there will read it.
    const sharer = { userId: payload.user.id, channelId: payload.channel.id, client };
    const message = await answerLine(line, { ...ctx, slack: sharer }, { shareable: false, log: logger, audience: 'channel', questionsOnly: true, access, note: mrkdwn`Shared by ${userMention(payload.user.id)} · ${code(`/leak ${line}`)}` });
    // A refusal or an error is for the person who clicked, not the channel.
    if (message.failed) return void (await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }));
    try {
      await client.chat.postMessage({ channel: payload.channel.id, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    } catch (e) {
      await privately(respond, mrkdwn`:warning: ${postingHint(e) ?? errorLine(e, logger)}`);
      return;
    }
    await respond({ delete_original: true });
  };
}
