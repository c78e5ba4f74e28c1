/**
 * The journey menu and date controls: the stored answer again with one slot changed, run through
 * the registry like any asked answer, replacing the message it was on. The new answer is stored
 * (its 👍/👎 are its own) and becomes the thread's subject.
 */
import type { Logger } from '@slack/bolt';
import { answerResolution, askStoreOf, vocabularyOf } from '../../../commands/asking.ts';
import { withSlots } from '../../ask/argv.ts';
import type { Slots } from '../../ask/types.ts';
import type { Context } from '../../context.ts';
import { errorLine } from '../error-reply.ts';
import { mrkdwn } from '../../blocks/mrkdwn.ts';
import { questionIdOfBlock } from './action-ids.ts';
import { renderAsked } from './blocks.ts';
import { clickContext, replaceMessage, tellClicker, type Reply } from './in-place.ts';
import type { Access } from '../access.ts';
import { askedHere } from './thread-keys.ts';

export const GONE = mrkdwn`I no longer have that question; please ask it again.`;
const NOT_OFFERED = mrkdwn`That journey is not one the menu offers; pick one from it, or ask again.`;

export async function changeAnswer(ctx: Context, access: Access, reply: Reply, change: Pick<Slots, 'journey' | 'date'>, logger: Logger): Promise<void> {
  const id = questionIdOfBlock(reply.payload.actions[0].block_id);
  const row = id === undefined ? undefined : askStoreOf(ctx).loadQuestion(id);
  if (!row || row.resolution.kind !== 'answer' || !askedHere(row, reply.payload)) return tellClicker(reply, GONE);
  // The menu offers the store's journeys and the answer's own: a crafted value would run as an argument.
  const offered = change.journey === undefined || change.journey === row.resolution.slots.journey || vocabularyOf(ctx.store).journeys.includes(change.journey);
  if (!offered) return tellClicker(reply, NOT_OFFERED);
  try {
    const place = { workspace: row.workspace, user: reply.payload.user.id, threadKey: row.threadKey ?? undefined };
    const asker = await clickContext(ctx, reply, access);
    const asked = await answerResolution(row.question, withSlots(row.resolution, change), asker, place);
    await replaceMessage(reply, renderAsked(asked, asker, { ephemeral: reply.payload.container?.is_ephemeral ?? false }));
  } catch (e) {
    await tellClicker(reply, mrkdwn`:warning: ${errorLine(e, logger)}`);
  }
}
