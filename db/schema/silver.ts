/**
 * Silver: one typed, normalized, de-duplicated table per source, plus the leakage fact.
 * Times are epoch milliseconds; local_date / local_minute are in LEAK_TZ (recomputed if it changes).
 */
import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, real, index } from 'drizzle-orm/sqlite-core';

/** Grain: one row per member (canonical id). Later imports of the same member replace earlier ones. */
export const memberProfiles = sqliteTable('member_profiles', {
  memberId: text('member_id').primaryKey(),
  plan: text('plan').notNull(),
  enrolledOn: text('enrolled_on').notNull(),
  language: text('language').notNull(),
  birthYear: integer('birth_year'),
  state: text('state'),
  name: text('name'),
  batchId: integer('batch_id').notNull(),
});

/** Every source form of a member id that resolved to a canonical id (the start of the member 360). */
export const memberSourceIds = sqliteTable('member_source_ids', {
  sourceId: text('source_id').primaryKey(),
  memberId: text('member_id').notNull(),
}, (t) => [index('member_source_ids_member').on(t.memberId)]);

/** Grain: one row per digital event_id. */
export const digitalJourneysCleaned = sqliteTable(
  'digital_journeys_cleaned',
  {
    eventId: text('event_id').primaryKey(),
    memberId: text('member_id').notNull(),
    sessionId: text('session_id').notNull(),
    ts: integer('ts').notNull(),
    localDate: text('local_date').notNull(),
    channel: text('channel').notNull(),
    device: text('device').notNull(),
    journey: text('journey').notNull(),
    step: text('step').notNull(),
    outcome: text('outcome').notNull(),
    errorMessage: text('error_message'),
    /** The bronze row this came from: only a later one (higher raw_id) may replace it. Null for rows loaded before it was kept. */
    rawId: integer('raw_id'),
  },
  (t) => [
    index('digital_member_ts').on(t.memberId, t.ts),
    index('digital_failures').on(t.memberId, t.ts).where(sql`outcome IN ('error', 'abandon')`),
    index('digital_completes').on(t.memberId, t.sessionId, t.ts).where(sql`outcome = 'complete'`),
  ],
);

/** Grain: one row per contact-center interaction call_id (voice, video, chat, email). */
export const callLogsCleaned = sqliteTable(
  'call_logs_cleaned',
  {
    callId: text('call_id').primaryKey(),
    memberId: text('member_id').notNull(),
    startedAt: integer('started_at').notNull(),
    endedAt: integer('ended_at').notNull(),
    localDate: text('local_date').notNull(),
    localMinute: integer('local_minute').notNull(),
    interaction: text('interaction').notNull(),
    ivrRoute: text('ivr_route'),
    agentId: text('agent_id'),
    disposition: text('disposition').notNull(),
    sentimentStart: real('sentiment_start'),
    sentimentEnd: real('sentiment_end'),
    surveyComment: text('survey_comment'),
    transcript: text('transcript'),
    /** The bronze row this came from: only a later one (higher raw_id) may replace it. Null for rows loaded before it was kept. */
    rawId: integer('raw_id'),
  },
  (t) => [
    index('calls_member_started').on(t.memberId, t.startedAt),
    index('calls_date').on(t.localDate),
    // Covers the agents and interactions roll-ups, so a day's 30K interactions are read from the index alone.
    index('calls_date_ops').on(t.localDate, t.interaction, t.agentId, t.disposition, t.startedAt, t.endedAt),
  ],
);

/** Grain: one row per leaked call, attributed to the most recent qualifying failure. */
export const digitalCallLeakage = sqliteTable(
  'digital_call_leakage',
  {
    callId: text('call_id').primaryKey(),
    memberId: text('member_id').notNull(),
    startedAt: integer('started_at').notNull(),
    localDate: text('local_date').notNull(),
    localMinute: integer('local_minute').notNull(),
    failureEventId: text('failure_event_id').notNull(),
    failureTs: integer('failure_ts').notNull(),
    journey: text('journey').notNull(),
    errorMessage: text('error_message'),
    device: text('device').notNull(),
    channel: text('channel').notNull(),
    segment: text('segment').notNull(),
    plan: text('plan').notNull(),
    language: text('language').notNull(),
    ageGroup: text('age_group').notNull(),
    interaction: text('interaction').notNull(),
    isRepeat: integer('is_repeat').notNull(),
    handleSeconds: integer('handle_seconds').notNull(),
    sentimentStart: real('sentiment_start'),
    sentimentEnd: real('sentiment_end'),
  },
  (t) => [
    // Covers the day-range reads (today's partial day, why's shares, the spike scan), so they never
    // visit table rows, which at full scale is what keeps them fast (figures in the README's benchmarks).
    index('leakage_date_factors').on(t.localDate, t.journey, t.segment, t.errorMessage, t.language, t.localMinute),
    index('leakage_member').on(t.memberId, t.startedAt),
  ],
);
