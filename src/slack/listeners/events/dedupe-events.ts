/** Drops Slack's redelivered events before any listener runs (src/bookkeeping/slack-events.ts claims each event_id once). */
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { claimEvent } from '../../../bookkeeping/slack-events.ts';

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
