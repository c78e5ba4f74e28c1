/**
 * Bronze: raw rows exactly as they arrived (text, original id forms), append-only,
 * plus ingestion metadata (which batch, which line). Nothing here is ever updated.
 * A batch is written in one transaction, so its rows are one contiguous raw_id range
 * (recorded in import_batches): the pipeline reads a batch by that range, no extra index.
 */
import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

export const memberProfilesRaw = sqliteTable('member_profiles_raw', {
  rawId: integer('raw_id').primaryKey(),
  batchId: integer('batch_id').notNull(),
  lineNo: integer('line_no').notNull(),
  memberId: text('member_id').notNull(),
  plan: text('plan').notNull(),
  enrolledOn: text('enrolled_on').notNull(),
  language: text('language').notNull(),
  birthYear: text('birth_year').notNull(),
  state: text('state').notNull(),
  name: text('name').notNull(),
});

export const digitalJourneysRaw = sqliteTable('digital_journeys_raw', {
  rawId: integer('raw_id').primaryKey(),
  batchId: integer('batch_id').notNull(),
  lineNo: integer('line_no').notNull(),
  eventId: text('event_id').notNull(),
  memberId: text('member_id').notNull(),
  sessionId: text('session_id').notNull(),
  ts: text('ts').notNull(),
  channel: text('channel').notNull(),
  device: text('device').notNull(),
  journey: text('journey').notNull(),
  step: text('step').notNull(),
  outcome: text('outcome').notNull(),
  errorMessage: text('error_message').notNull(),
});

export const callLogsRaw = sqliteTable('call_logs_raw', {
  rawId: integer('raw_id').primaryKey(),
  batchId: integer('batch_id').notNull(),
  lineNo: integer('line_no').notNull(),
  callId: text('call_id').notNull(),
  memberId: text('member_id').notNull(),
  startedAt: text('started_at').notNull(),
  endedAt: text('ended_at').notNull(),
  interaction: text('interaction').notNull(),
  ivrRoute: text('ivr_route').notNull(),
  agentId: text('agent_id').notNull(),
  disposition: text('disposition').notNull(),
  sentimentStart: text('sentiment_start').notNull(),
  sentimentEnd: text('sentiment_end').notNull(),
  surveyComment: text('survey_comment').notNull(),
  transcript: text('transcript').notNull(),
});
