/**
 * Slack requests already accepted, by signature. A signature covers the timestamp and the exact
 * body, and a timestamp is accepted for 5 minutes either way: the same bytes sent again within that
 * window are a replay (Slack itself never resends a command or a click). Each signature is claimed
 * once, in the store, so a replay is refused after a restart or at another instance too.
 */
import type { Store } from '../../db/open-db.ts';

/** True the first time a signature is seen; false for a repeat. Forgets signatures whose window has passed. */
export function claimSignature(store: Store, signature: string, expiresAt: number, now: number): boolean {
  const claimed = store.sqlite
    .prepare('INSERT INTO slack_request_signatures (signature, expires_at) VALUES (?, ?) ON CONFLICT(signature) DO NOTHING')
    .run(signature, expiresAt).changes === 1;
  if (claimed) store.sqlite.prepare('DELETE FROM slack_request_signatures WHERE expires_at < ?').run(now);
  return claimed;
}
