/**
 * Open tracked actions with owner and age: what `leak action list` prints, what the
 * recommendations command (`leak actions`) shows under "Open actions", and the Home tab's list.
 */
import type { Context } from '../context.ts';
import { listActions } from './repository.ts';
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
