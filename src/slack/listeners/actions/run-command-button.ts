/** "Who is affected?", "Why?", "Journey M-…": run the command in the button's value, answer privately. */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { answerLine } from '../../answer.ts';
import { buttonActionSchema, checkPayload } from '../../payloads.ts';
import type { Access } from '../../access.ts';
import { describeSlackFailure } from '../../../slack-delivery.ts';

export function runCommandButton(ctx: Context, access: Access) {
  return async ({ ack, body, respond, client, logger }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const payload = checkPayload(buttonActionSchema, body, 'button', logger);
    if (!payload) return;
    // As for /leak: the clicker is the requester, so a command that acts does so as them.
    const requester = { userId: payload.user.id, channelId: payload.channel?.id ?? payload.user.id, client };
    const message = await answerLine(payload.actions[0].value, { ...ctx, slack: requester }, { shareable: true, log: logger, audience: 'requester', access });
    if (body.response_url) {
      await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks });
    } else {
      // Buttons on the Home tab carry no response URL: answer in the app's DM with the person.
      try {
        await client.chat.postMessage({ channel: payload.user.id, text: message.text, blocks: message.blocks, unfurl_links: false });
      } catch (e) {
        logger.warn(`Leak: could not answer a button in the DM with ${payload.user.id}: ${describeSlackFailure(e)}`);
      }
    }
  };
}
