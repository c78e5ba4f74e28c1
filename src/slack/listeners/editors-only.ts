/**
 * The gate in front of every control that changes shared state (a tracked action's buttons, pickers
 * and dismiss modal, "I'll take it" on a recommendation, an alert's Acknowledge and Snooze): a
 * person not in LEAK_EDITORS gets one private line, and the handler never runs. Typed lines that
 * change something are gated the same way in answer.ts.
 */
import type { AllMiddlewareArgs, BlockAction, Middleware, SlackActionMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { NOT_AN_EDITOR, type Access } from '../access.ts';
import { privately } from './reply.ts';
import { mrkdwn } from '../../blocks/mrkdwn.ts';
import { fitMessage } from '../../blocks/limits.ts';
import { describeSlackFailure } from '../../slack-delivery.ts';

export function editorsOnly(access: Access): Middleware<SlackActionMiddlewareArgs<BlockAction>> {
  return async ({ body, ack, respond, client, next, logger }) => {
    if (await access.mayEdit(body.user.id)) return next();
    await ack();
    if (body.response_url) return privately(respond, mrkdwn`${NOT_AN_EDITOR}`);
    const channel = body.channel?.id ?? body.container?.channel_id;
    try {
      if (channel) await client.chat.postEphemeral({ channel, user: body.user.id, ...fitMessage(mrkdwn`${NOT_AN_EDITOR}`) });
      else await client.chat.postMessage({ channel: body.user.id, ...fitMessage(mrkdwn`${NOT_AN_EDITOR}`) });
    } catch (e) {
      logger.warn(`Leak: could not tell ${body.user.id} they are not an editor: ${describeSlackFailure(e)}`);
    }
  };
}

/** The same gate for a modal's submit: the refusal is shown in the modal's first input. */
export function editorsOnlySubmit(access: Access): Middleware<SlackViewMiddlewareArgs<ViewSubmitAction>> {
  return async ({ body, view, ack, next }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    if (await access.mayEdit(body.user.id)) return next();
    const input = view.blocks.find((b) => b.type === 'input')?.block_id;
    await ack(input ? { response_action: 'errors', errors: { [input]: NOT_AN_EDITOR } } : undefined);
  };
}
