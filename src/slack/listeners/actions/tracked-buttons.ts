/**
 * The controls on a tracked action's own message: "I'll take it", "Start work", "Shipped today",
 * the user picker (assign) and the date picker (shipped on). Each carries the action's id and the
 * version the message showed, so a click on an older copy is refused and the copy refreshed.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { describeDateProblem, zoneClock } from '../../../time.ts';
import { decodeRef } from '../../../actions/blocks.ts';
import type { ActionEvent } from '../../../actions/types.ts';
import { privately } from '../reply.ts';
import { applyClick } from './tracked-transition.ts';
import { mrkdwn } from '../../../blocks/mrkdwn.ts';

type Args = SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs;
type Element = { action_id: string; value?: string; block_id: string; selected_user?: string; selected_date?: string };

/** A button whose click is one event: take, start, ship today. */
export function trackedButton(ctx: Context, toEvent: () => ActionEvent) {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    await applyClick(ctx, client, respond, body, decodeRef((action as ButtonAction).value), toEvent());
  };
}

export const shipToday = (ctx: Context): ActionEvent => ({ kind: 'ship', shipDate: zoneClock(ctx.config.timeZone).today(ctx.now()) });

/** Pickers carry no value: the action's ref is in their block_id (tracked:<id>:<version>). */
const refOf = (el: Element) => decodeRef(el.block_id.replace(/^tracked:/, ''));

export function assignAction(ctx: Context) {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const el = action as unknown as Element;
    if (!el.selected_user) return;
    await applyClick(ctx, client, respond, body, refOf(el), { kind: 'assign', assignee: el.selected_user });
  };
}

export function shipOnDate(ctx: Context) {
  return async ({ ack, body, action, client, respond }: Args) => {
    await ack();
    const el = action as unknown as Element;
    const date = el.selected_date;
    const today = zoneClock(ctx.config.timeZone).today(ctx.now());
    if (!date) return;
    // The picker sends YYYY-MM-DD; the click's payload may carry anything: checked as --ship-date is.
    const problem = describeDateProblem(date);
    if (problem) return privately(respond, mrkdwn`Shipped on ${JSON.stringify(date)} ${problem}${problem.startsWith('is not') ? ', e.g. 2026-11-20' : ''}.`);
    if (date > today) return privately(respond, mrkdwn`${date} is in the future: mark the action shipped once it has shipped (today is ${today}).`);
    await applyClick(ctx, client, respond, body, refOf(el), { kind: 'ship', shipDate: date });
  };
}
