/** 👍 / 👎 under an asked answer: one verdict per person per answer, stored for `leak ask --quality`. */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import type { Verdict } from '../../../ask/ask-store.ts';
import { askStoreOf } from '../../../../commands/asking.ts';
import { GONE } from '../../ask/change-answer.ts';
import { tellClicker } from '../../ask/in-place.ts';
import { askActionSchema } from '../../ask/payloads.ts';
import { askedHere } from '../../ask/thread-keys.ts';
import { checkPayload } from '../../payloads.ts';
import { mrkdwn, type Mrkdwn } from '../../../blocks/mrkdwn.ts';

const THANKS: Record<Verdict, Mrkdwn> = {
  up: mrkdwn`Thanks: noted as a good answer.`,
  down: mrkdwn`Thanks: noted as a wrong answer. It joins the list the vocabulary is improved from (\`leak ask --quality\`); rephrasing, or the command line it shows, gets the right one now.`,
};

export function askFeedback(ctx: Context, verdict: Verdict) {
  return async ({ ack, body, respond, client, logger }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const payload = checkPayload(askActionSchema, body, 'answer feedback', logger);
    if (!payload) return;
    const ask = askStoreOf(ctx);
    const id = Number(payload.actions[0].value);
    const row = Number.isInteger(id) ? ask.loadQuestion(id) : undefined;
    if (!row || !askedHere(row, payload)) return tellClicker({ payload, respond, client }, GONE);
    ask.recordFeedback({ questionId: id, user: payload.user.id, verdict });
    await tellClicker({ payload, respond, client }, THANKS[verdict]);
  };
}
