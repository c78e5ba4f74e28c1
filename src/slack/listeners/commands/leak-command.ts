/**
 * /leak <sub> … or /leak <question>: ack at once (Slack allows 3 s), then answer through the response
 * URL, privately, with a "Share in channel" button. A person's questions in a channel form one
 * conversation, so a follow-up there keeps its subject.
 */
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { replyToText, threadKeys } from '../../ask/reply-to-text.ts';
import { checkPayload, slashCommandSchema } from '../../payloads.ts';
import type { Access } from '../../access.ts';

export function leakCommand(ctx: Context, access: Access) {
  return async ({ command, ack, respond, logger, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const cmd = checkPayload(slashCommandSchema, command, 'slash command', logger);
    if (!cmd) return;
    const team = context.teamId ?? 'slack';
    const place = { workspace: team, user: cmd.user_id, threadKey: threadKeys.slash(team, cmd.channel_id, cmd.user_id), ephemeral: true };
    const requester = { ...ctx, slack: { userId: cmd.user_id, channelId: cmd.channel_id, client } };
    const message = await replyToText(cmd.text, requester, place, { shareable: true, log: logger, audience: 'requester', access });
    await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
  };
}
