/**
 * The exactly-once ledger over digest_posts. Every state change is one short synchronous
 * transaction (BEGIN IMMEDIATE through better-sqlite3), so two processes on the same SQLite
 * file serialise on the write lock and exactly one of them wins a claim.
 */
import os from 'node:os';
import crypto from 'node:crypto';
import type { Store } from '../../db/open-db.ts';
import type { DigestRole } from '../digest-channels.ts';

export type DigestKey = { channel: string; date: string };
export type ClaimResult =
  | { outcome: 'claimed'; attempts: number }
  | { outcome: 'already_posted' | 'in_progress' | 'interrupted'; status: string };

export type DigestPostRow = {
  channel: string;
  digest_date: string;
  from_date: string | null;
  role: DigestRole;
  status: 'posting' | 'posted' | 'failed' | 'interrupted';
  late: number;
  attempts: number;
  claimed_at: number;
  posted_at: number | null;
  ts: string | null;
  error: string | null;
};

/** A claim older than this with no completion belongs to a process that died mid-post. */
export const STALE_CLAIM_MS = 15 * 60_000;

/** Identifies this process's claims (two instances on one host differ by pid and nonce). */
export const INSTANCE_ID = `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString('hex')}`;

export function claimDigest(
  store: Store,
  key: DigestKey,
  opts: { role: DigestRole; late: boolean; instance: string; now: number; from?: string },
): ClaimResult {
  const { sqlite } = store;
  const run = sqlite.transaction((): ClaimResult => {
    const inserted = sqlite
      .prepare(
        `INSERT INTO digest_posts (channel, digest_date, from_date, role, status, claimed_by, claimed_at, attempts, late)
         VALUES (?, ?, ?, ?, 'posting', ?, ?, 1, ?) ON CONFLICT (channel, digest_date) DO NOTHING`,
      )
      .run(key.channel, key.date, opts.from ?? key.date, opts.role, opts.instance, opts.now, opts.late ? 1 : 0);
    if (inserted.changes === 1) return { outcome: 'claimed', attempts: 1 };
    const row = readRow(store, key)!;
    if (row.status === 'posted') return { outcome: 'already_posted', status: row.status };
    if (row.status === 'interrupted') return { outcome: 'interrupted', status: row.status };
    if (row.status === 'failed') {
      // Nothing went out for a failed row, so taking it again cannot double-post.
      sqlite
        .prepare(
          `UPDATE digest_posts SET status = 'posting', claimed_by = ?, claimed_at = ?, attempts = attempts + 1, late = ?, role = ?, from_date = ?
           WHERE channel = ? AND digest_date = ?`,
        )
        .run(opts.instance, opts.now, opts.late ? 1 : 0, opts.role, opts.from ?? key.date, key.channel, key.date);
      return { outcome: 'claimed', attempts: row.attempts + 1 };
    }
    if (opts.now - row.claimed_at > STALE_CLAIM_MS) {
      sqlite
        .prepare(`UPDATE digest_posts SET status = 'interrupted', error = ? WHERE channel = ? AND digest_date = ? AND status = 'posting'`)
        .run('The bot stopped while posting this digest; not re-posted in case it already went out. Check the channel.', key.channel, key.date);
      return { outcome: 'interrupted', status: 'interrupted' };
    }
    return { outcome: 'in_progress', status: row.status };
  });
  return run.immediate();
}

/** The message is out: from here on nothing may post it again, whatever happens to the charts. */
export function markPosted(store: Store, key: DigestKey, opts: { ts: string; channelId: string; now: number }): void {
  store.sqlite
    .prepare(`UPDATE digest_posts SET status = 'posted', ts = ?, channel_id = ?, posted_at = ?, error = NULL WHERE channel = ? AND digest_date = ?`)
    .run(opts.ts, opts.channelId, opts.now, key.channel, key.date);
}

/** Notes on a posted digest (charts that did not upload); the message itself stands. */
export function notePosted(store: Store, key: DigestKey, note: string): void {
  store.sqlite.prepare(`UPDATE digest_posts SET error = ? WHERE channel = ? AND digest_date = ? AND status = 'posted'`).run(note, key.channel, key.date);
}

export function markFailed(store: Store, key: DigestKey, reason: string): void {
  store.sqlite
    .prepare(`UPDATE digest_posts SET status = 'failed', error = ? WHERE channel = ? AND digest_date = ? AND status = 'posting'`)
    .run(reason.slice(0, 500), key.channel, key.date);
}

export function readRow(store: Store, key: DigestKey): DigestPostRow | undefined {
  return store.sqlite.prepare('SELECT * FROM digest_posts WHERE channel = ? AND digest_date = ?').get(key.channel, key.date) as DigestPostRow | undefined;
}

/**
 * The last day a digest for this channel (or folder) covers, whether it went out or may have (a claim
 * in progress, or interrupted mid-post): the next digest starts the day after. Undefined before the first.
 */
export function lastCoveredDay(store: Store, channel: string): string | undefined {
  return (
    (store.sqlite
      .prepare("SELECT max(digest_date) FROM digest_posts WHERE channel = ? AND status IN ('posted', 'posting', 'interrupted')")
      .pluck()
      .get(channel) as string | null) ?? undefined
  );
}

/**
 * For the Home tab: the latest digests per channel, problems first (failed, interrupted, or posted
 * with charts missing), each with its reason in words.
 */
export function listDigestStatus(store: Store, opts: { limit?: number } = {}): DigestPostRow[] {
  return store.sqlite
    .prepare(
      `SELECT channel, digest_date, from_date, role, status, late, attempts, claimed_at, posted_at, ts, error FROM digest_posts
       ORDER BY CASE WHEN status IN ('failed', 'interrupted') THEN 0 WHEN error IS NOT NULL THEN 1 ELSE 2 END,
         digest_date DESC, channel LIMIT ?`,
    )
    .all(opts.limit ?? 10) as DigestPostRow[];
}

/**
 * Only the digests that did not go out (or went out incomplete): what the Home tab warns about.
 * With `now`, a claim stuck in 'posting' past STALE_CLAIM_MS (its process died) is included too,
 * reported as interrupted, since nothing else will revisit it before the next start.
 */
export function listDigestFailures(store: Store, opts: { sinceDate?: string; now?: number } = {}): DigestPostRow[] {
  const rows = store.sqlite
    .prepare(
      `SELECT channel, digest_date, from_date, role, status, late, attempts, claimed_at, posted_at, ts, error FROM digest_posts
       WHERE (status IN ('failed', 'interrupted') OR (status = 'posted' AND error IS NOT NULL)
              OR (status = 'posting' AND claimed_at < @stale)) AND digest_date >= @since
         -- A failed digest whose days a later digest to the same channel covered is no longer a problem.
         AND NOT (status = 'failed' AND EXISTS (SELECT 1 FROM digest_posts later WHERE later.channel = digest_posts.channel
              AND later.status = 'posted' AND later.digest_date > digest_posts.digest_date AND coalesce(later.from_date, later.digest_date) <= digest_posts.digest_date))
       ORDER BY digest_date DESC, channel`,
    )
    .all({ since: opts.sinceDate ?? '0000-00-00', stale: opts.now === undefined ? -1 : opts.now - STALE_CLAIM_MS }) as DigestPostRow[];
  return rows.map((r) =>
    r.status === 'posting' ? { ...r, status: 'interrupted', error: 'The bot stopped while posting this digest; check the channel before posting it by hand.' } : r,
  );
}
