/**
 * Live stream: micro-batches in simulated time (speed × real time), each written through the bronze
 * gate and followed by the incremental pipeline, so answers move while it runs. Stopping (the
 * signal) lets the batch in flight finish; the clock marks make a restart resume exactly there.
 * Real time comes in through now() and sleep(), so tests run it without waiting.
 */
import type { Store } from '../../db/open-db.ts';
import type { Config } from '../config.ts';
import { runPipeline } from '../pipeline/run-pipeline.ts';
import { openWorld, type WorldRequest } from './open-world.ts';
import { SliceStream } from './stream.ts';
import { emptyWritten, writeMembers, writeWindow, type Written } from './write-window.ts';

export type LiveOptions = {
  speed: number;
  /** Real time between micro-batches. */
  batchMs: number;
  now: () => number;
  sleep: (ms: number, signal: AbortSignal) => Promise<void>;
  signal: AbortSignal;
  maxBatches?: number;
  onBatch?: (b: LiveBatch) => void;
};

export type LiveBatch = { simulatedTo: number; rows: number; leakedCalls: number };
export type LiveSummary = { batches: number; rows: Written; simulatedFrom: string; simulatedTo: string; leakedCalls: number };

/** Waits ms of real time, or less if the signal fires. */
export function realSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

export async function runLive(store: Store, config: Config, req: WorldRequest, opts: LiveOptions): Promise<LiveSummary> {
  const opened = openWorld(store, config, req);
  const tally = emptyWritten();
  writeMembers(store, opened.world, opened.membersWritten, tally);
  const stream = new SliceStream(opened.world, opened.cut);
  const simStart = stream.position;
  const countLeaks = store.sqlite.prepare('SELECT count(*) FROM digital_call_leakage').pluck();
  const leakedBefore = countLeaks.get() as number;
  const batches = await paceLive(opts, simStart, () => stream.position, async (from, to) => {
    const before = tally.digital + tally.calls;
    writeWindow(store, stream.take(to), from, to, tally);
    runPipeline(store, config);
    opts.onBatch?.({ simulatedTo: to, rows: tally.digital + tally.calls - before, leakedCalls: (countLeaks.get() as number) - leakedBefore });
  });
  return {
    batches,
    rows: tally,
    simulatedFrom: new Date(simStart).toISOString(),
    simulatedTo: new Date(stream.position).toISOString(),
    leakedCalls: (countLeaks.get() as number) - leakedBefore,
  };
}

/**
 * The live clock: every batchMs of real time, the simulated time that passed (speed × real) goes to
 * `step(from, to)`, until the signal fires or maxBatches ran. Shared by the local stream and
 * `simulate --live --publish`, so both keep the same pace. Returns the number of batches.
 */
export async function paceLive(
  opts: Pick<LiveOptions, 'speed' | 'batchMs' | 'now' | 'sleep' | 'signal' | 'maxBatches'>,
  simStart: number,
  position: () => number,
  step: (from: number, to: number) => Promise<void>,
): Promise<number> {
  const realStart = opts.now();
  let batches = 0;
  while (!opts.signal.aborted && (opts.maxBatches === undefined || batches < opts.maxBatches)) {
    await opts.sleep(opts.batchMs, opts.signal);
    if (opts.signal.aborted) break;
    const from = position();
    const to = Math.floor(simStart + (opts.now() - realStart) * opts.speed);
    if (to <= from) continue;
    await step(from, to);
    batches++;
  }
  return batches;
}
