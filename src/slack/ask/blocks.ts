/**
 * An asked question's reply in Block Kit. An answer is the command's own blocks under "Understood as
 * `/leak …`", with a journey menu and date controls that re-run the same intent with a new slot, and
 * 👍 / 👎. A clarifying question has one button per choice; a refusal lists three example questions.
 */
import type { Button, KnownBlock } from '@slack/types';
import type { Asked, AskedAnswer } from '../../../commands/asking.ts';
import { suggestionsLead } from '../../ask/suggest.ts';
import type { ClarifyResolution } from '../../ask/types.ts';
import type { Context } from '../../context.ts';
import { shareBlock } from '../../blocks/elements.ts';
import { fitAnswer, fitMessage, LIMITS, truncate, type SlackMessage } from '../../blocks/limits.ts';
import { code, contextBlock, joinMrkdwn, mrkdwn, sectionBlock } from '../../blocks/mrkdwn.ts';
import { renderAnswer } from '../render-answer.ts';
import { quoteLine } from '../tokenize.ts';
import { ASK_ACTION, choiceValue } from './action-ids.ts';
import { answerControls } from './controls.ts';

export type AskedWhere = {
  /** A private (ephemeral) reply gets "Share in channel", as every /leak answer does. */
  ephemeral: boolean;
  /** Set when a clarifying choice was about what these words meant. */
  learned?: string;
  /** Whether the workspace now remembers them (false: the clicker is not in LEAK_EDITORS). */
  remembered?: boolean;
};

const NOT_REMEMBERED = 'Not remembered for the workspace: only the people in LEAK_EDITORS teach Leak what words mean.';

export function renderAsked(asked: Asked, ctx: Context, where: AskedWhere): SlackMessage {
  if (asked.kind === 'answer') return renderAskedAnswer(asked, ctx, where);
  if (asked.kind === 'clarify') return renderClarify(asked.id, asked.resolution, []);
  const lead = suggestionsLead(asked.resolution);
  const { suggestions } = asked.resolution;
  return fitMessage(mrkdwn`${lead} ${suggestions.join(' · ')}`, [sectionBlock(mrkdwn`${lead}\n${joinMrkdwn(suggestions.map((s) => mrkdwn`• ${s}`), '\n')}`)]);
}

function renderAskedAnswer(asked: AskedAnswer, ctx: Context, where: AskedWhere): SlackMessage {
  const answer = renderAnswer(asked.cmd, asked.result, ctx.config);
  // Written as Slack's tokenize reads a line (asked.command is quoted for a shell), so Share re-runs exactly this.
  const line = quoteLine(asked.resolution.argv);
  const lines = [
    mrkdwn`Understood as ${code(`/leak ${line}`)}`,
    ...(asked.resolution.notes ?? []).map((n) => mrkdwn`${n}`),
    ...(where.learned === undefined ? [] : where.remembered === false ? [mrkdwn`${NOT_REMEMBERED}`] : [mrkdwn`Learned: next time “${where.learned}” means this.`]),
  ].slice(0, LIMITS.contextElements);
  const understood: KnownBlock = { ...contextBlock(...lines), block_id: 'leak_ask_understood' };
  const feedback: KnownBlock = {
    type: 'actions',
    block_id: `leak_ask_feedback:${asked.id}`,
    elements: [
      { type: 'button', text: { type: 'plain_text', text: '👍', emoji: true }, action_id: ASK_ACTION.up, value: String(asked.id) },
      { type: 'button', text: { type: 'plain_text', text: '👎', emoji: true }, action_id: ASK_ACTION.down, value: String(asked.id) },
    ],
  };
  return fitAnswer({
    ...answer,
    head: [understood, ...answer.head],
    tail: [...answer.tail, ...answerControls(asked, ctx), feedback, ...(where.ephemeral ? [shareBlock(line)] : [])],
  });
}

/** The question and one button per choice; `path` is where this question sits under the stored one (nested: "since when?"). */
export function renderClarify(id: number, c: ClarifyResolution, path: number[]): SlackMessage {
  const buttons: Button[] = c.options.slice(0, LIMITS.actionsElements).map((o, i) => ({
    type: 'button',
    text: { type: 'plain_text', text: truncate(o.label, LIMITS.buttonText), emoji: true },
    action_id: `${ASK_ACTION.choice}:${i}`,
    value: choiceValue(id, [...path, i]),
  }));
  const blocks: KnownBlock[] = [sectionBlock(mrkdwn`${c.prompt}`)];
  if (buttons.length) blocks.push({ type: 'actions', block_id: `leak_ask_choices:${id}`, elements: buttons });
  return fitMessage(mrkdwn`${c.prompt}`, blocks);
}
