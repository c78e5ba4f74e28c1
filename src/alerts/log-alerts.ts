/**
 * Without Slack, alerts go to the log: each new open alert once, one line each (the text Slack would
 * show, with its id for `leak alerts`). The highest alert id logged is kept in meta, so a restart does
 * not repeat them; as in Slack, only alerts seen in the last day, so a first start does not replay weeks.
 */
import { readMeta, writeMeta } from '../../db/meta.ts';
import type { Context } from '../context.ts';

const LOGGED_THROUGH = 'alerts_logged_through';
const DAY_MS = 24 * 3_600_000;
/** A burst (a first start over a day of history) is summed up past this many lines. */
const MAX_LINES = 10;

export function logNewAlerts(ctx: Context, now: number, log: (line: string) => void): number {
  const { sqlite } = ctx.store;
  const pick = sqlite.transaction(() => {
    const through = Number(readMeta(sqlite, LOGGED_THROUGH) ?? 0);
    const rows = sqlite
      .prepare("SELECT id, text FROM alerts WHERE id > ? AND status = 'open' AND last_seen_at >= ? ORDER BY id")
      .all(through, now - DAY_MS) as { id: number; text: string }[];
    const last = (sqlite.prepare('SELECT max(id) FROM alerts').pluck().get() as number | null) ?? through;
    writeMeta(sqlite, LOGGED_THROUGH, String(last));
    return rows;
  });
  const rows = pick.immediate();
  for (const r of rows.slice(0, MAX_LINES)) log(`#${r.id} ${r.text}`);
  if (rows.length > MAX_LINES) log(`… and ${rows.length - MAX_LINES} more new alerts (leak alerts lists them all).`);
  return rows.length;
}
