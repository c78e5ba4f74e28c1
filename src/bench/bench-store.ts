/** Simulated stores for the benchmark: fresh files in a temp folder, removed when done. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from '../../db/open-db.ts';
import { loadConfig, type Config } from '../config.ts';
import { runBackfill, type BackfillSummary } from '../simulator/backfill.ts';
import { zoneClock, addDays } from '../time.ts';

/** A fixed end instant keeps every run of the benchmark on the same data. */
export const BENCH_END = Date.parse('2026-11-24T14:00:00Z');

/** backfill is absent for a store the bench was given (--store) rather than built; remove() then only closes it. */
export type BenchStore = { store: Store; config: Config; file: string; backfill?: BackfillSummary; lastFullDay: string; remove(): void };

export function benchDir(): string {
  const dir = path.join(os.tmpdir(), 'leak-bench');
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function configFor(file: string): Config {
  return loadConfig({ LEAK_DB: file, LEAK_SIMULATE: 'on' });
}

export function buildBenchStore(name: string, scale: number, days: number, seed = 42): BenchStore {
  const file = path.join(benchDir(), `${name}-${process.pid}.db`);
  removeDb(file);
  const config = configFor(file);
  const store = openStore(file);
  const backfill = runBackfill(store, config, { seed, scale, days, end: BENCH_END, fixes: [] });
  return {
    store,
    config,
    file,
    backfill,
    lastFullDay: lastFullDayOf(config),
    remove: () => {
      store.close();
      removeDb(file);
    },
  };
}

/** A store built earlier by the bench (or by `simulate --end` at BENCH_END), measured as is and kept. */
export function openBenchStore(file: string): BenchStore {
  const config = configFor(file);
  const store = openStore(file);
  return { store, config, file, lastFullDay: lastFullDayOf(config), remove: () => store.close() };
}

/** The day before BENCH_END's local date: the last whole day every figure asks about. */
const lastFullDayOf = (config: Config) => addDays(zoneClock(config.timeZone).localDate(BENCH_END), -1);

export function removeDb(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
}

/** Rows the leakage recompute works over: calls plus digital events in silver. */
export function silverRows(store: Store): number {
  const q = (t: string) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  return q('call_logs_cleaned') + q('digital_journeys_cleaned');
}
