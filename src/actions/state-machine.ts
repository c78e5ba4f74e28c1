/**
 * The lifecycle, as pure rules: which event is valid in which state, what it changes, and the
 * one-line explanation a person gets when it is not. The store enforces the same rule again in
 * SQL (status and version in the WHERE), so a decision made here on a stale read cannot win.
 */
import { formatActionId, type Action, type ActionEvent, type ActionStatus } from './types.ts';
import { mrkdwn, userMention, type Mrkdwn } from '../blocks/mrkdwn.ts';

export type Patch = { assignee?: string; shipDate?: string; dismissReason?: string };
export type Decision = { ok: true; to: ActionStatus; patch: Patch; detail: string | null } | { ok: false; reason: Mrkdwn };

const FROM: Record<ActionEvent['kind'], readonly ActionStatus[]> = {
  take: ['proposed'],
  assign: ['proposed', 'acknowledged', 'in_progress'],
  start: ['acknowledged'],
  ship: ['acknowledged', 'in_progress'],
  dismiss: ['proposed', 'acknowledged', 'in_progress'],
  measure: ['shipped'],
};

export const STATUS_LABEL: Record<ActionStatus, string> = {
  proposed: 'Proposed',
  acknowledged: 'Acknowledged',
  in_progress: 'In progress',
  shipped: 'Shipped',
  measured: 'Measured',
  dismissed: 'Dismissed',
};

/** Refusals are shown in Slack, with people as mentions; the CLI prints them through plainTextOf. */
const who = (user: string | null): Mrkdwn => (user ? userMention(user) : mrkdwn`nobody yet`);

/**
 * Decides an event against the action as last read. `seenVersion` is the version the person was
 * looking at (carried in the button value); a different one means their message was out of date.
 */
export function decideTransition(action: Action, event: ActionEvent, seenVersion?: number): Decision {
  const id = formatActionId(action.id);
  if (!FROM[event.kind].includes(action.status)) return { ok: false, reason: refusal(action, event) };
  if (seenVersion !== undefined && seenVersion !== action.version) {
    return {
      ok: false,
      reason: mrkdwn`That message about ${id} was out of date, so nothing changed: it is now ${STATUS_LABEL[action.status].toLowerCase()}, owned by ${who(action.assignee)}. The message has been refreshed; try again if you still want to.`,
    };
  }
  switch (event.kind) {
    case 'take':
      return { ok: true, to: 'acknowledged', patch: {}, detail: null };
    case 'assign':
      if (event.assignee === action.assignee) return { ok: false, reason: mrkdwn`${id} is already assigned to ${who(action.assignee)}.` };
      return {
        ok: true,
        to: action.status === 'proposed' ? 'acknowledged' : action.status,
        patch: { assignee: event.assignee },
        detail: action.assignee ? `reassigned from ${action.assignee} to ${event.assignee}` : `assigned to ${event.assignee}`,
      };
    case 'start':
      return { ok: true, to: 'in_progress', patch: {}, detail: null };
    case 'ship':
      return { ok: true, to: 'shipped', patch: { shipDate: event.shipDate }, detail: `ship date ${event.shipDate}` };
    case 'dismiss': {
      const reason = event.reason.trim();
      if (!reason) return { ok: false, reason: mrkdwn`Dismissing ${id} needs a reason, so the channel knows why.` };
      return { ok: true, to: 'dismissed', patch: { dismissReason: reason.slice(0, 500) }, detail: reason.slice(0, 500) };
    }
    case 'measure':
      return { ok: true, to: 'measured', patch: {}, detail: null };
  }
}

function refusal(action: Action, event: ActionEvent): Mrkdwn {
  const id = formatActionId(action.id);
  const state = STATUS_LABEL[action.status].toLowerCase();
  if (action.status === 'dismissed') return mrkdwn`${id} was dismissed${action.dismissReason ? mrkdwn` ("${action.dismissReason}")` : ''}, so it can't change any more.`;
  if (action.status === 'measured') return mrkdwn`${id} is already measured and closed, so it can't change any more.`;
  switch (event.kind) {
    case 'take':
      return mrkdwn`${id} is already taken by ${who(action.assignee)} (${state}), so nothing changed.`;
    case 'start':
      return action.status === 'proposed'
        ? mrkdwn`${id} has to be acknowledged before work starts: click "I'll take it" or assign someone first.`
        : mrkdwn`${id} is already ${state}, so it can't be started again.`;
    case 'ship':
      return action.status === 'proposed'
        ? mrkdwn`${id} can't ship before someone acknowledges it: click "I'll take it" or assign someone first.`
        : mrkdwn`${id} is already ${state}${action.shipDate ? mrkdwn` (shipped ${action.shipDate})` : ''}.`;
    case 'measure':
      return mrkdwn`${id} is ${state}; only a shipped action can be measured.`;
    case 'dismiss':
      return mrkdwn`${id} has shipped (${action.shipDate ?? ''}); its outcome is being measured, so it can't be dismissed.`;
    case 'assign':
      return mrkdwn`${id} has shipped (${action.shipDate ?? ''}), so its owner stays ${who(action.assignee)}.`;
    default:
      return mrkdwn`${id} is ${state}, so that can't be done now.`;
  }
}
