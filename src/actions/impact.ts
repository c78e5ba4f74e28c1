/**
 * The outcome so far of a tracked action (`leak impact A-3`): the same before/after the thread
 * gets (14 days before its ship date vs the complete days after, up to the day before the date).
 */
import type { Context } from '../context.ts';
import { assessActionOutcome, type Outcome } from './outcome.ts';
import { requireAction } from './repository.ts';
import { STATUS_LABEL } from './state-machine.ts';
import { formatActionId, type Action } from './types.ts';

export type ActionImpactArgs = { action: number; date: string };
export type ActionImpact = {
  kind: 'action_impact';
  id: string;
  title: string;
  target: { journey: string; segment: string | null; error_message: string | null };
  status: Action['status'];
  owner: string;
  ship_date: string | null;
  outcome: Outcome | null;
  sentence: string;
};

export const isActionImpact = (r: unknown): r is ActionImpact => typeof r === 'object' && r !== null && (r as { kind?: unknown }).kind === 'action_impact';

export function queryActionImpact(ctx: Context, a: ActionImpactArgs): ActionImpact {
  const action = requireAction(ctx.store, a.action);
  const id = formatActionId(action.id);
  const { outcome, reason } = assessActionOutcome(ctx, action, a.date);
  const sentence = outcome
    ? `${id} (${action.title}), shipped ${action.shipDate}, ${outcome.afterDays} day${outcome.afterDays === 1 ? '' : 's'} after: ${outcome.sentence}`
    : reason === 'not_shipped'
      ? `${id} has not shipped (${STATUS_LABEL[action.status].toLowerCase()}): there is no before/after yet. Mark it shipped with its ship date to start measuring.`
      : reason === 'no_day_before'
        ? `${id} shipped ${action.shipDate}, before the store's first day of calls: there is no before to compare with.`
        : `${id} shipped ${action.shipDate}: no complete day after it yet, so no outcome so far.`;
  return {
    kind: 'action_impact',
    id,
    title: action.title,
    target: { journey: action.journey, segment: action.segment, error_message: action.errorMessage },
    status: action.status,
    owner: action.assignee ?? action.ownerTeam,
    ship_date: action.shipDate,
    outcome,
    sentence,
  };
}
