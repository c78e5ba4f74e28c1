/**
 * Opens the store: a real SQLite file through better-sqlite3, migrations applied on open,
 * so nobody ever runs a migration by hand.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema/index.ts';

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export type Store = {
  /** Raw connection for the set-based pipeline SQL and hot read paths. */
  sqlite: Database.Database;
  /** Typed access for everything else. */
  db: BetterSQLite3Database<typeof schema>;
  file: string;
  close(): void;
};

export function openStore(file: string): Store {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 10000');
  sqlite.pragma('cache_size = -200000');
  sqlite.pragma('temp_store = MEMORY');
  const db = drizzle({ client: sqlite, schema });
  migrate(db, { migrationsFolder });
  return { sqlite, db, file, close: () => sqlite.close() };
}
