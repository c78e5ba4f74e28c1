/**
 * Slack redelivers an event (X-Slack-Retry-Num 1–3) when it did not see our 200 in time, and Bolt
 * does not de-duplicate. Each event_id is claimed once in the store before its listener runs, so a
 * retry — even one arriving at another instance on the same store — is dropped.
 */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Store } from '../../db/open-db.ts';
import type { Context } from '../context.ts';

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

export function dedupeEvents(ctx: Context): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next, logger }) => {
    const envelope = body as { type?: string; event_id?: string; event?: { type?: string } };
    if (envelope.type === 'event_callback' && typeof envelope.event_id === 'string') {
      // Wall clock, not the injected data clock: this is about delivery time.
      if (!claimEvent(ctx.store, envelope.event_id, envelope.event?.type ?? 'unknown', Date.now())) {
        logger.debug(`Leak: skipped redelivered event ${envelope.event_id}`);
        return;
      }
    }
    await next();
  };
}
