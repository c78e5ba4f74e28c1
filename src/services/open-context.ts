/**
 * What the CLI and `npm start` do first: read the settings, check the files the features read
 * (alert rules, action catalog), and open the store. A broken file stops the start with its one
 * line, before anything runs, rather than failing some later answer.
 */
import fs from 'node:fs';
import { openStore, type Store } from '../../db/open-db.ts';
import { loadConfig, type Config } from '../config.ts';
import { consoleLogger, type Context } from '../context.ts';
import { LeakError } from '../errors.ts';
import { alertRules } from '../alerts/rules.ts';
import { loadActionCatalog } from '../actions/catalog.ts';

/**
 * `createStore: false` (a command that only reads) opens an existing store and creates nothing: a
 * store that is not there is one line saying so, not an empty store answering "no leaked calls".
 */
export function openContext(env: NodeJS.ProcessEnv = process.env, opts: { createStore?: boolean } = {}): Context {
  const config = loadConfig(env);
  checkFeatureFiles(config);
  return { store: openNamedStore(config.dbFile, opts.createStore ?? true), config, now: () => Date.now(), log: consoleLogger };
}

/** Each feature reads and checks its own file; this is where a start asks them all. */
export function checkFeatureFiles(config: Config): void {
  alertRules(config);
  loadActionCatalog(config.actionCatalog);
}

/** openStore, with a failure to open turned into one line that names LEAK_DB and what to do. */
export function openNamedStore(file: string, create: boolean): Store {
  if (!create && file !== ':memory:' && !fs.existsSync(file)) {
    throw new LeakError(
      'not_found',
      `No store at ${file} (LEAK_DB): nothing to answer from yet. Run npm start for a demo or leak import to load data, or set LEAK_DB to an existing store.`,
    );
  }
  try {
    return openStore(file, { create });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new LeakError('bad_config', `LEAK_DB=${file} is not a SQLite database (${(e as Error).message}): point LEAK_DB at a Leak store, or at a new file name to create one.`);
    }
    if (typeof code === 'string' && code.startsWith('SQLITE_')) {
      throw new LeakError('bad_config', `LEAK_DB=${file} cannot be opened as a store (${(e as Error).message}): point LEAK_DB at a Leak store, or at a new file name to create one.`);
    }
    throw e;
  }
}
