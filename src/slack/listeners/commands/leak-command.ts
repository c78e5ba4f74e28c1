/**
 * /leak <sub> …: ack at once (Slack allows 3 s), then answer through the response URL, privately,
 * with a "Share in channel" button.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { answerLine } from '../../answer.ts';
import { checkPayload, slashCommandSchema } from '../../payloads.ts';
import type { Access } from '../../access.ts';

export function leakCommand(ctx: Context, access: Access) {
  return async ({ command, ack, respond, logger, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const cmd = checkPayload(slashCommandSchema, command, 'slash command', logger);
    if (!cmd) return;
    const message = await answerLine(cmd.text, { ...ctx, slack: { userId: cmd.user_id, channelId: cmd.channel_id, client } }, { shareable: true, log: logger, audience: 'requester', access });
    await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
  };
}
