/**
 * Open tracked actions with owner and age: what `leak action list` prints and what the
 * recommendations command (`leak actions`) shows under "Open actions".
 */
import type { Context } from '../context.ts';
import { renderTable } from '../format.ts';
import { listActions } from './repository.ts';
import { STATUS_LABEL } from './state-machine.ts';
import { formatActionId, type Action } from './types.ts';

export type OpenActionRow = {
  id: string;
  status: Action['status'];
  journey: string;
  target: string;
  title: string;
  owner_team: string;
  assignee: string | null;
  age_days: number;
  ship_date: string | null;
  thread: { channel: string; ts: string } | null;
};

const DAY_MS = 86_400_000;

export function queryOpenActions(ctx: Context, opts: { all?: boolean } = {}): OpenActionRow[] {
  const now = ctx.now();
  return listActions(ctx.store, { open: !opts.all }).map((a) => ({
    id: formatActionId(a.id),
    status: a.status,
    journey: a.journey,
    target: [a.segment, a.errorMessage ? `"${a.errorMessage}"` : null].filter(Boolean).join(' · ') || 'whole journey',
    title: a.title,
    owner_team: a.ownerTeam,
    assignee: a.assignee,
    age_days: Math.max(0, Math.floor((now - a.createdAt) / DAY_MS)),
    ship_date: a.shipDate,
    thread: a.channel && a.threadTs ? { channel: a.channel, ts: a.threadTs } : null,
  }));
}

export function renderOpenActionsText(rows: OpenActionRow[], heading = 'Open actions'): string {
  if (!rows.length) return `${heading}: none. Create one with 'leak action new JOURNEY "title" --team TEAM' or the "I'll take it" button on a recommendation.`;
  return [
    `${heading} (${rows.length}):`,
    renderTable(
      ['id', 'status', 'journey', 'title', 'owner', 'age'],
      rows.map((r) => [r.id, STATUS_LABEL[r.status], r.journey, r.title.length > 40 ? `${r.title.slice(0, 39)}…` : r.title, r.assignee ?? `${r.owner_team} (unassigned)`, `${r.age_days}d`]),
    ),
  ].join('\n');
}
