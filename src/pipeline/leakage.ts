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

const DAY_MS = 86_400_000;

/**
 * FROM clause for the rows of `table` (calls or leaked calls, both keyed by member and started_at)
 * to recompute. For 'dirty', CROSS JOIN pins dirty_members as the outer loop (SQLite never
 * reorders a CROSS JOIN): without it the planner scanned every call and probed dirty_members, so
 * an import of ten rows read the whole call history.
 */
export const rowsInScope = (scope: 'all' | 'dirty', table: string, alias: string) =>
  scope === 'all'
    ? `${table} ${alias}`
    : `dirty_members d CROSS JOIN ${table} ${alias} ON ${alias}.member_id = d.member_id AND ${alias}.started_at BETWEEN d.from_ms AND d.to_ms`;

export const leakageInsertSql = (scope: 'all' | 'dirty', windowMs: number) => `
INSERT INTO digital_call_leakage (call_id, member_id, started_at, local_date, local_minute, failure_event_id,
  failure_ts, journey, error_message, device, channel, segment, plan, language, age_group, interaction, is_repeat,
  handle_seconds, sentiment_start, sentiment_end)
SELECT c.call_id, c.member_id, c.started_at, c.local_date, c.local_minute, f.event_id, f.ts, f.journey,
  f.error_message, f.device, f.channel,
  CASE
    WHEN m.plan IS NULL THEN 'Unknown'
    WHEN m.plan = 'MAPD' THEN
      CASE WHEN julianday(c.local_date) - julianday(m.enrolled_on) < 365 THEN 'MAPD New' ELSE 'MAPD Tenured' END
    ELSE m.plan
  END,
  coalesce(m.plan, 'Unknown'), coalesce(m.language, 'unknown'),
  CASE
    WHEN m.birth_year IS NULL THEN 'Unknown'
    WHEN CAST(substr(c.local_date, 1, 4) AS INTEGER) - m.birth_year < 35 THEN 'Under 35'
    WHEN CAST(substr(c.local_date, 1, 4) AS INTEGER) - m.birth_year < 50 THEN '35-49'
    WHEN CAST(substr(c.local_date, 1, 4) AS INTEGER) - m.birth_year < 65 THEN '50-64'
    WHEN CAST(substr(c.local_date, 1, 4) AS INTEGER) - m.birth_year < 75 THEN '65-74'
    ELSE '75+'
  END,
  c.interaction,
  EXISTS (SELECT 1 FROM call_logs_cleaned p WHERE p.member_id = c.member_id
          AND p.started_at < c.started_at AND p.started_at >= c.started_at - ${7 * DAY_MS}),
  CAST(round((c.ended_at - c.started_at) / 1000.0) AS INTEGER), c.sentiment_start, c.sentiment_end
FROM (
  SELECT c.*, (
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
) c
JOIN digital_journeys_cleaned f ON f.rowid = c.fid
LEFT JOIN member_profiles m ON m.member_id = c.member_id`;

/**
 * Recomputes leakage for the scope and records every local date whose leaked calls may have
 * changed in temp.changed_days (dates of rows removed and of rows written).
 */
export function recomputeLeakage(sqlite: Database.Database, scope: 'all' | 'dirty', windowMs: number): void {
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS changed_days (date TEXT PRIMARY KEY)');
  const inScope = `SELECT l.rowid FROM ${rowsInScope(scope, 'digital_call_leakage', 'l')}`;
  const markDays = `INSERT OR IGNORE INTO temp.changed_days (date)
    SELECT DISTINCT l.local_date FROM ${rowsInScope(scope, 'digital_call_leakage', 'l')}`;
  sqlite.exec(markDays);
  if (scope === 'all') sqlite.exec('DELETE FROM digital_call_leakage');
  else sqlite.exec(`DELETE FROM digital_call_leakage WHERE rowid IN (${inScope})`);
  sqlite.exec(leakageInsertSql(scope, windowMs));
  sqlite.exec(markDays);
  if (scope === 'all') sqlite.exec('INSERT OR IGNORE INTO temp.changed_days (date) SELECT DISTINCT date FROM daily_leakage_summary');
  sqlite.exec('DELETE FROM dirty_members');
}
