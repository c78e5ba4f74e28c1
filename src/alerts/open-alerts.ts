/** Open alerts for the Home tab and `leak alerts`: newest first, in the shape a view renders. */
import type { Context } from '../context.ts';
import { listAlerts } from './repository.ts';

export type OpenAlertRow = { id: number; rule: string; subject: string; text: string; created_at: number; status: string };

export function queryOpenAlerts(ctx: Context, limit = 20): OpenAlertRow[] {
  return listAlerts(ctx.store, { status: 'open', limit }, ctx.now()).map((a) => ({
    id: a.id, rule: a.rule, subject: a.subject, text: a.text, created_at: a.createdAt, status: a.status,
  }));
}
