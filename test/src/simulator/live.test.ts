import { describe, expect, it } from 'vitest';
import { runLive, type LiveOptions } from '../../../src/simulator/live.ts';
import { loadSimState } from '../../../src/simulator/state.ts';
import { END, simulatedStore, tableRows } from '../../helpers/simulated.ts';

/** A fake real-time clock: sleeping advances it, so the live loop runs without waiting. */
function fakeTime(opts: { batches: number; stopAfter?: number }): Omit<LiveOptions, 'signal'> & { signal: AbortSignal } {
  let now = 1_000_000;
  const controller = new AbortController();
  let done = 0;
  return {
    speed: 3600,
    batchMs: 2000,
    now: () => now,
    sleep: async (ms) => {
      now += ms;
    },
    signal: controller.signal,
    maxBatches: opts.batches,
    onBatch: () => {
      if (++done === opts.stopAfter) controller.abort();
    },
  };
}

const REQUEST = { seed: 9, scale: 0.004, days: 1, end: END, fixes: [] };

function liveWorld() {
  return simulatedStore({ seed: REQUEST.seed, scale: REQUEST.scale, days: REQUEST.days });
}

describe('live stream', () => {
  it('micro-batches advance simulated time and produce leaked calls through the pipeline', async () => {
    const { deps } = liveWorld();
    const goldBefore = deps.store.sqlite.prepare('SELECT sum(calls) FROM daily_leakage_summary').pluck().get() as number;
    const summary = await runLive(deps.store, deps.config, REQUEST, fakeTime({ batches: 6 }));
    expect(summary.batches).toBe(6);
    // speed 3600 × 2 s = 2 simulated hours a batch.
    expect(Date.parse(summary.simulatedTo) - Date.parse(summary.simulatedFrom)).toBe(12 * 3600_000);
    expect(summary.rows.digital).toBeGreaterThan(0);
    expect(summary.leakedCalls).toBeGreaterThan(0);
    const goldAfter = deps.store.sqlite.prepare('SELECT sum(calls) FROM daily_leakage_summary').pluck().get() as number;
    expect(goldAfter - goldBefore).toBe(summary.leakedCalls);
    expect(loadSimState(deps.store)!.cut).toEqual({ digital: Date.parse(summary.simulatedTo), calls: Date.parse(summary.simulatedTo) });
  });

  it('a stop and restart loses and duplicates nothing: same bronze and gold as an uninterrupted run', async () => {
    const straight = liveWorld();
    await runLive(straight.deps.store, straight.deps.config, REQUEST, fakeTime({ batches: 6 }));

    const interrupted = liveWorld();
    const first = await runLive(interrupted.deps.store, interrupted.deps.config, REQUEST, fakeTime({ batches: 10, stopAfter: 2 }));
    expect(first.batches).toBe(2);
    const second = await runLive(interrupted.deps.store, interrupted.deps.config, REQUEST, fakeTime({ batches: 4 }));
    expect(second.simulatedFrom).toBe(first.simulatedTo);

    const ids = (deps: typeof straight.deps, table: string, id: string) =>
      (deps.store.sqlite.prepare(`SELECT ${id} FROM ${table} ORDER BY ${id}`).pluck().all() as string[]);
    for (const [table, id] of [['digital_journeys_raw', 'event_id'], ['call_logs_raw', 'call_id']]) {
      const a = ids(straight.deps, table, id);
      const b = ids(interrupted.deps, table, id);
      expect(new Set(b).size).toBe(b.length);
      expect(b).toEqual(a);
    }
    for (const [table, order] of [['daily_leakage_summary', 'date, journey, segment, device, channel'], ['digital_call_leakage', 'call_id'], ['savings_model', 'date, journey']]) {
      expect(tableRows(interrupted.deps, table, order)).toEqual(tableRows(straight.deps, table, order));
    }
  });

  it('resumes a source whose batch landed when the other did not (crash between the two)', async () => {
    const straight = liveWorld();
    await runLive(straight.deps.store, straight.deps.config, REQUEST, fakeTime({ batches: 1 }));

    const crashed = liveWorld();
    await runLive(crashed.deps.store, crashed.deps.config, REQUEST, fakeTime({ batches: 1 }));
    // Undo only the calls half of the last batch, as if the process died between the two commits.
    const sqlite = crashed.deps.store.sqlite;
    const state = loadSimState(crashed.deps.store)!;
    const last = sqlite.prepare("SELECT batch_id, first_raw_id FROM import_batches WHERE kind = 'calls' ORDER BY batch_id DESC LIMIT 1").get() as { batch_id: number; first_raw_id: number };
    const backfillEnd = state.cut.calls - 2 * 3600_000;
    sqlite.prepare('DELETE FROM call_logs_raw WHERE raw_id >= ?').run(last.first_raw_id);
    sqlite.prepare('DELETE FROM import_batches WHERE batch_id = ?').run(last.batch_id);
    sqlite.prepare("UPDATE meta SET value = ? WHERE key = 'simulator_clock_calls'").run(String(backfillEnd));
    // The resumed run owes calls from the crash point and digital events only after what already landed.
    await runLive(crashed.deps.store, crashed.deps.config, REQUEST, fakeTime({ batches: 1 }));

    const ids = (deps: typeof straight.deps, table: string, id: string) =>
      (deps.store.sqlite.prepare(`SELECT ${id} FROM ${table} ORDER BY ${id}`).pluck().all() as string[]);
    expect(ids(crashed.deps, 'call_logs_raw', 'call_id')).toEqual(ids(straight.deps, 'call_logs_raw', 'call_id'));
    expect(ids(crashed.deps, 'digital_journeys_raw', 'event_id')).toEqual(ids(straight.deps, 'digital_journeys_raw', 'event_id'));
  });
});
