/**
 * The SQL of the silver steps, one per source. Each step stages bronze rows (a raw_id range) into a
 * temp table, casting, trimming and normalizing every row exactly once; then applies the staged
 * rows: marks which members' leakage they can change, before (old values) and after (new values),
 * upserts by the source's id and records the member id forms seen.
 *
 * A later bronze row for the same id replaces an earlier one (so re-importing changes nothing),
 * whatever order the staged rows are applied in: digital events and calls keep the raw_id they came
 * from and only a higher one may overwrite them. That lets the upsert walk the rows in member order,
 * which touches each page of the member indexes once instead of at random.
 */
import { REPEAT_LOOKBACK_MS } from './repeat-window.ts';

/**
 * Fast paths for the forms the simulator and most exports write (canonical member id, whole-second
 * UTC instant): plain SQL, about ten times cheaper than a call into JS. Every other form goes to the
 * gate's own parser (leak_ms, leak_member_id), so the result is the same either way (a test pins it).
 */
const D = '[0-9]';
const CANONICAL_GLOBS = [`M-${D.repeat(6)}`, ...[6, 7, 8].map((n) => `M-[1-9]${D.repeat(n)}`)];
export const memberIdSql = (col: string) =>
  `CASE WHEN ${CANONICAL_GLOBS.map((g) => `${col} GLOB '${g}'`).join(' OR ')} THEN ${col} ELSE leak_member_id(${col}) END`;
export const instantSql = (col: string) =>
  `CASE WHEN ${col} GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z' AND substr(${col}, 12, 2) < '24'
    THEN unixepoch(${col}) * 1000 ELSE leak_ms(${col}) END`;

export type SilverStep = { stage: string; create: string; fill: string; apply: string[] };

const MARK = `ON CONFLICT(member_id) DO UPDATE SET
  from_ms = min(from_ms, excluded.from_ms), to_ms = max(to_ms, excluded.to_ms)`;

const SOURCE_IDS = (stage: string) => `
  INSERT OR IGNORE INTO member_source_ids (source_id, member_id)
  SELECT DISTINCT source_id, member_id FROM temp.${stage} WHERE true`;

/**
 * Sources: member_profiles_raw. Grain: one row per member. A profile change can move the segment
 * of every call the member already has; members without calls have no leakage to move.
 */
export const MEMBERS: SilverStep = {
  stage: 'stage_members',
  create: `CREATE TEMP TABLE IF NOT EXISTS stage_members AS SELECT *, '' AS source_id, 0 AS raw_id FROM member_profiles WHERE false`,
  fill: `INSERT INTO temp.stage_members (member_id, source_id, plan, enrolled_on, language, birth_year, state, name, batch_id, raw_id)
   SELECT ${memberIdSql('member_id')}, trim(member_id),
     CASE upper(trim(plan)) WHEN 'MAPD' THEN 'MAPD' WHEN 'COMMERCIAL' THEN 'Commercial' WHEN 'MEDICAID' THEN 'Medicaid' ELSE 'ACA' END,
     trim(enrolled_on), lower(trim(language)), CAST(nullif(trim(birth_year), '') AS INTEGER),
     nullif(upper(trim(state)), ''), nullif(trim(name), ''), @batch, raw_id
   FROM member_profiles_raw WHERE raw_id BETWEEN @first AND @last`,
  apply: [
    `INSERT INTO dirty_members (member_id, from_ms, to_ms)
     SELECT DISTINCT g.member_id, -9e15, 9e15 FROM temp.stage_members g
     WHERE EXISTS (SELECT 1 FROM call_logs_cleaned c WHERE c.member_id = g.member_id) ${MARK}`,
    // Profiles are few and arrive in member order already; applied in raw order, the later one wins.
    `INSERT INTO member_profiles (member_id, plan, enrolled_on, language, birth_year, state, name, batch_id)
     SELECT member_id, plan, enrolled_on, language, birth_year, state, name, batch_id FROM temp.stage_members
     WHERE true ORDER BY raw_id
     ON CONFLICT(member_id) DO UPDATE SET plan = excluded.plan, enrolled_on = excluded.enrolled_on,
       language = excluded.language, birth_year = excluded.birth_year, state = excluded.state,
       name = coalesce(excluded.name, name), batch_id = excluded.batch_id`,
    SOURCE_IDS('stage_members'),
  ],
};

/** Sources: digital_journeys_raw. Grain: one row per event_id. Only failures and completions can change leakage. */
export const DIGITAL = (windowMs: number): SilverStep => ({
  stage: 'stage_digital',
  create: `CREATE TEMP TABLE IF NOT EXISTS stage_digital AS SELECT *, '' AS source_id FROM digital_journeys_cleaned WHERE false`,
  fill: `INSERT INTO temp.stage_digital
     (event_id, member_id, source_id, session_id, ts, local_date, channel, device, journey, step, outcome, error_message, raw_id)
   SELECT trim(event_id), ${memberIdSql('member_id')}, trim(member_id), trim(session_id), ${instantSql('ts')},
     leak_local_date(${instantSql('ts')}), lower(trim(channel)), lower(trim(device)), lower(trim(journey)), trim(step),
     lower(trim(outcome)), nullif(trim(error_message), ''), raw_id
   FROM digital_journeys_raw WHERE raw_id BETWEEN @first AND @last`,
  apply: [
    `INSERT INTO dirty_members (member_id, from_ms, to_ms)
     SELECT s.member_id, min(s.ts), max(s.ts) + ${windowMs}
     FROM temp.stage_digital g JOIN digital_journeys_cleaned s ON s.event_id = g.event_id
     GROUP BY s.member_id ${MARK}`,
    `INSERT INTO digital_journeys_cleaned
       (event_id, member_id, session_id, ts, local_date, channel, device, journey, step, outcome, error_message, raw_id)
     SELECT event_id, member_id, session_id, ts, local_date, channel, device, journey, step, outcome, error_message, raw_id
     FROM temp.stage_digital WHERE true ORDER BY member_id, ts
     ON CONFLICT(event_id) DO UPDATE SET member_id = excluded.member_id, session_id = excluded.session_id,
       ts = excluded.ts, local_date = excluded.local_date, channel = excluded.channel, device = excluded.device,
       journey = excluded.journey, step = excluded.step, outcome = excluded.outcome, error_message = excluded.error_message,
       raw_id = excluded.raw_id
     WHERE excluded.raw_id > coalesce(digital_journeys_cleaned.raw_id, 0)`,
    `INSERT INTO dirty_members (member_id, from_ms, to_ms)
     SELECT member_id, min(ts), max(ts) + ${windowMs} FROM temp.stage_digital
     WHERE outcome IN ('error', 'abandon', 'complete') GROUP BY member_id ${MARK}`,
    SOURCE_IDS('stage_digital'),
  ],
});

/** Sources: call_logs_raw. Grain: one row per call_id. A call changes its own leakage and the repeat flag of the week after. */
export const CALLS: SilverStep = {
  stage: 'stage_calls',
  create: `CREATE TEMP TABLE IF NOT EXISTS stage_calls AS SELECT *, '' AS source_id FROM call_logs_cleaned WHERE false`,
  fill: `INSERT INTO temp.stage_calls
     (call_id, member_id, source_id, started_at, ended_at, local_date, local_minute, interaction, ivr_route, agent_id,
      disposition, sentiment_start, sentiment_end, survey_comment, transcript, raw_id)
   SELECT trim(call_id), ${memberIdSql('member_id')}, trim(member_id), ${instantSql('started_at')}, ${instantSql('ended_at')},
     leak_local_date(${instantSql('started_at')}), leak_local_minute(${instantSql('started_at')}), lower(trim(interaction)),
     nullif(trim(ivr_route), ''), nullif(trim(agent_id), ''), lower(trim(disposition)),
     CAST(nullif(trim(sentiment_start), '') AS REAL), CAST(nullif(trim(sentiment_end), '') AS REAL),
     nullif(trim(survey_comment), ''), nullif(trim(transcript), ''), raw_id
   FROM call_logs_raw WHERE raw_id BETWEEN @first AND @last`,
  apply: [
    `INSERT INTO dirty_members (member_id, from_ms, to_ms)
     SELECT s.member_id, min(s.started_at), max(s.started_at) + ${REPEAT_LOOKBACK_MS}
     FROM temp.stage_calls g JOIN call_logs_cleaned s ON s.call_id = g.call_id
     GROUP BY s.member_id ${MARK}`,
    `INSERT INTO call_logs_cleaned
       (call_id, member_id, started_at, ended_at, local_date, local_minute, interaction, ivr_route, agent_id,
        disposition, sentiment_start, sentiment_end, survey_comment, transcript, raw_id)
     SELECT call_id, member_id, started_at, ended_at, local_date, local_minute, interaction, ivr_route, agent_id,
        disposition, sentiment_start, sentiment_end, survey_comment, transcript, raw_id
     FROM temp.stage_calls WHERE true ORDER BY member_id, started_at
     ON CONFLICT(call_id) DO UPDATE SET member_id = excluded.member_id, started_at = excluded.started_at,
       ended_at = excluded.ended_at, local_date = excluded.local_date, local_minute = excluded.local_minute,
       interaction = excluded.interaction, ivr_route = excluded.ivr_route, agent_id = excluded.agent_id,
       disposition = excluded.disposition, sentiment_start = excluded.sentiment_start,
       sentiment_end = excluded.sentiment_end, survey_comment = excluded.survey_comment, transcript = excluded.transcript,
       raw_id = excluded.raw_id
     WHERE excluded.raw_id > coalesce(call_logs_cleaned.raw_id, 0)`,
    `INSERT INTO dirty_members (member_id, from_ms, to_ms)
     SELECT member_id, min(started_at), max(started_at) + ${REPEAT_LOOKBACK_MS} FROM temp.stage_calls GROUP BY member_id ${MARK}`,
    SOURCE_IDS('stage_calls'),
  ],
};
