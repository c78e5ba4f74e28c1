/**
 * Bronze: raw rows exactly as they arrived (text, original id forms), append-only,
 * plus ingestion metadata (which batch, which line). Nothing here is ever updated.
 * A batch is written in one transaction, so its rows are one contiguous raw_id range
 * (recorded in import_batches): the pipeline reads a batch by that range, no extra index.
 * One table per source, its columns those the source declares (src/sources.ts), as text.
 */
import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
import { CONTRACTS, type SourceKind } from '../../src/sources.ts';

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const rawTable = (kind: SourceKind) =>
  sqliteTable(CONTRACTS[kind].bronzeTable, {
    rawId: integer('raw_id').primaryKey(),
    batchId: integer('batch_id').notNull(),
    lineNo: integer('line_no').notNull(),
    ...Object.fromEntries(CONTRACTS[kind].columns.map((c) => [camel(c.name), text(c.name).notNull()])),
  });

export const memberProfilesRaw = rawTable('members');
export const digitalJourneysRaw = rawTable('digital');
export const callLogsRaw = rawTable('calls');
