/**
 * Sources: digital_journeys_cleaned, call_logs_cleaned, rewritten in place (grain unchanged).
 * After a LEAK_TZ change every stored local date (and call minute) moves to the new zone. The
 * rewrite goes a rowid range per transaction, its position kept in meta: a full-scale store holds
 * tens of millions of rows, and one transaction over all of them would keep the bot's own writes
 * waiting past their busy timeout. A crash between ranges resumes where the last commit stopped.
 */
import type Database from 'better-sqlite3';
import { deleteMeta, readMeta, writeMeta } from '../../db/meta.ts';

const KEY = 'relocalize_after';
const TABLES = [
  { name: 'digital_journeys_cleaned', set: 'local_date = leak_local_date(ts)' },
  { name: 'call_logs_cleaned', set: 'local_date = leak_local_date(started_at), local_minute = leak_local_minute(started_at)' },
] as const;

/** Per table, the last rowid already in the new zone. */
type Position = Record<(typeof TABLES)[number]['name'], number>;

/** Marks every stored row as still in the old zone; call in the transaction that stores the new LEAK_TZ. */
export function startRelocalizing(sqlite: Database.Database): void {
  const from: Position = { digital_journeys_cleaned: 0, call_logs_cleaned: 0 };
  writeMeta(sqlite, KEY, JSON.stringify(from));
}

/** True while a move is unfinished (also after a crash): only then does the pipeline open a transaction for it. */
export const isRelocalizing = (sqlite: Database.Database) => readMeta(sqlite, KEY) !== undefined;

/**
 * Moves up to `rows` more rows to the zone the SQL functions were registered with; returns false
 * once nothing is left (and forgets the position). Run one call per transaction.
 */
export function relocalizeNextRange(sqlite: Database.Database, rows: number): boolean {
  const stored = readMeta(sqlite, KEY);
  if (stored === undefined) return false;
  const position = JSON.parse(stored) as Position;
  for (const table of TABLES) {
    const after = position[table.name];
    const upTo = sqlite
      .prepare(`SELECT max(rowid) FROM (SELECT rowid FROM ${table.name} WHERE rowid > ? ORDER BY rowid LIMIT ?)`)
      .pluck()
      .get(after, rows) as number | null;
    if (upTo === null) continue;
    sqlite.prepare(`UPDATE ${table.name} SET ${table.set} WHERE rowid > ? AND rowid <= ?`).run(after, upTo);
    position[table.name] = upTo;
    writeMeta(sqlite, KEY, JSON.stringify(position));
    return true;
  }
  deleteMeta(sqlite, KEY);
  return false;
}
