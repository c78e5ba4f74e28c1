import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { CALL_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { callRow, eventRow, load, rowCount, snapshot } from '../../helpers/leak-fixture.ts';
import { history, historyStore, importRound, importRounds, spreadHistory, tables, type Round } from '../../helpers/random-history.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { prepareLeakage } from '../../../src/pipeline/leakage.ts';
type Deps = ReturnType<typeof makeDeps>;

/**
 * Dirty members are recomputed a chunk per transaction, so a backfill that dirtied every member
 * never holds the write lock for the whole recompute. The chunking must not change any table, and
 * a crash between chunks must lose nothing.
 */
const loadHistory = (seed: number, file?: string) => historyStore(seed, { file });

/** The history's tables after one uninterrupted run with the default chunk. */
async function referenceRun(seed: number): Promise<Deps> {
  const deps = await loadHistory(seed);
  runPipeline(deps.store, deps.config);
  return deps;
}

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
      expect(rowCount(deps.store, 'dirty_members'), `seed ${seed}`).toBe(1);
      keptDays += rowCount(deps.store, 'gold_pending_days');
      const r = runPipeline(deps.store, deps.config, { leakageChunk: 2 });
      expect(r.batches).toBe(0);
      expect(rowCount(deps.store, 'dirty_members')).toBe(0);
      expect(rowCount(deps.store, 'gold_pending_days')).toBe(0);
      expect(tables(deps.store), `seed ${seed}`).toEqual(tables(reference.store));
    }
    expect(keptDays).toBeGreaterThan(0);
  });

  it('a call corrected to a member whose chunk comes first does not collide with its old leaked row', async () => {
    const deps = makeDeps();
    await load(deps, {
      digital: [eventRow({ id: 'e1', member: 'M-000001', ts: '2026-11-14T12:00:00Z', outcome: 'error' }), eventRow({ id: 'e2', member: 'M-000002', ts: '2026-11-14T12:00:00Z', outcome: 'error' })],
      calls: [callRow({ id: 'c1', member: 'M-000002', start: '2026-11-14T12:10:00Z' })],
    });
    // The correction: c1 was M-000001's call. Both members are dirty, M-000001's chunk first.
    await importCsvFile(deps.store, 'calls', writeCsv(tempDir(), 'fix.csv', CALL_HEADER, [callRow({ id: 'c1', member: 'M-000001', start: '2026-11-14T12:10:00Z' })]));
    runPipeline(deps.store, deps.config, { leakageChunk: 1 });
    const rows = deps.store.sqlite.prepare('SELECT call_id, member_id, failure_event_id FROM digital_call_leakage').all();
    expect(rows).toEqual([{ call_id: 'c1', member_id: 'M-000001', failure_event_id: 'e1' }]);
  });

  it('incremental runs a member and a gold day per transaction end where one fresh load does, over 24 random correction histories', async () => {
    const histories: Round[][] = [];
    for (let seed = 1; seed <= 12; seed++) histories.push(history(seed, true), spreadHistory(seed));
    let scattered = 0;
    for (const [n, rounds] of histories.entries()) {
      const fresh = makeDeps();
      await importRounds(fresh.store, rounds);
      runPipeline(fresh.store, fresh.config);
      const deps = makeDeps();
      for (const [i, r] of rounds.entries()) {
        await importRound(deps.store, r, i);
        const { changedDays } = runPipeline(deps.store, deps.config, { leakageChunk: 1, goldDays: 1 });
        if (changedDays.some((d, j) => j > 0 && Date.parse(d) - Date.parse(changedDays[j - 1]) > 86_400_000)) scattered++;
      }
      expect(tables(deps.store), `history ${n}`).toEqual(tables(fresh.store));
    }
    // Runs whose days were not contiguous: what the savings model's 7-day reach must survive.
    expect(scattered).toBeGreaterThan(10);
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
