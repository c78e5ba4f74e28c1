/**
 * `leak impact A-3`: the outcome so far of a tracked action — the same before/after the thread
 * gets (14 days before its ship date vs the complete days after, up to the day before --date).
 */
import type { Context } from '../context.ts';
import { formatMoney, renderTable, round1 } from '../format.ts';
import { measureActionOutcome, type Outcome } from './outcome.ts';
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

/** An action id as `impact`'s first argument: A-3 or a3 (the prefix keeps it apart from journey names). */
export function actionIdArgument(text: string | undefined): number | undefined {
  const m = /^a-?(\d{1,9})$/i.exec(text?.trim() ?? '');
  return m ? Number(m[1]) : undefined;
}

export const isActionImpact = (r: unknown): r is ActionImpact => typeof r === 'object' && r !== null && (r as { kind?: unknown }).kind === 'action_impact';

export function queryActionImpact(ctx: Context, a: ActionImpactArgs): ActionImpact {
  const action = requireAction(ctx.store, a.action);
  const id = formatActionId(action.id);
  const outcome = action.shipDate ? measureActionOutcome(ctx, action, a.date) : null;
  const sentence = !action.shipDate
    ? `${id} has not shipped (${STATUS_LABEL[action.status].toLowerCase()}): there is no before/after yet. Mark it shipped with its ship date to start measuring.`
    : !outcome
      ? `${id} shipped ${action.shipDate}: no complete day after it yet, so no outcome so far.`
      : `${id} (${action.title}), shipped ${action.shipDate}, ${outcome.afterDays} day${outcome.afterDays === 1 ? '' : 's'} after: ${outcome.sentence}`;
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

export function renderActionImpactText(r: ActionImpact): string {
  const o = r.outcome;
  if (!o) return r.sentence;
  const rate = (p: number | null) => (p === null ? 'n/a' : `${round1(p)}%`);
  return [
    r.sentence,
    '',
    renderTable(
      ['', `before (${o.before.from}..${o.before.to})`, `after (${o.after.from}..${o.after.to})`],
      [
        ['calls a day', String(o.before.calls_per_day), String(o.after.calls_per_day)],
        ['cost a day', formatMoney(o.before.cost_per_day), formatMoney(o.after.cost_per_day)],
        ['repeat rate', rate(o.before.repeat_rate_pct), rate(o.after.repeat_rate_pct)],
      ],
    ),
    '',
    o.test
      ? `Welch's t-test on daily calls: t = ${Number.isFinite(o.test.t) ? o.test.t : '∞'}, df = ${o.test.df}, 95% threshold ${o.test.critical}. The ship day itself is left out.`
      : 'Fewer than 2 days after shipping: no test of day-to-day variation yet.',
  ].join('\n');
}
