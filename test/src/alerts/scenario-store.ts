/**
 * The default scenario, simulated once and kept: a store at 10% scale over 102 days (60 clean days
 * with four weeks of baseline before them, then the billing incident's 14 days) takes minutes to
 * generate, so it is cached in the OS temp directory under a hash of the simulator's code and the
 * parameters (not the pipeline's: refactors there land many times a day and must not cost a rebuild
 * each; a pipeline change that altered leak counts would fail the pipeline's own tests first).
 * Later runs open the cached file; newer migrations apply on open.
 * Scans only read it.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../../../db/open-db.ts';
import { loadConfig } from '../../../src/config.ts';
import { runBackfill } from '../../../src/simulator/backfill.ts';
import { consoleLogger, type Context } from '../../../src/context.ts';

export const SCENARIO = { seed: 7, scale: 0.1, days: 102, end: Date.parse('2026-11-24T17:00:00Z') };
export const INCIDENT_START = '2026-11-10';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function codeHash(): string {
  const h = crypto.createHash('sha256').update(JSON.stringify(SCENARIO));
  for (const dir of ['src/simulator']) {
    for (const f of fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith('.ts')).sort()) h.update(f).update(fs.readFileSync(path.join(root, dir, f)));
  }
  return h.digest('hex').slice(0, 16);
}

export function scenarioDeps(): Context {
  const dir = path.join(os.tmpdir(), 'leak-alerts-scenario');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${codeHash()}.db`);
  const config = loadConfig({ LEAK_DB: file, LEAK_SIMULATE: 'on' });
  if (!fs.existsSync(`${file}.done`)) {
    for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
    const store = openStore(file);
    runBackfill(store, config, { ...SCENARIO, fixes: [] });
    store.close();
    fs.writeFileSync(`${file}.done`, new Date().toISOString());
  }
  return { store: openStore(file), config, now: () => SCENARIO.end, log: consoleLogger };
}
