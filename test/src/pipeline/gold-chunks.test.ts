import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { tempDir } from '../../helpers/csv.ts';
import { simulatedStore } from '../../helpers/simulated.ts';
import { tables } from '../../helpers/random-history.ts';
import { rowCount } from '../../helpers/leak-fixture.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';

/**
 * A full recompute (new window, time zone or cost) leaves every day of gold pending; the pipeline
 * rebuilds them a few days per transaction. Days rebuilt apart must give the same gold (the savings
 * model reads the 7 days before each date), and a crash between them must lose nothing.
 */
const DAYS = 12;
const world = (file?: string) => simulatedStore({ days: DAYS, scale: 0.001, file }).deps;

describe('gold rebuilt a few days per transaction', () => {
  for (const [what, change] of [
    ['window', { windowMinutes: 20 }],
    ['cost per call', { costPerCall: 6.5 }],
  ] as const) {
    it(`after a new ${what}, one day per transaction gives the tables one transaction gives`, () => {
      const whole = world();
      const r1 = runPipeline(whole.store, { ...whole.config, ...change });
      const apart = world();
      const r2 = runPipeline(apart.store, { ...apart.config, ...change }, { goldDays: 1, leakageChunk: 3 });
      expect(r1.changedDays.length).toBeGreaterThan(DAYS);
      expect(r2.changedDays).toEqual(r1.changedDays);
      expect(tables(apart.store)).toEqual(tables(whole.store));
    });
  }

  it('a crash in the last days keeps the days already rebuilt, and the next run finishes the rest', () => {
    const reference = world();
    runPipeline(reference.store, { ...reference.config, windowMinutes: 20 });
    const file = `${tempDir()}/leak.db`;
    const crashed = world(file);
    const days = rowCount(crashed.store, 'daily_leakage_summary');
    crashed.store.sqlite.exec(`CREATE TEMP TRIGGER crash_in_gold AFTER DELETE ON gold_pending_days
      WHEN OLD.date = (SELECT max(date) FROM daily_leakage_summary) BEGIN SELECT raise(ABORT, 'injected crash'); END`);
    expect(() => runPipeline(crashed.store, { ...crashed.config, windowMinutes: 20 }, { goldDays: 4 })).toThrow('injected crash');
    crashed.store.close();

    const deps = makeDeps({ file, env: { LEAK_WINDOW_MINUTES: '20' } });
    const pending = rowCount(deps.store, 'gold_pending_days');
    expect(pending).toBeGreaterThan(0);
    expect(pending).toBeLessThanOrEqual(4);
    expect(rowCount(deps.store, 'dirty_members')).toBe(0);
    expect(days).toBeGreaterThan(0);
    runPipeline(deps.store, deps.config, { goldDays: 4 });
    expect(rowCount(deps.store, 'gold_pending_days')).toBe(0);
    expect(tables(deps.store)).toEqual(tables(reference.store));
  });

  it('refuses a day count that could never finish', () => {
    const deps = makeDeps();
    for (const goldDays of [0, -2, 0.5]) expect(() => runPipeline(deps.store, deps.config, { goldDays })).toThrow(/goldDays must be a whole number/);
  });
});
