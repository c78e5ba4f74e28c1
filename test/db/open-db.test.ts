import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openStore } from '../../db/open-db.ts';
import { tempDir } from '../helpers/csv.ts';

const folder = path.resolve(import.meta.dirname, '../../db/migrations');
const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string; when: number }[] };
const recorded = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT created_at FROM __drizzle_migrations ORDER BY created_at').pluck().all().map(Number);
  } finally {
    db.close();
  }
};

describe('openStore applies migrations on open', () => {
  it('a new store gets every migration, and reopening an up-to-date store changes nothing', () => {
    const file = path.join(tempDir(), 'new.db');
    openStore(file).close();
    expect(recorded(file)).toEqual(journal.entries.map((e) => e.when));
    openStore(file).close();
    expect(recorded(file)).toEqual(journal.entries.map((e) => e.when));
  });

  it('a store one migration behind gets the newest on open', () => {
    // The same store an older checkout made: drizzle's migrator over the folder minus its newest entry.
    const dir = tempDir();
    const older = path.join(dir, 'migrations');
    fs.cpSync(folder, older, { recursive: true });
    const olderJournal = { ...journal, entries: journal.entries.slice(0, -1) };
    fs.writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify(olderJournal));
    const file = path.join(dir, 'behind.db');
    const sqlite = new Database(file);
    migrate(drizzle({ client: sqlite }), { migrationsFolder: older });
    sqlite.close();
    expect(recorded(file)).toEqual(olderJournal.entries.map((e) => e.when));

    const store = openStore(file);
    store.close();
    expect(recorded(file)).toEqual(journal.entries.map((e) => e.when));
  });
});
