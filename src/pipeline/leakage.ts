/**
 * Sources: call_logs_cleaned, digital_journeys_cleaned, member_profiles.
 * Grain: digital_call_leakage, one row per leaked call.
 *
 * A call by member m starting at s is leaked when m has a failure F (outcome error or abandon)
 * with 0 < s − F.ts ≤ window and no `complete` in F's session at or after F.ts and before s.
 * It is attributed to the most recent such F (ties broken by event_id, so the answer never
 * depends on load order). Only calls of dirty members within their dirty span are recomputed,
 * unless `scope` is 'all'.
 */
import type Database from 'better-sqlite3';
import { ageGroupSql } from '../rules/age-group.ts';
import { segmentSql } from '../rules/segment.ts';
import { REPEAT_LOOKBACK_MS } from './repeat-window.ts';

// A leaked call keeps the member's segment and age group on the call's local date (src/rules/).
const SEGMENT_SQL = segmentSql({ plan: 'm.plan', enrolledOn: 'm.enrolled_on', date: 'c.local_date' });
const AGE_GROUP_SQL = ageGroupSql({ birthYear: 'm.birth_year', date: 'c.local_date' });

/**
 * FROM clause for the rows of `table` (calls or leaked calls, both keyed by member and started_at)
 * to recompute. For 'dirty', the members of the current chunk (temp.dirty_chunk, see
 * recomputeDirtyChunk); CROSS JOIN pins them as the outer loop (SQLite never reorders a CROSS
 * JOIN): without it the planner scanned every call and probed the dirty members, so an import of
 * ten rows read the whole call history.
 */
export const rowsInScope = (scope: 'all' | 'dirty', table: string, alias: string) =>
  scope === 'all'
    ? `${table} ${alias}`
    : `temp.dirty_chunk d CROSS JOIN ${table} ${alias} ON ${alias}.member_id = d.member_id AND ${alias}.started_at BETWEEN d.from_ms AND d.to_ms`;

const COLUMNS = ['call_id', 'member_id', 'started_at', 'local_date', 'local_minute', 'failure_event_id', 'failure_ts',
  'journey', 'error_message', 'device', 'channel', 'segment', 'plan', 'language', 'age_group', 'interaction', 'is_repeat',
  'handle_seconds', 'sentiment_start', 'sentiment_end'];

/**
 * A call corrected onto one of the chunk's members may still have its leaked row under its old
 * member, whose chunk comes later: the upsert takes that row over (a plain insert failed on call_id,
 * and the rolled-back chunk then failed every later run), and the trigger made in prepareLeakage
 * marks the old row's day pending. Checking every call of the chunk for such a row beforehand cost
 * half again on a full recompute; the upsert costs nothing when there is none.
 */
const TAKE_OVER = `WHERE true ON CONFLICT(call_id) DO UPDATE SET ${COLUMNS.slice(1).map((c) => `${c} = excluded.${c}`).join(', ')}`;

/**
 * The inner query `k` reads only the call's member, start and rowid, so SQLite walks the calls
 * through calls_member_started in member order, and each call's failure seek lands on index pages
 * the member's previous call just read. Only the calls that leaked are then read in full, joined
 * by rowid (CROSS JOIN keeps that order). Reading `c.*` there walked the calls in time order
 * instead, each seek to a random member, which was far slower at full scale (the README's
 * benchmarks have the figures).
 */
export const leakageInsertSql = (scope: 'all' | 'dirty', windowMs: number) => `
INSERT INTO digital_call_leakage (${COLUMNS.join(', ')})
SELECT c.call_id, c.member_id, c.started_at, c.local_date, c.local_minute, f.event_id, f.ts, f.journey,
  f.error_message, f.device, f.channel,
  ${SEGMENT_SQL},
  coalesce(m.plan, 'Unknown'), coalesce(m.language, 'unknown'),
  ${AGE_GROUP_SQL},
  c.interaction,
  EXISTS (SELECT 1 FROM call_logs_cleaned p WHERE p.member_id = c.member_id
          AND p.started_at < c.started_at AND p.started_at >= c.started_at - ${REPEAT_LOOKBACK_MS}),
  CAST(round((c.ended_at - c.started_at) / 1000.0) AS INTEGER), c.sentiment_start, c.sentiment_end
FROM (
  SELECT c.rowid AS call_rowid, (
    SELECT f.rowid FROM digital_journeys_cleaned f
    WHERE f.member_id = c.member_id AND f.outcome IN ('error', 'abandon')
      AND f.ts < c.started_at AND f.ts >= c.started_at - ${windowMs}
      AND NOT EXISTS (
        SELECT 1 FROM digital_journeys_cleaned x
        WHERE x.member_id = f.member_id AND x.session_id = f.session_id AND x.outcome = 'complete'
          AND x.ts >= f.ts AND x.ts < c.started_at)
    ORDER BY f.ts DESC, f.event_id DESC LIMIT 1
  ) AS fid
  FROM ${rowsInScope(scope, 'call_logs_cleaned', 'c')}
) k
CROSS JOIN digital_journeys_cleaned f ON f.rowid = k.fid
CROSS JOIN call_logs_cleaned c ON c.rowid = k.call_rowid
LEFT JOIN member_profiles m ON m.member_id = c.member_id
${scope === 'dirty' ? TAKE_OVER : ''}`;

const CHUNK_TABLE = 'CREATE TEMP TABLE IF NOT EXISTS dirty_chunk (member_id TEXT PRIMARY KEY, from_ms INTEGER NOT NULL, to_ms INTEGER NOT NULL)';

/**
 * Creates what the leakage statements read. Call outside any transaction: a temp table created
 * inside one would vanish with a rollback.
 */
export function prepareLeakage(sqlite: Database.Database): void {
  sqlite.exec(CHUNK_TABLE);
  // Leaked rows are only ever deleted and inserted, except by TAKE_OVER: an update is a moved call.
  // (Not INSERT OR IGNORE: inside a trigger the firing statement's conflict policy would override it.)
  sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS leakage_call_moved AFTER UPDATE ON main.digital_call_leakage
    BEGIN INSERT INTO gold_pending_days (date) SELECT OLD.local_date
      WHERE NOT EXISTS (SELECT 1 FROM gold_pending_days WHERE date = OLD.local_date); END`);
}

/** Replaces the leaked calls in scope and records the local dates of rows removed and written in gold_pending_days. */
function replaceLeakage(sqlite: Database.Database, scope: 'all' | 'dirty', windowMs: number): void {
  const markDays = `INSERT OR IGNORE INTO gold_pending_days (date)
    SELECT DISTINCT l.local_date FROM ${rowsInScope(scope, 'digital_call_leakage', 'l')}`;
  sqlite.exec(markDays);
  if (scope === 'all') sqlite.exec('DELETE FROM digital_call_leakage');
  else sqlite.exec(`DELETE FROM digital_call_leakage WHERE rowid IN (SELECT l.rowid FROM ${rowsInScope(scope, 'digital_call_leakage', 'l')})`);
  sqlite.exec(leakageInsertSql(scope, windowMs));
  sqlite.exec(markDays);
}

/** Recomputes every member's leakage in one statement (the bench's full recompute): every day's gold is pending afterwards. */
export function recomputeAllLeakage(sqlite: Database.Database, windowMs: number): void {
  replaceLeakage(sqlite, 'all', windowMs);
  markEveryGoldDayPending(sqlite);
  sqlite.exec('DELETE FROM dirty_members');
}

/** Every day gold holds becomes pending: what a changed cost per call needs, leakage unchanged. */
export function markEveryGoldDayPending(sqlite: Database.Database): void {
  sqlite.exec('INSERT OR IGNORE INTO gold_pending_days (date) SELECT DISTINCT date FROM daily_leakage_summary');
}

/**
 * After a change of window or time zone: every member with calls or leaked calls becomes dirty over all time,
 * so the chunks recompute everything without one transaction holding the write lock throughout.
 */
export function markEveryMemberDirty(sqlite: Database.Database): void {
  sqlite.exec(`INSERT INTO dirty_members (member_id, from_ms, to_ms)
    SELECT member_id, -9e15, 9e15 FROM (SELECT member_id FROM call_logs_cleaned UNION SELECT member_id FROM digital_call_leakage)
    WHERE true ON CONFLICT(member_id) DO UPDATE SET from_ms = excluded.from_ms, to_ms = excluded.to_ms`);
  markEveryGoldDayPending(sqlite);
}

/**
 * Recomputes the leakage of the first `limit` dirty members (in member order) and takes them off
 * dirty_members; returns how many it took. Run one chunk per transaction: each commit leaves
 * leakage right for the members done and their days in gold_pending_days, so a crash between
 * chunks loses nothing, and a backfill that dirtied every member never holds the write lock for
 * the whole recompute (the bot's own writes wait at most one chunk).
 */
export function recomputeDirtyChunk(sqlite: Database.Database, windowMs: number, limit: number): number {
  sqlite.exec('DELETE FROM temp.dirty_chunk');
  const taken = sqlite
    .prepare('INSERT INTO temp.dirty_chunk SELECT member_id, from_ms, to_ms FROM dirty_members ORDER BY member_id LIMIT ?')
    .run(limit).changes;
  if (taken === 0) return 0;
  replaceLeakage(sqlite, 'dirty', windowMs);
  // The chunk is the first members in order: a range delete takes them off in one walk along the
  // index, and a chunk that took every member empties the table outright.
  if (taken < limit) sqlite.exec('DELETE FROM dirty_members');
  else sqlite.exec('DELETE FROM dirty_members WHERE member_id <= (SELECT max(member_id) FROM temp.dirty_chunk)');
  return taken;
}
