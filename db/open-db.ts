/**
 * Opens the store: a real SQLite file through better-sqlite3, migrations applied on open,
 * so nobody ever runs a migration by hand.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { projectPath } from '../src/project-path.ts';

const migrationsFolder = projectPath('db', 'migrations');

export type Store = {
  /** The connection: the pipeline's set-based SQL and every read path use prepared statements on it. */
  sqlite: Database.Database;
  file: string;
  close(): void;
};

/**
 * `create: false` opens only a store that exists (better-sqlite3 then throws SQLITE_CANTOPEN and
 * creates neither the file nor its folder): what a command that only reads wants.
 */
export function openStore(file: string, opts: { create?: boolean } = {}): Store {
  const create = opts.create ?? true;
  if (create && file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, { fileMustExist: !create });
  try {
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('busy_timeout = 10000');
    sqlite.pragma('cache_size = -200000');
    sqlite.pragma('temp_store = MEMORY');
    applyMigrations(sqlite);
  } catch (e) {
    sqlite.close();
    throw e;
  }
  return { sqlite, file, close: () => sqlite.close() };
}

const require = createRequire(import.meta.url);

let newestWhen: number | undefined;
/** The journal's newest migration (its `when`), read once per process: every store opened shares it. */
function newestMigration(): number {
  if (newestWhen === undefined) {
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
    newestWhen = Math.max(...journal.entries.map((e) => e.when));
  }
  return newestWhen;
}

/**
 * Applies the drizzle-kit migrations the store has not had yet, with drizzle's own migrator. That
 * migrator (and drizzle with it) is loaded only when one is pending: on an up-to-date store the
 * import alone was a large share of every CLI answer's and every cold digest's start.
 */
function applyMigrations(sqlite: Database.Database): void {
  if (isUpToDate(sqlite)) return;
  const { drizzle } = require('drizzle-orm/better-sqlite3') as typeof import('drizzle-orm/better-sqlite3');
  const { migrate } = require('drizzle-orm/better-sqlite3/migrator') as typeof import('drizzle-orm/better-sqlite3/migrator');
  migrate(drizzle({ client: sqlite }), { migrationsFolder });
}

/** drizzle's own rule: a migration is pending when it is newer than the newest one recorded. */
function isUpToDate(sqlite: Database.Database): boolean {
  const newest = newestMigration();
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
  if (!hasTable) return false;
  const applied = sqlite.prepare('SELECT max(created_at) FROM __drizzle_migrations').pluck().get() as number | null;
  return applied !== null && Number(applied) >= newest;
}
