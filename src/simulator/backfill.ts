/**
 * Backfill: streams the world from where the store stands up to `end`, window by window (never a
 * whole day in memory), through the bronze gate, then runs the incremental pipeline once.
 */
import type { Store } from '../../db/open-db.ts';
import type { Config } from '../config.ts';
import { runPipeline } from '../pipeline/run-pipeline.ts';
import { openWorld, type WorldRequest } from './open-world.ts';
import { SliceStream } from './stream.ts';
import { emptyWritten, writeMembers, writeWindow, type Written } from './write-window.ts';

export type Progress = { done: number; total: number; rows: number };

export type BackfillSummary = {
  rows: Written;
  from: string;
  to: string;
  notes: string[];
  generateMs: number;
  pipelineMs: number;
  /** Of pipelineMs, the part that applied bronze to silver (the rest recomputed leakage and gold). */
  silverMs: number;
  /** The pipeline's longest transaction: how long a writer beside it (the bot) could have waited. */
  longestWriteMs: number;
  elapsedMs: number;
  rowsPerSecond: number;
};

/** Rows of all kinds a full-scale day brings, to size windows at about 100K rows. */
const FULL_SCALE_ROWS_PER_DAY = 430_000;

export function windowMinutes(scale: number): number {
  return Math.min(360, Math.max(30, Math.round((1440 * 100_000) / (FULL_SCALE_ROWS_PER_DAY * scale))));
}

export function runBackfill(
  store: Store,
  config: Config,
  req: WorldRequest,
  onProgress?: (p: Progress) => void,
  clock: () => number = () => performance.now(),
): BackfillSummary {
  const started = clock();
  const opened = openWorld(store, config, req);
  const { world } = opened;
  const tally = emptyWritten();
  writeMembers(store, world, opened.membersWritten, tally);
  const stream = new SliceStream(world, opened.cut);
  const from = stream.position;
  const end = Math.max(req.end, from);
  const step = windowMinutes(world.scale) * 60_000;
  for (let t = from; t < end; ) {
    const to = Math.min(end, t + step);
    writeWindow(store, stream.take(to), t, to, tally);
    t = to;
    onProgress?.({ done: t - from, total: end - from, rows: tally.members + tally.digital + tally.calls });
  }
  const generated = clock();
  const pipeline = runPipeline(store, config);
  const finished = clock();
  const rows = tally.members + tally.digital + tally.calls;
  return {
    rows: tally,
    from: new Date(from).toISOString(),
    to: new Date(end).toISOString(),
    notes: opened.notes,
    generateMs: generated - started,
    pipelineMs: finished - generated,
    silverMs: pipeline.silverMs,
    longestWriteMs: pipeline.longestWriteMs,
    elapsedMs: finished - started,
    rowsPerSecond: Math.round(rows / Math.max(0.001, (finished - started) / 1000)),
  };
}
