/**
 * The default demo `npm start` backfills (DEMO), anchored on a Sunday so the incident is 12 days
 * old: every alert rule, the spike with the rules file's real minimums among them, is raised over
 * its history. Minutes of work on this machine, so it runs with `npm run test:scenario`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../db/open-db.ts';
import { loadConfig } from '../../../src/config.ts';
import { consoleLogger } from '../../../src/context.ts';
import { startServices } from '../../../src/services/start-services.ts';
import { RULE_NAMES } from '../../../src/alerts/rules.ts';
import { zoneClock } from '../../../src/time.ts';

describe('the default demo', () => {
  it('raises every alert rule over its backfilled history, the billing incident among them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leak-demo-'));
    const config = loadConfig({ LEAK_DB: path.join(dir, 'leak.db'), LEAK_DIGEST_DIR: path.join(dir, 'digests'), LEAK_INBOX: path.join(dir, 'inbox') });
    const store = openStore(config.dbFile);
    const end = Date.parse('2026-11-29T17:00:00Z');
    const lines: string[] = [];
    const ctx = { store, config, now: () => end, log: { ...consoleLogger, info: (m: string) => lines.push(m) } };
    const services = await startServices(ctx, { live: { maxBatches: 0, now: () => end } });
    for (const s of services) await s.stop();
    const rules = store.sqlite.prepare('SELECT DISTINCT rule FROM alerts').pluck().all() as string[];
    expect(rules.sort()).toEqual([...RULE_NAMES].sort());
    const spike = store.sqlite.prepare("SELECT subject, window_start FROM alerts WHERE rule = 'leak_spike' ORDER BY id").all() as { subject: string; window_start: number }[];
    expect(spike.map((s) => s.subject)).toContain('MAPD New billing');
    // On the incident's first day, a Tuesday release (2026-11-17).
    expect(spike.map((s) => zoneClock(config.timeZone).localDate(s.window_start))).toContain('2026-11-17');
    expect(lines.join('\n')).toMatch(/Alerts: [\d,]+ threshold alerts and \d+ spike alerts? over that history/);
    store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
