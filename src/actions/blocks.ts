/**
 * Block Kit for a tracked action: the parent message (updated in place on every transition),
 * the thread replies, and the dismiss modal. Pure: action in, blocks out. Every interactive
 * element carries the action's id and version, so a click on an older copy is recognised.
 */
import type { types } from '@slack/bolt';
import { formatMoney, formatPct } from '../format.ts';
import { STATUS_LABEL } from './state-machine.ts';
import { formatActionId, type Action } from './types.ts';
import { contextBlock, fieldsBlock, mrkdwn, mrkdwnOf, plainText, sectionBlock, userMention, type Mrkdwn } from '../blocks/mrkdwn.ts';
import { fitMessage, fitView, type SlackMessage } from '../blocks/limits.ts';

type KnownBlock = types.KnownBlock;
type View = types.View;

export const ACTION_IDS = {
  take: 'tracked_take',
  assign: 'tracked_assign',
  start: 'tracked_start',
  ship: 'tracked_ship',
  shipOn: 'tracked_ship_on',
  dismiss: 'tracked_dismiss',
} as const;
export const DISMISS_VIEW = 'tracked_dismiss_modal';

const STATUS_EMOJI: Record<Action['status'], string> = {
  proposed: ':large_yellow_circle:',
  acknowledged: ':large_blue_circle:',
  in_progress: ':hammer_and_wrench:',
  shipped: ':rocket:',
  measured: ':white_check_mark:',
  dismissed: ':no_entry_sign:',
};

const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
export const mention = (user: string | null): Mrkdwn => (!user ? mrkdwn`_unassigned_` : userMention(user));

/** "12:3": action id and the version the message shows. */
const encodeRef = (a: Pick<Action, 'id' | 'version'>) => `${a.id}:${a.version}`;
export function decodeRef(value: string | undefined): { id: number; version: number } | undefined {
  const m = /^(\d+):(\d+)$/.exec(value ?? '');
  return m ? { id: Number(m[1]), version: Number(m[2]) } : undefined;
}

export function targetText(a: Pick<Action, 'journey' | 'segment' | 'errorMessage'>): string {
  return [a.journey, a.segment, a.errorMessage ? `"${a.errorMessage}"` : null].filter(Boolean).join(' · ');
}

/** The one-line fallback text Slack shows in notifications. */
export function actionFallbackText(a: Action): Mrkdwn {
  return mrkdwn`${formatActionId(a.id)} ${a.title} — ${STATUS_LABEL[a.status]}${a.assignee ? mrkdwn`, owner ${userMention(a.assignee)}` : ''}`;
}

/** The parent message, fitted: what chat.postMessage and chat.update send. */
export const actionMessage = (a: Action): SlackMessage => fitMessage(actionFallbackText(a), buildActionMessageBlocks(a));

export function buildActionMessageBlocks(a: Action): KnownBlock[] {
  const id = formatActionId(a.id);
  const expected = [
    a.expectedReductionPct !== null ? `${formatPct(-Math.abs(a.expectedReductionPct), true)} calls` : null,
    a.estimatedSavingsPerYear !== null ? `${formatMoney(a.estimatedSavingsPerYear)}/yr` : null,
  ].filter(Boolean).join(', ');
  const fields = [
    mrkdwn`*Target*\n${targetText(a)}`,
    mrkdwn`*Owner team*\n${a.ownerTeam}`,
    mrkdwn`*Assignee*\n${mention(a.assignee)}`,
    mrkdwn`*Status*\n${STATUS_EMOJI[a.status]} ${STATUS_LABEL[a.status]}${a.shipDate ? ` (shipped ${a.shipDate})` : ''}`,
    ...(a.effort ? [mrkdwn`*Effort*\n${a.effort}`] : []),
    ...(expected ? [mrkdwn`*Expected*\n${expected}`] : []),
  ];
  const blocks: KnownBlock[] = [
    { type: 'header', text: plainText(clip(`${id} · ${a.title}`, 150), false) },
    fieldsBlock(fields),
  ];
  const outcome = outcomeSentence(a);
  if (a.status === 'dismissed') blocks.push(sectionBlock(mrkdwn`Dismissed: ${a.dismissReason ?? ''}`));
  if (outcome) blocks.push(sectionBlock(mrkdwn`*${a.status === 'measured' ? 'Final outcome' : 'Outcome so far'}*\n${outcome}`));
  const controls = controlsFor(a);
  if (controls.length) blocks.push({ type: 'actions', block_id: `tracked:${encodeRef(a)}`, elements: controls } as KnownBlock);
  blocks.push(contextBlock(mrkdwn`${id} · version ${a.version} · updates and outcome in the thread`));
  return blocks;
}

function controlsFor(a: Action) {
  const value = encodeRef(a);
  const button = (text: string, action_id: string, style?: 'primary' | 'danger') => ({
    type: 'button' as const, text: { type: 'plain_text' as const, text }, action_id, value, ...(style ? { style } : {}),
  });
  const assign = {
    type: 'users_select' as const,
    action_id: ACTION_IDS.assign,
    placeholder: { type: 'plain_text' as const, text: a.assignee ? 'Reassign…' : 'Assign to…' },
  };
  const shipOn = { type: 'datepicker' as const, action_id: ACTION_IDS.shipOn, placeholder: { type: 'plain_text' as const, text: 'Shipped on…' } };
  const dismiss = button('Dismiss', ACTION_IDS.dismiss, 'danger');
  switch (a.status) {
    case 'proposed':
      return [button("I'll take it", ACTION_IDS.take, 'primary'), assign, dismiss];
    case 'acknowledged':
      return [button('Start work', ACTION_IDS.start, 'primary'), button('Shipped today', ACTION_IDS.ship), shipOn, assign, dismiss];
    case 'in_progress':
      return [button('Shipped today', ACTION_IDS.ship, 'primary'), shipOn, assign, dismiss];
    default:
      return [];
  }
}

function outcomeSentence(a: Action): string | null {
  if (!a.lastOutcome) return null;
  try {
    return (JSON.parse(a.lastOutcome) as { sentence?: string }).sentence ?? null;
  } catch {
    return null;
  }
}

export function dismissModal(a: Action, meta: { channel: string | null; ts: string | null }): View {
  return fitView<View>({
    type: 'modal',
    callback_id: DISMISS_VIEW,
    private_metadata: JSON.stringify({ ref: encodeRef(a), ...meta }),
    title: { type: 'plain_text', text: `Dismiss ${formatActionId(a.id)}` },
    submit: { type: 'plain_text', text: 'Dismiss' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      sectionBlock(mrkdwn`*${clip(a.title, 200)}*\n${targetText(a)}`),
      {
        type: 'input',
        block_id: 'reason',
        label: { type: 'plain_text', text: 'Why is this not worth doing?' },
        element: { type: 'plain_text_input', action_id: 'reason', multiline: true, max_length: 500, min_length: 3 },
      },
    ],
  });
}
