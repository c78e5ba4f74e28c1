import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { tempDir } from '../../helpers/csv.ts';
import { snapshot } from '../../helpers/leak-fixture.ts';
import { history, importRound, tables } from '../../helpers/random-history.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { prepareLeakage } from '../../../src/pipeline/leakage.ts';
type Deps = ReturnType<typeof makeDeps>;

/**
 * Dirty members are recomputed a chunk per transaction, so a backfill that dirtied every member
 * never holds the write lock for the whole recompute. The chunking must not change any table, and
 * a crash between chunks must lose nothing.
 */
async function loadHistory(seed: number, file?: string): Promise<Deps> {
  const deps = makeDeps({ file });
  for (const [i, r] of history(seed, true).entries()) await importRound(deps.store, r, i);
  return deps;
}

/** The history's tables after one uninterrupted run with the default chunk. */
async function referenceRun(seed: number): Promise<Deps> {
  const deps = await loadHistory(seed);
  runPipeline(deps.store, deps.config);
  return deps;
}

const count = (deps: Deps, table: string) => deps.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

describe('leakage recomputed in chunks of dirty members', () => {
  it('gives the same tables as one chunk, over 8 random histories, one member per transaction', async () => {
    let leaked = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const whole = await referenceRun(seed);
      const chunked = await loadHistory(seed);
      const r = runPipeline(chunked.store, chunked.config, { leakageChunk: 1 });
      expect(tables(chunked.store), `seed ${seed}`).toEqual(tables(whole.store));
      expect(r.longestWriteMs).toBeGreaterThan(0);
      expect(r.longestWriteMs).toBeLessThanOrEqual(r.ms);
      leaked += snapshot(whole.store).leakage.length;
    }
    expect(leaked).toBeGreaterThan(8);
  });

  it('a crash in the last chunk keeps the earlier chunks and their days, and the next run finishes the rest', async () => {
    let keptDays = 0;
    for (let seed = 1; seed <= 8; seed++) {
      const reference = await referenceRun(seed);
      // A file store, reopened after the crash: what a crashed process leaves is what was committed.
      const file = `${tempDir()}/leak.db`;
      const crashed = await loadHistory(seed, file);
      const { sqlite } = crashed.store;
      prepareLeakage(sqlite);
      // Chunks go in member order, so the greatest dirty member is in the last one.
      sqlite.exec(`CREATE TEMP TRIGGER crash_in_chunk AFTER INSERT ON dirty_chunk
        WHEN NEW.member_id = (SELECT max(member_id) FROM dirty_members) BEGIN SELECT raise(ABORT, 'injected crash'); END`);
      expect(() => runPipeline(crashed.store, crashed.config, { leakageChunk: 1 }), `seed ${seed}`).toThrow('injected crash');
      expect(sqlite.inTransaction).toBe(false);
      crashed.store.close();

      const deps = makeDeps({ file });
      expect(count(deps, 'dirty_members'), `seed ${seed}`).toBe(1);
      keptDays += count(deps, 'gold_pending_days');
      const r = runPipeline(deps.store, deps.config, { leakageChunk: 2 });
      expect(r.batches).toBe(0);
      expect(count(deps, 'dirty_members')).toBe(0);
      expect(count(deps, 'gold_pending_days')).toBe(0);
      expect(tables(deps.store), `seed ${seed}`).toEqual(tables(reference.store));
    }
    expect(keptDays).toBeGreaterThan(0);
  });

  it('stops with a conflict when another process stores other settings between chunks', async () => {
    const deps = await loadHistory(1);
    prepareLeakage(deps.store.sqlite);
    // What a second process with another cost per call would store while this run is between chunks.
    deps.store.sqlite.exec(`CREATE TEMP TRIGGER other_settings AFTER INSERT ON dirty_chunk
      BEGIN UPDATE meta SET value = '{"other":true}' WHERE key = 'definitions'; END`);
    expect(() => runPipeline(deps.store, deps.config, { leakageChunk: 1 })).toThrow(/Another Leak process stored different LEAK_TZ/);
  });

  it('refuses a chunk size that could never finish', () => {
    const deps = makeDeps();
    for (const leakageChunk of [0, -1, 1.5]) expect(() => runPipeline(deps.store, deps.config, { leakageChunk })).toThrow(/leakageChunk must be a whole number/);
  });
});
