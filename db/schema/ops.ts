/**
 * Ops: the store's own bookkeeping (imports, quarantine, pipeline state, settings),
 * and later the product's workflow tables (actions, alerts, digests).
 */
import { sqliteTable, integer, text, real, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';
import { SOURCE_KINDS } from '../../src/sources.ts';

/** One row per file import or simulator micro-batch. */
export const importBatches = sqliteTable('import_batches', {
  batchId: integer('batch_id').primaryKey(),
  source: text('source', { enum: ['csv', 'simulator'] }).notNull(),
  kind: text('kind', { enum: SOURCE_KINDS }).notNull(),
  file: text('file').notNull(),
  sha256: text('sha256'),
  firstRawId: integer('first_raw_id'),
  lastRawId: integer('last_raw_id'),
  rowsLoaded: integer('rows_loaded').notNull(),
  rowsQuarantined: integer('rows_quarantined').notNull(),
  importedAt: integer('imported_at').notNull(),
}, (t) => [index('import_batches_sha').on(t.sha256)]);

/** Rejected rows: never silently dropped. */
export const quarantine = sqliteTable('quarantine', {
  id: integer('id').primaryKey(),
  batchId: integer('batch_id').notNull(),
  file: text('file').notNull(),
  lineNo: integer('line_no').notNull(),
  rawLine: text('raw_line').notNull(),
  reasonCode: text('reason_code').notNull(),
  reason: text('reason').notNull(),
  /** A stream message rejected whole (not JSON, wrong shape, unknown subject): where it sat in the stream. Null for file rows. */
  subject: text('subject'),
  streamSeq: integer('stream_seq'),
}, (t) => [index('quarantine_batch').on(t.batchId)]);

/** Small key/value settings: pipeline watermarks and the definitions the store was computed with. */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/**
 * Members whose leakage must be recomputed, with the span of call start times that new rows
 * can affect. Persisted, so a crash between silver and gold loses no work.
 */
export const dirtyMembers = sqliteTable('dirty_members', {
  memberId: text('member_id').primaryKey(),
  fromMs: integer('from_ms').notNull(),
  toMs: integer('to_ms').notNull(),
});

/**
 * Local dates whose gold rows must be rebuilt from leakage. Persisted for the same reason: a large
 * recompute commits member by member in several transactions (so it never holds the write lock
 * long), and the days it touched must survive until the gold step has rebuilt them.
 */
export const goldPendingDays = sqliteTable('gold_pending_days', {
  date: text('date').primaryKey(),
});

/**
 * Digest posts: one row per channel and covered day, the exactly-once ledger. The row is
 * claimed (status 'posting') before Slack is called and completed ('posted' with the message
 * ts) after, so a restart, a second instance or a retry finds it and does not post again.
 * 'failed' keeps the last reason for the Home tab; nothing was posted for a failed row, so it may be
 * retried. 'interrupted' is a claim whose process died mid-post: it may have gone out, so it is never retried.
 */
export const digestPosts = sqliteTable('digest_posts', {
  channel: text('channel').notNull(),
  digestDate: text('digest_date').notNull(),
  /** The first day the digest covers (digest_date is the last): a digest covers every complete day since the one before. Null: that day alone. */
  fromDate: text('from_date'),
  role: text('role', { enum: ['exec', 'ops'] }).notNull(),
  status: text('status', { enum: ['posting', 'posted', 'failed', 'interrupted'] }).notNull(),
  /** Which process holds the claim (host:pid:random), so a stale claim can be told from a live one. */
  claimedBy: text('claimed_by').notNull(),
  claimedAt: integer('claimed_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  late: integer('late', { mode: 'boolean' }).notNull().default(false),
  postedAt: integer('posted_at'),
  ts: text('ts'),
  channelId: text('channel_id'),
  /** Charts that could not be uploaded, or the reason the whole post failed. */
  error: text('error'),
}, (t) => [primaryKey({ columns: [t.channel, t.digestDate] }), index('digest_posts_status').on(t.status)]);

/**
 * Tracked actions: a recommended fix a team owns, from proposal to measured outcome.
 * `version` is bumped by every transition so a click on a stale message (older version in the
 * button value) or the loser of two simultaneous clicks changes nothing: the UPDATE matches no row.
 */
export const actions = sqliteTable('actions', {
  id: integer('id').primaryKey(),
  journey: text('journey').notNull(),
  segment: text('segment'),
  errorMessage: text('error_message'),
  title: text('title').notNull(),
  ownerTeam: text('owner_team').notNull(),
  assignee: text('assignee'),
  effort: text('effort'),
  expectedReductionPct: real('expected_reduction_pct'),
  estimatedSavingsPerYear: real('estimated_savings_per_year'),
  /** The recommendation this came from, so the digest button cannot create the same action twice. */
  recommendationId: text('recommendation_id'),
  status: text('status', { enum: ['proposed', 'acknowledged', 'in_progress', 'shipped', 'measured', 'dismissed'] }).notNull(),
  shipDate: text('ship_date'),
  dismissReason: text('dismiss_reason'),
  channel: text('channel'),
  threadTs: text('thread_ts'),
  version: integer('version').notNull().default(1),
  createdBy: text('created_by').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  remindedAt: integer('reminded_at'),
  interimPostedAt: integer('interim_posted_at'),
  finalPostedAt: integer('final_posted_at'),
  /** Last outcome measured (JSON), refreshed daily while shipped. */
  lastOutcome: text('last_outcome'),
  lastMeasuredOn: text('last_measured_on'),
  /** The version the Slack parent message shows; behind `version` means it needs a chat.update. */
  messageVersion: integer('message_version'),
  /** Failed attempts to post the parent message: the hourly job stops at a bound (src/actions/jobs.ts), across restarts. */
  postAttempts: integer('post_attempts').notNull().default(0),
  /** Why the last attempt failed, as Slack said it. */
  postError: text('post_error'),
}, (t) => [index('actions_status').on(t.status), index('actions_recommendation').on(t.recommendationId)]);

/** Append-only: every accepted transition, who made it, when and from where. */
export const actionHistory = sqliteTable('action_history', {
  id: integer('id').primaryKey(),
  actionId: integer('action_id').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status').notNull(),
  byUser: text('by_user').notNull(),
  at: integer('at').notNull(),
  via: text('via', { enum: ['slack-button', 'slack-modal', 'slack-command', 'cli', 'scheduler'] }).notNull(),
  detail: text('detail'),
  /** Set when the thread reply for this row was posted (claimed before posting), so a CLI change is announced once. */
  announcedAt: integer('announced_at'),
}, (t) => [index('action_history_action').on(t.actionId)]);

/**
 * Change annotations: a release, a benefit change, an outage. Root cause lists those near the start
 * of a spike, and charts can mark them. journey null means the note applies to every journey.
 */
export const annotations = sqliteTable('annotations', {
  id: integer('id').primaryKey(),
  date: text('date').notNull(),
  text: text('text').notNull(),
  journey: text('journey'),
  createdAt: integer('created_at').notNull(),
  createdBy: text('created_by').notNull(),
}, (t) => [index('annotations_date').on(t.date)]);

/**
 * Slack Events API deliveries already handled, by event_id. Slack redelivers an event it thinks
 * we missed (X-Slack-Retry-Num) and Bolt does not de-duplicate; claimed here before the listener runs.
 */
export const slackEvents = sqliteTable('slack_events', {
  eventId: text('event_id').primaryKey(),
  eventType: text('event_type').notNull(),
  receivedAt: integer('received_at').notNull(),
}, (t) => [index('slack_events_received').on(t.receivedAt)]);

/**
 * Signatures of accepted Slack requests, each kept until its timestamp leaves the 5-minute replay
 * window: the same signed bytes sent again are refused, across a restart or a second instance.
 */
export const slackRequestSignatures = sqliteTable('slack_request_signatures', {
  signature: text('signature').primaryKey(),
  /** When the request's timestamp stops being accepted (epoch ms); the row may go after that. */
  expiresAt: integer('expires_at').notNull(),
}, (t) => [index('slack_request_signatures_expires').on(t.expiresAt)]);

/**
 * Alerts: spikes found by the insight scan and operational threshold hits, one row per alert.
 * `dedupe_key` names "the same alert" (rule + subject, no date): while one is live it is refreshed,
 * not re-raised, and within the rule's cooldown a resolved one is reopened instead of posted again.
 * `row_refs` (JSON) links the underlying call_ids / event_ids. Times are epoch ms.
 */
export const alerts = sqliteTable('alerts', {
  id: integer('id').primaryKey(),
  kind: text('kind', { enum: ['spike', 'threshold'] }).notNull(),
  rule: text('rule').notNull(),
  subjectType: text('subject_type', { enum: ['member', 'agent', 'journey', 'segment', 'error', 'interaction'] }).notNull(),
  subject: text('subject').notNull(),
  windowStart: integer('window_start').notNull(),
  windowEnd: integer('window_end').notNull(),
  value: real('value').notNull(),
  /** The threshold crossed (threshold rules) or the expected baseline (spikes). */
  threshold: real('threshold').notNull(),
  pValue: real('p_value'),
  text: text('text').notNull(),
  status: text('status', { enum: ['open', 'acknowledged', 'snoozed', 'resolved'] }).notNull(),
  snoozedUntil: integer('snoozed_until'),
  dedupeKey: text('dedupe_key').notNull(),
  channel: text('channel'),
  /** ts of the (grouped) channel message carrying this alert; 'posting' while a post is claimed. */
  messageTs: text('message_ts'),
  threadTs: text('thread_ts'),
  createdAt: integer('created_at').notNull(),
  lastSeenAt: integer('last_seen_at').notNull(),
  resolvedAt: integer('resolved_at'),
  /** Set when the "back to normal" thread reply was posted (claimed first), so it goes out once. */
  normalPostedAt: integer('normal_posted_at'),
  rowRefs: text('row_refs').notNull(),
  /** Subject details the message shows (journey of a segment spike, member id…), JSON. */
  detail: text('detail'),
}, (t) => [index('alerts_dedupe').on(t.dedupeKey, t.createdAt), index('alerts_status').on(t.status), index('alerts_message').on(t.messageTs)]);

/** One verdict per person per alert message (a second click changes it): the per-rule noise rate. */
export const alertFeedback = sqliteTable('alert_feedback', {
  alertId: integer('alert_id').notNull(),
  rule: text('rule').notNull(),
  user: text('user').notNull(),
  verdict: text('verdict', { enum: ['useful', 'noise', 'known'] }).notNull(),
  at: integer('at').notNull(),
}, (t) => [primaryKey({ columns: [t.alertId, t.user] }), index('alert_feedback_rule').on(t.rule, t.at)]);
