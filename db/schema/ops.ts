/**
 * Ops: the store's own bookkeeping (imports, quarantine, pipeline state, settings),
 * and later the product's workflow tables (actions, alerts, digests).
 */
import { sqliteTable, integer, text, real, index, uniqueIndex, primaryKey } from 'drizzle-orm/sqlite-core';

/** One row per file import or simulator micro-batch. */
export const importBatches = sqliteTable('import_batches', {
  batchId: integer('batch_id').primaryKey(),
  source: text('source', { enum: ['csv', 'simulator'] }).notNull(),
  kind: text('kind', { enum: ['members', 'digital', 'calls'] }).notNull(),
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
