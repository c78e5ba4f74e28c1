/**
 * The Slack events already handled, by event_id. Slack redelivers an event (X-Slack-Retry-Num 1–3)
 * when it did not see our 200 in time, and Bolt does not de-duplicate: each event_id is claimed
 * once in the store, so a retry, even one arriving at another instance on the same store, is dropped.
 */
import type { Store } from '../../db/open-db.ts';

/** Slack retries within minutes; a day of memory is plenty. */
const KEEP_MS = 24 * 3600_000;

/** True the first time an event_id is seen; false for every redelivery. */
export function claimEvent(store: Store, eventId: string, eventType: string, now: number): boolean {
  const claimed = store.sqlite
    .prepare('INSERT INTO slack_events (event_id, event_type, received_at) VALUES (?, ?, ?) ON CONFLICT(event_id) DO NOTHING')
    .run(eventId, eventType, now).changes === 1;
  if (claimed) store.sqlite.prepare('DELETE FROM slack_events WHERE received_at < ?').run(now - KEEP_MS);
  return claimed;
}
