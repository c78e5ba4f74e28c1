/** Small simulated worlds for tests: a real store, the real generator, the real pipeline. */
import { runBackfill } from '../../src/simulator/backfill.ts';
import type { Fix } from '../../src/simulator/scenario.ts';
import { makeDeps } from './store.ts';

export const END = Date.parse('2026-11-24T17:00:00Z');
export const ANCHOR = '2026-11-24';

export function simulatedStore(opts: { seed?: number; scale?: number; days?: number; end?: number; fixes?: Fix[]; env?: Record<string, string>; file?: string } = {}) {
  const deps = makeDeps({ now: opts.end ?? END, env: opts.env, file: opts.file });
  const summary = runBackfill(deps.store, deps.config, {
    seed: opts.seed ?? 7,
    scale: opts.scale ?? 0.002,
    days: opts.days ?? 2,
    end: opts.end ?? END,
    fixes: opts.fixes ?? [],
  });
  return { deps, summary };
}

/** Every row of a table in a stable order, without the columns that only say when or in which batch it landed. */
export function tableRows(deps: ReturnType<typeof makeDeps>, table: string, order: string, drop: string[] = []): unknown[] {
  const rows = deps.store.sqlite.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).all() as Record<string, unknown>[];
  return rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k))));
}
