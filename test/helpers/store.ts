/** A real SQLite store for tests (in memory by default), with the config a test asks for. */
import { openStore, type Store } from '../../db/open-db.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { consoleLogger, type Context } from '../../src/context.ts';

export function makeDeps(opts: { env?: Record<string, string>; now?: number | string; file?: string } = {}): Context & { store: Store; config: Config } {
  const config = loadConfig({ LEAK_DB: opts.file ?? ':memory:', ...opts.env });
  const store = openStore(config.dbFile);
  const now = typeof opts.now === 'string' ? Date.parse(opts.now) : (opts.now ?? Date.parse('2026-11-24T17:00:00Z'));
  return { store, config, now: () => now, log: consoleLogger };
}
