import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { tempDir } from '../../helpers/csv.ts';
import { historyStore, tables } from '../../helpers/random-history.ts';
import { readMeta } from '../../../db/meta.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
type Deps = ReturnType<typeof makeDeps>;

/**
 * A new LEAK_TZ moves every stored local date a rowid range per transaction (a full-scale store
 * has tens of millions of rows). The ranges must not change any table, and a crash between them
 * must resume where the last commit stopped.
 */
const TOKYO = { LEAK_TZ: 'Asia/Tokyo' };

async function loadHistory(seed: number, opts: { file?: string; env?: Record<string, string> } = {}): Promise<Deps> {
  const deps = await historyStore(seed, opts);
  runPipeline(deps.store, deps.config);
  return deps;
}

const relocalizing = (deps: Deps) => readMeta(deps.store.sqlite, 'relocalize_after');

describe('a new LEAK_TZ moves the stored local dates a range of rows per transaction', () => {
  it('gives the tables a store computed in the new zone from the start has, one row per transaction', async () => {
    let moved = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const fresh = await loadHistory(seed, { env: TOKYO });
      const deps = await loadHistory(seed);
      const before = tables(deps.store);
      const r = runPipeline(deps.store, { ...deps.config, timeZone: 'Asia/Tokyo' }, { relocalizeRows: 1 });
      expect(r.full).toBe(true);
      expect(relocalizing(deps)).toBeUndefined();
      expect(tables(deps.store), `seed ${seed}`).toEqual(tables(fresh.store));
      moved += before.calls.filter((c, i) => c.local_date !== tables(deps.store).calls[i].local_date).length;
    }
    // The histories straddle midnight in Tokyo: some dates did move.
    expect(moved).toBeGreaterThan(0);
  });

  it('a crash between ranges keeps the ranges already moved, and the next run finishes the rest', async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const fresh = await loadHistory(seed, { env: TOKYO });
      const file = `${tempDir()}/leak.db`;
      const crashed = await loadHistory(seed, { file });
      const { sqlite } = crashed.store;
      // The crash comes with the first range of calls: every digital range before it has committed.
      sqlite.exec(`CREATE TEMP TRIGGER crash_in_range AFTER UPDATE ON meta
        WHEN NEW.key = 'relocalize_after' AND NEW.value ->> '$.call_logs_cleaned' > 0 BEGIN SELECT raise(ABORT, 'injected crash'); END`);
      expect(() => runPipeline(crashed.store, { ...crashed.config, timeZone: 'Asia/Tokyo' }, { relocalizeRows: 2 })).toThrow('injected crash');
      crashed.store.close();

      // What a crashed process leaves is what was committed: the events moved, the calls not yet.
      const deps = makeDeps({ file, env: TOKYO });
      expect(relocalizing(deps)).toBeDefined();
      expect(tables(deps.store).digital, `seed ${seed}`).toEqual(tables(fresh.store).digital);
      const r = runPipeline(deps.store, deps.config, { relocalizeRows: 3 });
      expect(r.batches).toBe(0);
      expect(r.full).toBe(true);
      expect(relocalizing(deps)).toBeUndefined();
      expect(tables(deps.store), `seed ${seed}`).toEqual(tables(fresh.store));
    }
  });

  it('stops with a conflict when another process stores other settings between ranges', async () => {
    const deps = await loadHistory(1);
    deps.store.sqlite.exec(`CREATE TEMP TRIGGER other_settings AFTER UPDATE ON meta WHEN NEW.key = 'relocalize_after'
      BEGIN UPDATE meta SET value = '{"other":true}' WHERE key = 'definitions'; END`);
    expect(() => runPipeline(deps.store, { ...deps.config, timeZone: 'Asia/Tokyo' }, { relocalizeRows: 1 })).toThrow(/Another Leak process stored different LEAK_TZ/);
    // It stopped between ranges, not later in the leakage chunks.
    expect(relocalizing(deps)).toBeDefined();
  });

  it('refuses a range size that could never finish', () => {
    const deps = makeDeps();
    for (const relocalizeRows of [0, -1, 1.5, 1e20]) expect(() => runPipeline(deps.store, deps.config, { relocalizeRows })).toThrow(/relocalizeRows must be a whole number/);
  });
});
