/**
 * The event-log consumer's position, per stream and durable consumer: the highest stream sequence
 * whose rows are in bronze. Written in the same transaction as those rows, so after a crash a
 * redelivered message is recognised (its sequence is at or below this) and never applied twice.
 */
import { sqliteTable, integer, text, primaryKey } from 'drizzle-orm/sqlite-core';

export const streamOffsets = sqliteTable('stream_offsets', {
  stream: text('stream').notNull(),
  consumer: text('consumer').notNull(),
  appliedSeq: integer('applied_seq').notNull(),
  /** When the server created the stream: a stream deleted and made again under the same name starts its sequences over. */
  streamCreated: text('stream_created').notNull(),
  appliedAt: integer('applied_at').notNull(),
}, (t) => [primaryKey({ columns: [t.stream, t.consumer] })]);
