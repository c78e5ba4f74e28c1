/**
 * Silver steps: one per source. Each reads one bronze batch (a raw_id range), casts, trims and
 * normalizes it, and upserts by the source's id (a later row for the same id replaces the
 * earlier one, so re-importing a file changes nothing). Each step also marks which members'
 * leakage the batch can change, before (old values) and after (new values) the upsert.
 */
import type Database from 'better-sqlite3';
import type { SourceKind } from '../ingest/contract.ts';

const DAY_MS = 86_400_000;
const REPEAT_REACH_MS = 7 * DAY_MS;

const MARK = `ON CONFLICT(member_id) DO UPDATE SET
  from_ms = min(from_ms, excluded.from_ms), to_ms = max(to_ms, excluded.to_ms)`;

const SOURCE_IDS = (table: string) => `
  INSERT OR IGNORE INTO member_source_ids (source_id, member_id)
  SELECT DISTINCT trim(member_id), leak_member_id(member_id) FROM ${table} WHERE raw_id BETWEEN ? AND ?`;

/** Sources: member_profiles_raw. Grain: one row per member. A profile change can move every call's segment. */
const MEMBERS = [
  `INSERT INTO dirty_members (member_id, from_ms, to_ms)
   SELECT DISTINCT leak_member_id(member_id), -9e15, 9e15 FROM member_profiles_raw WHERE raw_id BETWEEN ? AND ? ${MARK}`,
  `INSERT INTO member_profiles (member_id, plan, enrolled_on, language, birth_year, state, name, batch_id)
   SELECT leak_member_id(member_id),
     CASE upper(trim(plan)) WHEN 'MAPD' THEN 'MAPD' WHEN 'COMMERCIAL' THEN 'Commercial' WHEN 'MEDICAID' THEN 'Medicaid' ELSE 'ACA' END,
     trim(enrolled_on), lower(trim(language)), CAST(nullif(trim(birth_year), '') AS INTEGER),
     nullif(upper(trim(state)), ''), nullif(trim(name), ''), batch_id
   FROM member_profiles_raw WHERE raw_id BETWEEN ? AND ? ORDER BY raw_id
   ON CONFLICT(member_id) DO UPDATE SET plan = excluded.plan, enrolled_on = excluded.enrolled_on,
     language = excluded.language, birth_year = excluded.birth_year, state = excluded.state,
     name = coalesce(excluded.name, name), batch_id = excluded.batch_id`,
  SOURCE_IDS('member_profiles_raw'),
];

/** Sources: digital_journeys_raw. Grain: one row per event_id. Only failures and completions can change leakage. */
const DIGITAL = (windowMs: number) => [
  `INSERT INTO dirty_members (member_id, from_ms, to_ms)
   SELECT s.member_id, min(s.ts), max(s.ts) + ${windowMs} FROM digital_journeys_cleaned s
   WHERE s.event_id IN (SELECT trim(event_id) FROM digital_journeys_raw WHERE raw_id BETWEEN ? AND ?)
   GROUP BY s.member_id ${MARK}`,
  `INSERT INTO digital_journeys_cleaned
     (event_id, member_id, session_id, ts, local_date, channel, device, journey, step, outcome, error_message)
   SELECT trim(event_id), leak_member_id(member_id), trim(session_id), leak_ms(ts), leak_local_date(leak_ms(ts)),
     lower(trim(channel)), lower(trim(device)), lower(trim(journey)), trim(step), lower(trim(outcome)),
     nullif(trim(error_message), '')
   FROM digital_journeys_raw WHERE raw_id BETWEEN ? AND ? ORDER BY raw_id
   ON CONFLICT(event_id) DO UPDATE SET member_id = excluded.member_id, session_id = excluded.session_id,
     ts = excluded.ts, local_date = excluded.local_date, channel = excluded.channel, device = excluded.device,
     journey = excluded.journey, step = excluded.step, outcome = excluded.outcome, error_message = excluded.error_message`,
  `INSERT INTO dirty_members (member_id, from_ms, to_ms)
   SELECT leak_member_id(member_id), min(leak_ms(ts)), max(leak_ms(ts)) + ${windowMs} FROM digital_journeys_raw
   WHERE raw_id BETWEEN ? AND ? AND lower(trim(outcome)) IN ('error', 'abandon', 'complete')
   GROUP BY 1 ${MARK}`,
  SOURCE_IDS('digital_journeys_raw'),
];

/** Sources: call_logs_raw. Grain: one row per call_id. A call changes its own leakage and the repeat flag of the week after. */
const CALLS = [
  `INSERT INTO dirty_members (member_id, from_ms, to_ms)
   SELECT s.member_id, min(s.started_at), max(s.started_at) + ${REPEAT_REACH_MS} FROM call_logs_cleaned s
   WHERE s.call_id IN (SELECT trim(call_id) FROM call_logs_raw WHERE raw_id BETWEEN ? AND ?)
   GROUP BY s.member_id ${MARK}`,
  `INSERT INTO call_logs_cleaned
     (call_id, member_id, started_at, ended_at, local_date, local_minute, interaction, ivr_route, agent_id,
      disposition, sentiment_start, sentiment_end, survey_comment, transcript)
   SELECT trim(call_id), leak_member_id(member_id), leak_ms(started_at), leak_ms(ended_at),
     leak_local_date(leak_ms(started_at)), leak_local_minute(leak_ms(started_at)), lower(trim(interaction)),
     nullif(trim(ivr_route), ''), nullif(trim(agent_id), ''), lower(trim(disposition)),
     CAST(nullif(trim(sentiment_start), '') AS REAL), CAST(nullif(trim(sentiment_end), '') AS REAL),
     nullif(trim(survey_comment), ''), nullif(trim(transcript), '')
   FROM call_logs_raw WHERE raw_id BETWEEN ? AND ? ORDER BY raw_id
   ON CONFLICT(call_id) DO UPDATE SET member_id = excluded.member_id, started_at = excluded.started_at,
     ended_at = excluded.ended_at, local_date = excluded.local_date, local_minute = excluded.local_minute,
     interaction = excluded.interaction, ivr_route = excluded.ivr_route, agent_id = excluded.agent_id,
     disposition = excluded.disposition, sentiment_start = excluded.sentiment_start,
     sentiment_end = excluded.sentiment_end, survey_comment = excluded.survey_comment, transcript = excluded.transcript`,
  `INSERT INTO dirty_members (member_id, from_ms, to_ms)
   SELECT leak_member_id(member_id), min(leak_ms(started_at)), max(leak_ms(started_at)) + ${REPEAT_REACH_MS}
   FROM call_logs_raw WHERE raw_id BETWEEN ? AND ? GROUP BY 1 ${MARK}`,
  SOURCE_IDS('call_logs_raw'),
];

const cache = new WeakMap<Database.Database, Map<string, Database.Statement[]>>();

function statementsFor(sqlite: Database.Database, kind: SourceKind, windowMs: number): Database.Statement[] {
  let byKind = cache.get(sqlite);
  if (!byKind) cache.set(sqlite, (byKind = new Map()));
  const key = `${kind}:${windowMs}`;
  let stmts = byKind.get(key);
  if (!stmts) {
    const sqls = kind === 'members' ? MEMBERS : kind === 'digital' ? DIGITAL(windowMs) : CALLS;
    stmts = sqls.map((s) => sqlite.prepare(s));
    byKind.set(key, stmts);
  }
  return stmts;
}

/** Applies one bronze batch to silver. Call inside a transaction. */
export function applyBatchToSilver(
  sqlite: Database.Database,
  batch: { kind: SourceKind; firstRawId: number; lastRawId: number },
  windowMs: number,
): void {
  for (const stmt of statementsFor(sqlite, batch.kind, windowMs)) stmt.run(batch.firstRawId, batch.lastRawId);
}
