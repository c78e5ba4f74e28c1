/**
 * Silver rows written straight into a real store, for alert tests that need exact counts at
 * exact times (hundreds of leaked calls a day would take seconds through CSV and the pipeline).
 */
import type { Store } from '../../../db/open-db.ts';
import { rebuildGold } from '../../../src/pipeline/gold.ts';
import { zoneClock } from '../../../src/time.ts';

const clock = zoneClock('America/New_York');
let seq = 0;

export type CallSpec = { id?: string; member?: string; start: number | string; seconds?: number; disposition?: string; agent?: string | null; interaction?: string };

export function insertCall(store: Store, c: CallSpec): string {
  const id = c.id ?? `C-${++seq}`;
  const start = typeof c.start === 'string' ? Date.parse(c.start) : c.start;
  store.sqlite
    .prepare(
      `INSERT INTO call_logs_cleaned (call_id, member_id, started_at, ended_at, local_date, local_minute, interaction, ivr_route, agent_id, disposition)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'route', ?, ?)`,
    )
    .run(id, c.member ?? 'M-100001', start, start + (c.seconds ?? 300) * 1000, clock.localDate(start), clock.localMinute(start), c.interaction ?? 'voice', c.agent === undefined ? 'A1' : c.agent, c.disposition ?? 'resolved');
  return id;
}

export type LeakSpec = { date: string; minute?: number; journey?: string; segment?: string; error?: string | null; device?: string };

/** `n` leaked calls on a local date (and their calls, so the store's span covers the date). */
export function insertLeaks(store: Store, n: number, l: LeakSpec): void {
  const insertLeak = store.sqlite.prepare(
    `INSERT INTO digital_call_leakage (call_id, member_id, started_at, local_date, local_minute, failure_event_id, failure_ts, journey, error_message,
       device, channel, segment, plan, language, age_group, interaction, is_repeat, handle_seconds)
     VALUES (@id, 'M-100001', @start, @date, @minute, @event, @start, @journey, @error, @device, 'app', @segment, 'MAPD', 'en', '65-74', 'voice', 0, 300)`,
  );
  store.sqlite.transaction(() => {
    for (let i = 0; i < n; i++) {
      const minute = l.minute ?? (i * 7) % 1440;
      const start = clock.startOfDay(l.date) + minute * 60_000;
      const id = insertCall(store, { start });
      insertLeak.run({
        id, start, date: l.date, minute, event: `E-${id}`, journey: l.journey ?? 'billing', error: l.error === undefined ? 'Payment could not be processed' : l.error,
        device: l.device ?? 'desktop', segment: l.segment ?? 'Commercial',
      });
    }
    // Gold follows silver as after a pipeline run (the day-level spike scan reads gold), at the default $8 a call.
    store.sqlite.prepare('INSERT OR IGNORE INTO gold_pending_days (date) VALUES (?)').run(l.date);
    rebuildGold(store.sqlite, 8);
  })();
}
