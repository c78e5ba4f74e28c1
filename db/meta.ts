/**
 * The meta table: small named values the pipeline and the simulator keep beside the data
 * (watermarks, definitions, positions), written inside the transaction they describe.
 */
import type Database from 'better-sqlite3';

export function readMeta(sqlite: Database.Database, key: string): string | undefined {
  return sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck().get(key) as string | undefined;
}

export function writeMeta(sqlite: Database.Database, key: string, value: string): void {
  sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function deleteMeta(sqlite: Database.Database, key: string): void {
  sqlite.prepare('DELETE FROM meta WHERE key = ?').run(key);
}
