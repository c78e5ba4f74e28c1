/**
 * A button under a clarifying question: answers the chosen option (or asks the next question, e.g.
 * "Since when?") in place of the question, and, when the choice was about what the words meant,
 * remembers the phrase for the workspace so the same words are answered directly next time. With
 * LEAK_EDITORS set, only an editor's choice is remembered: a phrase changes everyone's answers.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { answerResolution, askInput, askStoreOf } from '../../../../commands/asking.ts';
import type { Context } from '../../../context.ts';
import { learnFromChoice } from '../../../ask/learn.ts';
import type { ClarifyResolution } from '../../../ask/types.ts';
import { parseChoice } from '../../ask/action-ids.ts';
import { renderAsked, renderClarify } from '../../ask/blocks.ts';
import { GONE } from '../../ask/change-answer.ts';
import { clickContext, replaceMessage, tellClicker } from '../../ask/in-place.ts';
import type { Access } from '../../access.ts';
import { askActionSchema } from '../../ask/payloads.ts';
import { askedHere } from '../../ask/thread-keys.ts';
import { errorLine } from '../../error-reply.ts';
import { mrkdwn } from '../../../blocks/mrkdwn.ts';
import { checkPayload } from '../../payloads.ts';

export function askChoice(ctx: Context, access: Access) {
  return async ({ ack, body, respond, client, logger }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const payload = checkPayload(askActionSchema, body, 'clarifying choice', logger);
    if (!payload) return;
    const reply = { payload, respond, client };
    const ask = askStoreOf(ctx);
    const choice = parseChoice(payload.actions[0].value ?? '');
    const row = choice && ask.loadQuestion(choice.id);
    if (!choice || !row || row.resolution.kind !== 'clarify' || !askedHere(row, payload)) return tellClicker(reply, GONE);

    // Walk the path: every question answered on the way, then what the last choice resolves to.
    const path: ClarifyResolution[] = [];
    let at: ClarifyResolution | undefined = row.resolution;
    let chosen;
    for (const i of choice.path) {
      if (!at?.options[i]) return tellClicker(reply, GONE);
      path.push(at);
      chosen = at.options[i].resolution;
      at = chosen.kind === 'clarify' ? chosen : undefined;
    }
    if (!chosen) return tellClicker(reply, GONE);
    if (chosen.kind === 'clarify') return replaceMessage(reply, renderClarify(row.id, chosen, choice.path));

    const place = { workspace: row.workspace, user: payload.user.id, threadKey: row.threadKey ?? undefined };
    try {
      const asker = await clickContext(ctx, reply, access);
      const asked = await answerResolution(row.question, chosen, asker, place);
      const learned = learnFromChoice(row.question, path, chosen, askInput(ctx, place));
      // A phrase answers everyone's later questions in the workspace: teaching one is an editor's change.
      const teaches = learned !== undefined && (await access.mayEdit(payload.user.id));
      if (learned && teaches) ask.learnPhrase({ workspace: row.workspace, user: payload.user.id, learned });
      const taught = learned ? { learned: row.question, remembered: teaches } : {};
      await replaceMessage(reply, renderAsked(asked, asker, { ephemeral: payload.container?.is_ephemeral ?? false, ...taught }));
    } catch (e) {
      await tellClicker(reply, mrkdwn`:warning: ${errorLine(e, logger)}`);
    }
  };
}
