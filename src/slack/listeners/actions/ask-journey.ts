/** The journey menu under an asked answer: the same question for another journey (or all), in place. */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { ALL_JOURNEYS } from '../../ask/action-ids.ts';
import { changeAnswer } from '../../ask/change-answer.ts';
import { askActionSchema } from '../../ask/payloads.ts';
import { checkPayload } from '../../payloads.ts';
import type { Access } from '../../access.ts';

export function askJourney(ctx: Context, access: Access) {
  return async ({ ack, body, respond, client, logger }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const payload = checkPayload(askActionSchema, body, 'journey menu', logger);
    const value = payload?.actions[0].selected_option?.value;
    if (!payload || !value) return;
    await changeAnswer(ctx, access, { payload, respond, client }, { journey: value === ALL_JOURNEYS ? undefined : value }, logger);
  };
}
