/** The date picker and the previous/next day buttons under an asked answer: the same question for another day, in place. */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { isIsoDate } from '../../../time.ts';
import { changeAnswer } from '../../ask/change-answer.ts';
import { askActionSchema, type AskAction } from '../../ask/payloads.ts';
import { checkPayload } from '../../payloads.ts';
import type { Access } from '../../access.ts';

/** `pick`: the new date from the clicked element (the picker's selected_date, or the button's value). */
export function askDate(ctx: Context, access: Access, pick: (action: AskAction['actions'][number]) => string | undefined) {
  return async ({ ack, body, respond, client, logger }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const payload = checkPayload(askActionSchema, body, 'date control', logger);
    const date = payload && pick(payload.actions[0]);
    if (!payload || !date || !isIsoDate(date)) return;
    await changeAnswer(ctx, access, { payload, respond, client }, { date }, logger);
  };
}
