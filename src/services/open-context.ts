/**
 * What the CLI and `npm start` do first: read the settings, check the files the features read
 * (alert rules, action catalog), and open the store. A broken file stops the start with its one
 * line, before anything runs, rather than failing some later answer.
 */
import { openStore } from '../../db/open-db.ts';
import { loadConfig, type Config } from '../config.ts';
import { consoleLogger, type Context } from '../context.ts';
import { alertRules } from '../alerts/rules.ts';
import { loadActionCatalog } from '../actions/catalog.ts';

export function openContext(env: NodeJS.ProcessEnv = process.env): Context {
  const config = loadConfig(env);
  checkFeatureFiles(config);
  return { store: openStore(config.dbFile), config, now: () => Date.now(), log: consoleLogger };
}

/** Each feature reads and checks its own file; this is where a start asks them all. */
export function checkFeatureFiles(config: Config): void {
  alertRules(config);
  loadActionCatalog(config.actionCatalog);
}
