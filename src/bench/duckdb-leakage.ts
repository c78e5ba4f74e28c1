/**
 * The peer an analyst would reach for: DuckDB computing the same leaked-call counts per day and
 * journey from the contract CSVs that `leak export` writes, with ASOF joins.
 *
 * The rule needs two ASOF joins and a rare fallback: a failure F is "live" for calls in
 * (F.ts, end(F)], end(F) = min(first completion in F's session at or after F.ts, F.ts + window).
 * The call's attribution is the latest live failure: the ASOF join finds the latest failure
 * before the call; when that one is no longer live (completed), an earlier one may still be,
 * which a range join settles for those few calls.
 *
 * Independent on purpose: it shares no code (rules, SQL, parsers) with src/pipeline, so it is a
 * second opinion on our figures, not a copy of them.
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export type DayJourneyCount = { date: string; journey: string; calls: number };

export async function countLeakageWithDuckDb(
  csvDir: string,
  opts: { timeZone: string; windowMinutes: number },
): Promise<{ counts: DayJourneyCount[]; loadMs: number; queryMs: number }> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const csv = (name: string) => `read_csv('${path.join(csvDir, name).replace(/'/g, "''")}', header = true, all_varchar = true)`;
  // Member ids arrive in several forms; DuckDB normalizes them the same way silver does: leading
  // zeros dropped, then padded to six digits. (lpad alone cuts longer ids to six, merging members.)
  const digits = (col: string) => `regexp_extract(${col}, '(\\d+)', 1)::BIGINT::VARCHAR`;
  const memberId = (col: string) => `'M-' || CASE WHEN length(${digits(col)}) >= 6 THEN ${digits(col)} ELSE lpad(${digits(col)}, 6, '0') END`;
  const loadStarted = performance.now();
  await con.run(`SET TimeZone = '${opts.timeZone}'`);
  await con.run(`CREATE TABLE events AS
    SELECT DISTINCT ON (trim(event_id)) trim(event_id) AS event_id, ${memberId('member_id')} AS member_id,
      trim(session_id) AS session_id, CAST(trim(ts) AS TIMESTAMPTZ) AS ts, lower(trim(journey)) AS journey,
      lower(trim(outcome)) AS outcome
    FROM ${csv('digital_events.csv')}`);
  await con.run(`CREATE TABLE calls AS
    SELECT DISTINCT ON (trim(call_id)) trim(call_id) AS call_id, ${memberId('member_id')} AS member_id,
      CAST(trim(started_at) AS TIMESTAMPTZ) AS s
    FROM ${csv('calls.csv')}`);
  const loadMs = performance.now() - loadStarted;

  const queryStarted = performance.now();
  const reader = await con.runAndReadAll(`
    WITH failures AS (
      SELECT * FROM events WHERE outcome IN ('error', 'abandon')
    ), completes AS (
      SELECT member_id, session_id, ts FROM events WHERE outcome = 'complete'
    ), live AS (
      SELECT f.event_id, f.member_id, f.ts, f.journey,
        least(coalesce(c.ts, f.ts + INTERVAL ${opts.windowMinutes} MINUTE), f.ts + INTERVAL ${opts.windowMinutes} MINUTE) AS live_until
      FROM failures f ASOF LEFT JOIN completes c
        ON f.member_id = c.member_id AND f.session_id = c.session_id AND c.ts >= f.ts
    ), latest AS (
      SELECT k.call_id, k.member_id, k.s, l.event_id, l.ts, l.journey, l.live_until
      FROM calls k ASOF LEFT JOIN live l ON k.member_id = l.member_id AND k.s > l.ts
    ), attributed AS (
      SELECT call_id, s, journey FROM latest WHERE ts IS NOT NULL AND s <= live_until
      UNION ALL
      SELECT k.call_id, k.s, arg_max(l.journey, (l.ts, l.event_id))
      FROM latest k JOIN live l ON l.member_id = k.member_id AND l.ts < k.s AND k.s <= l.live_until
      WHERE k.ts IS NOT NULL AND k.s > k.live_until
      GROUP BY k.call_id, k.s
    )
    SELECT strftime(s, '%Y-%m-%d') AS date, journey, count(*)::INTEGER AS calls
    FROM attributed GROUP BY ALL ORDER BY date, journey`);
  const queryMs = performance.now() - queryStarted;
  const counts = reader.getRowObjects().map((r) => ({ date: String(r.date), journey: String(r.journey), calls: Number(r.calls) }));
  con.closeSync();
  instance.closeSync();
  return { counts, loadMs, queryMs };
}
