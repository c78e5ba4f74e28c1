/** One function per benchmark figure. Each returns rows for the table; none asserts. */
import fs from 'node:fs';
import path from 'node:path';
import { recomputeAllLeakage } from '../pipeline/leakage.ts';
import { rebuildGold } from '../pipeline/gold.ts';
import { runBackfill } from '../simulator/backfill.ts';
import { loadSimState } from '../simulator/state.ts';
import { exportCsv } from '../simulator/export-csv.ts';
import { parseInvocation } from '../../commands/invocation.ts';
import { consoleLogger, type Context } from '../context.ts';
import { buildDigest } from '../../reports/digest/build.ts';
import { createChartRenderer } from '../../reports/charts/render.ts';
import { countLeakageWithDuckDb } from './duckdb-leakage.ts';
import { measureInsertCeiling } from './insert-ceiling.ts';
import { BENCH_END, benchDir, silverRows, type BenchStore } from './bench-store.ts';
import { summarize, timeRuns, type Summary } from './stats.ts';
import { runChild, type BackfillChildResult } from './children.ts';

export type Row = { figure: string; value: string; goal: string; met: boolean | null; detail: string };

const ms = (n: number) => `${n < 10 ? n.toFixed(1) : Math.round(n)} ms`;
const spread = (s: Summary) => `median ${ms(s.median)} (min ${ms(s.min)}, max ${ms(s.max)}, n=${s.n})`;

/** The figures of one backfill run in its own process (runBackfillChild), over `days` days. */
export function measureBackfill(r: BackfillChildResult, days: number): Row[] {
  const rows = r.rows.members + r.rows.digital + r.rows.calls;
  const genRate = rows / (r.generateMs / 1000);
  const ceiling = measureInsertCeiling();
  return [
    { figure: 'generation + bronze insert', value: `${Math.round(genRate / 1000)}K rows/s`, goal: '≥ 400K rows/s', met: genRate >= 400_000, detail: `${rows.toLocaleString('en-US')} rows in ${(r.generateMs / 1000).toFixed(1)} s; ${Math.round((100 * genRate) / ceiling.rowsPerSecond)}% of the insert alone` },
    { figure: 'bronze insert alone (no generation, no checks)', value: `${Math.round(ceiling.rowsPerSecond / 1000)}K rows/s`, goal: '—', met: null, detail: `the gate's 200-row statement, ${ceiling.rows.toLocaleString('en-US')} simulated digital rows made beforehand` },
    { figure: `backfill, ${days} days, end to end`, value: `${(r.elapsedMs / 1000).toFixed(1)} s, peak ${Math.round(r.peakRssMb)} MB`, goal: '≤ 60 s, ≤ 1 GB', met: r.elapsedMs <= 60_000 && r.peakRssMb <= 1024, detail: `pipeline ${(r.pipelineMs / 1000).toFixed(1)} s; longest write transaction ${(r.longestWriteMs / 1000).toFixed(1)} s` },
  ];
}

/** The full leakage recompute (silver leakage + gold for every day), as after a definition change. */
export function timeFullRecompute(b: BenchStore): number {
  const t = performance.now();
  b.store.sqlite.transaction(() => {
    recomputeAllLeakage(b.store.sqlite, b.config.windowMinutes * 60_000);
    rebuildGold(b.store.sqlite, b.config.costPerCall);
  }).immediate();
  return performance.now() - t;
}

export async function measureRecompute(b: BenchStore, runs: number): Promise<{ rows: Row[]; full: Summary }> {
  // One run first, untimed: a store opened cold (--store) would otherwise time the disk, not the recompute.
  const full = summarize(await timeRuns(runs, () => timeFullRecompute(b), 1));
  const dir = path.join(benchDir(), `csv-${process.pid}`);
  exportCsv(b.store, dir);
  const ours = b.store.sqlite
    .prepare('SELECT date, journey, sum(calls) AS calls FROM segment_drilldown GROUP BY date, journey ORDER BY date, journey')
    .all() as { date: string; journey: string; calls: number }[];
  const duck: number[] = [];
  const loads: number[] = [];
  let same = true;
  try {
    for (let i = 0; i < runs; i++) {
      const d = await countLeakageWithDuckDb(dir, { timeZone: b.config.timeZone, windowMinutes: b.config.windowMinutes });
      duck.push(d.queryMs);
      loads.push(d.loadMs);
      same &&= JSON.stringify(d.counts) === JSON.stringify(ours);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const duckS = summarize(duck);
  const ratio = duckS.median / full.median;
  const verdict = ratio >= 1 ? `Leak ${ratio.toFixed(2)}× faster` : `DuckDB ${(1 / ratio).toFixed(2)}× faster`;
  return {
    full,
    rows: [
      { figure: 'counts identical to DuckDB (every day × journey)', value: same ? `yes (${ours.length} cells)` : 'NO', goal: 'identical', met: same, detail: 'checked before timing is reported' },
      { figure: 'full leakage recompute', value: ms(full.median), goal: 'faster than DuckDB ASOF', met: ratio >= 1, detail: `${spread(full)}; ${silverRows(b.store).toLocaleString('en-US')} silver rows` },
      { figure: 'DuckDB ASOF join, same data', value: ms(duckS.median), goal: '—', met: null, detail: `${spread(duckS)}; CSV load ${ms(summarize(loads).median)}; ${verdict}` },
    ],
  };
}

/**
 * One hour of live events, then the incremental pipeline. Compared like for like with the full
 * recompute (leakage and gold, from silver): the hour's rows must reach silver under either
 * strategy, so the silver upsert is reported beside it, not hidden in it.
 */
/** `runs` successive hours of live events, each loaded and run through the pipeline as the live stream does. */
export function measureIncremental(b: BenchStore, fullMedian: number, runs: number): Row[] {
  const recompute: number[] = [];
  const whole: number[] = [];
  const silver: number[] = [];
  let rows = 0;
  for (let i = 0; i < runs; i++) {
    // One hour past where the store's simulated clock stands (a kept store may have had its hours already).
    const cut = loadSimState(b.store)?.cut ?? { digital: BENCH_END, calls: BENCH_END };
    const r = runBackfill(b.store, b.config, { seed: 42, scale: 0, days: 0, end: Math.min(cut.digital, cut.calls) + 3_600_000, fixes: [] });
    recompute.push(r.pipelineMs - r.silverMs);
    whole.push(r.pipelineMs);
    silver.push(r.silverMs);
    rows += r.rows.digital + r.rows.calls;
  }
  const [rec, all, sil] = [summarize(recompute), summarize(whole), summarize(silver)];
  const ratio = fullMedian / rec.median;
  return [
    { figure: 'incremental update after 1 h of live events', value: ms(rec.median), goal: '≥ 50× faster than full', met: ratio >= 50, detail: `${ratio.toFixed(0)}× faster; leakage and gold for the dirty members and days; ${spread(rec)}, one hour each` },
    { figure: 'the same hour, silver upsert included', value: ms(all.median), goal: '—', met: null, detail: `${(fullMedian / all.median).toFixed(0)}× faster than the full recompute; ${Math.round(rows / runs).toLocaleString('en-US')} new rows an hour (silver ${ms(sil.median)})` },
  ];
}

const COMMAND_GOALS: Record<string, number> = { today: 100, segments: 200, why: 200, savings: 200, journey: 200, member: 200 };

export async function measureCommands(b: BenchStore, runs: number): Promise<Row[]> {
  const deps: Context = { store: b.store, config: b.config, now: () => BENCH_END, log: consoleLogger };
  const members = b.store.sqlite
    .prepare('SELECT DISTINCT member_id FROM digital_call_leakage WHERE local_date = ? LIMIT ?')
    .pluck()
    .all(b.lastFullDay, runs) as string[];
  const rows: Row[] = [];
  for (const [name, goal] of Object.entries(COMMAND_GOALS)) {
    let i = 0;
    const argv = () => {
      const member = members[i++ % Math.max(1, members.length)];
      const base = name === 'journey' || name === 'member' ? [name, member] : name === 'segments' || name === 'why' || name === 'savings' ? [name, 'billing'] : [name];
      return [...base, '--date', b.lastFullDay];
    };
    const samples = await timeRuns(runs, async () => {
      const inv = await parseInvocation(argv(), deps);
      await inv.cmd.run(inv.args, deps);
    }, 3);
    const s = summarize(samples);
    rows.push({ figure: `\`${name}\` p95`, value: ms(s.p95), goal: `≤ ${goal} ms`, met: s.p95 <= goal, detail: spread(s) });
  }
  return rows;
}

export async function measureDigest(b: BenchStore, runs: number): Promise<Row[]> {
  const colds: number[] = [];
  for (let i = 0; i < Math.max(1, Math.min(runs, 3)); i++) {
    colds.push(runChild<{ ms: number }>('child-digest', [b.file, b.lastFullDay]).ms);
  }
  const deps: Context = { store: b.store, config: b.config, now: () => BENCH_END, log: consoleLogger };
  const renderer = createChartRenderer();
  const warm = summarize(await timeRuns(runs, () => buildDigest(deps, { date: b.lastFullDay, role: 'exec', renderer }), 2));
  const cold = summarize(colds);
  return [
    { figure: 'digest, 3 charts + queries, warm p95', value: ms(warm.p95), goal: '≤ 250 ms', met: warm.p95 <= 250, detail: spread(warm) },
    { figure: 'digest, cold (new process, imports included)', value: ms(cold.median), goal: '≤ 1 s', met: cold.median <= 1000, detail: spread(cold) },
  ];
}
