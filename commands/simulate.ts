/**
 * `simulate --days N [--scale S] [--seed N] [--end ISO] [--fix J:DATE:PCT]`: backfills a simulated
 * history ending now through the bronze gate and the pipeline. `simulate --live [--speed X]` then
 * streams micro-batches until Ctrl-C, finishing the batch in flight; a restart resumes there.
 * With `--publish nats://HOST:PORT` the same rows go to the event log instead (simulate-publish.ts).
 */
import { parseInstant } from '../src/ingest/contract.ts';
import { formatCount } from '../src/format.ts';
import type { BackfillSummary } from '../src/simulator/backfill.ts';
import type { LiveSummary } from '../src/simulator/live.ts';
import { parseFix } from '../src/simulator/scenario.ts';
import type { WorldRequest } from '../src/simulator/open-world.ts';
import { loadSimState } from '../src/simulator/state.ts';
import { badArgument, numberArg, wholeArg } from './args.ts';
import { defineCommand, TERMINAL_ONLY } from './command.ts';
import { liveLine, simulationBar } from './progress-bar.ts';
import type { Context } from '../src/context.ts';
import { streamSettings, type StreamSettings } from '../src/stream/index.ts';
import { publishSimulated, renderPublished, type LiveClock, type PublishedSimulation } from './simulate-publish.ts';

export type SimulateArgs = {
  request: WorldRequest;
  live: boolean;
  speed: number;
  daysGiven: boolean;
  /** --publish: the event log to send the rows to instead of this store. */
  publish?: StreamSettings;
  /** Real time for --live; tests give their own. */
  clock?: LiveClock;
};
export type SimulateResult = { backfill?: BackfillSummary; live?: LiveSummary; published?: PublishedSimulation };

/** Real time for --live (tests give their own), with the simulator's sleep. */
async function realTime(): Promise<LiveClock> {
  const { realSleep } = await import('../src/simulator/live.ts');
  return { now: () => Date.now(), sleep: realSleep, batchMs: 2000 };
}

export default defineCommand({
  name: 'simulate',
  summary: 'Generate a realistic simulated history (and optionally a live stream) when there is no real data',
  args: {
    positionals: [],
    options: [
      { name: 'days', type: 'string', value: 'N', description: 'days of history to backfill, ending now (default 30)' },
      { name: 'scale', type: 'string', value: 'S', description: 'share of a 5M-member plan, e.g. 0.1 (default 1)' },
      { name: 'seed', type: 'string', value: 'N', description: 'random seed: same seed and options, same data (default 42)' },
      { name: 'end', type: 'string', value: 'ISO', description: 'end instant instead of now, e.g. 2026-11-24T17:00:00Z' },
      { name: 'fix', type: 'string', value: 'J:DATE:PCT', description: "a shipped fix: the journey's leaks drop PCT% from DATE", multiple: true },
      { name: 'live', type: 'boolean', description: 'keep streaming in simulated real time until Ctrl-C' },
      { name: 'speed', type: 'string', value: 'X', description: 'live speed: simulated seconds per real second (default 1; 60 = a minute a second)' },
      { name: 'publish', type: 'string', value: 'nats://HOST:PORT', description: 'send the rows to that event log instead of this store (a Leak with LEAK_STREAM consumes them)' },
    ],
  },
  query: false,
  surfaces: TERMINAL_ONLY,
  createsStore: true,
  sendsElsewhere: (values) => values.publish !== undefined,
  terminalOnlyBecause: 'it writes a simulated history into the store on the server',
  examples: [
    { line: 'simulate --days 30 --scale 0.1', what: 'a month of a 500K-member plan' },
    { line: 'simulate --live --speed 60', what: 'stream live, a simulated minute a second' },
    { line: 'simulate --live --publish nats://127.0.0.1:4222', what: 'produce live rows for a Leak consuming that event log' },
  ],
  parse: (parsed, ctx): SimulateArgs => {
    const days = wholeArg(parsed, 'days', 0, 400, 30)!;
    const seed = wholeArg(parsed, 'seed', 0, 2 ** 31 - 1, 42)!;
    const endText = parsed.values.end;
    const end = typeof endText === 'string' ? parseInstant(endText) : ctx.now();
    if (Number.isNaN(end)) throw badArgument(`--end must be an ISO 8601 time with Z or an offset, e.g. 2026-11-24T17:00:00Z (got ${JSON.stringify(endText)}).`);
    const fixes = ((parsed.values.fix as string[] | undefined) ?? []).map(parseFix);
    const live = parsed.values.live === true;
    if (!live && parsed.values.speed !== undefined) throw badArgument('--speed applies to --live only.');
    const url = parsed.values.publish as string | undefined;
    const { stream } = ctx.config;
    const publish = url === undefined ? undefined : streamSettings({ url, name: stream.name, prefix: stream.prefix, consumer: stream.consumer });
    return {
      publish,
      request: { seed, scale: numberArg(parsed, 'scale', 0.0001, 1, 1)!, days, end, fixes },
      live,
      speed: numberArg(parsed, 'speed', 0.1, 100_000, 1)!,
      daysGiven: parsed.values.days !== undefined,
    };
  },
  run: async (args: SimulateArgs, ctx): Promise<SimulateResult> => {
    if (args.publish) return { published: await publishToLog(args, args.publish, ctx) };
    // The simulator (faker) loads only when it runs: help and usage need none of it.
    const { runBackfill } = await import('../src/simulator/backfill.ts');
    const hasWorld = loadSimState(ctx.store) !== undefined;
    const result: SimulateResult = {};
    if (!args.live || !hasWorld || args.daysGiven) {
      const request = args.live && !args.daysGiven ? { ...args.request, days: 0 } : args.request;
      // On stderr, as the live line: the summary is all stdout gets.
      const bar = simulationBar(process.stderr);
      try {
        result.backfill = runBackfill(ctx.store, ctx.config, request, bar?.update);
      } finally {
        bar?.stop();
      }
    }
    if (args.live) result.live = await streamUntilStopped(args, ctx);
    return result;
  },
  renderText: (r: SimulateResult) =>
    [...(r.backfill ? renderBackfill(r.backfill) : []), ...(r.live ? renderLive(r.live) : []), ...(r.published ? renderPublished(r.published) : [])].join('\n'),
});

/** The rows to the event log; with --live until Ctrl-C. Without --days, --live publishes the members, then live rows only. */
async function publishToLog(args: SimulateArgs, settings: StreamSettings, ctx: Context): Promise<PublishedSimulation> {
  const request = args.live && !args.daysGiven ? { ...args.request, days: 0 } : args.request;
  if (!args.live) return publishSimulated(settings, ctx.config, request, undefined);
  const clock = args.clock ?? (await realTime());
  process.stderr.write(`Publishing live to ${settings.url} at ${args.speed}× real time; Ctrl-C stops after the current batch.\n`);
  return untilStopped((signal) => publishSimulated(settings, ctx.config, request, { speed: args.speed, clock, signal }));
}

async function streamUntilStopped(args: SimulateArgs, ctx: Context): Promise<LiveSummary> {
  const { runLive } = await import('../src/simulator/live.ts');
  const clock = args.clock ?? (await realTime());
  process.stderr.write(`Streaming live at ${args.speed}× real time; Ctrl-C stops after the current batch.\n`);
  const line = liveLine();
  try {
    return await untilStopped((signal) =>
      runLive(ctx.store, ctx.config, { ...args.request, end: ctx.now() }, {
        speed: args.speed,
        ...clock,
        signal,
        onBatch: (b) => line?.show(b.simulatedTo, b.rows, `, ${formatCount(b.leakedCalls)} leaked calls so far`),
      }),
    );
  } finally {
    line?.end();
  }
}

/** Runs `work` until Ctrl-C or SIGTERM aborts its signal; the batch in flight finishes. */
async function untilStopped<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  // on, not once: a terminal's Ctrl-C can arrive twice (from the TTY and relayed by npm), and a
  // second signal with no listener would kill the process in the middle of the batch.
  const stop = () => controller.abort();
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    return await work(controller.signal);
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}

function renderBackfill(s: BackfillSummary): string[] {
  return [
    ...s.notes,
    `Simulated ${s.from} → ${s.to}`,
    `  members        ${formatCount(s.rows.members).padStart(12)}`,
    `  digital_events ${formatCount(s.rows.digital).padStart(12)}`,
    `  calls          ${formatCount(s.rows.calls).padStart(12)}`,
    ...(s.rows.quarantined ? [`  quarantined    ${formatCount(s.rows.quarantined).padStart(12)}`] : []),
    `Elapsed ${(s.elapsedMs / 1000).toFixed(1)} s (generation + bronze ${(s.generateMs / 1000).toFixed(1)} s, pipeline ${(s.pipelineMs / 1000).toFixed(1)} s), ${formatCount(s.rowsPerSecond)} rows/s end to end.`,
  ];
}

function renderLive(s: LiveSummary): string[] {
  return [
    `Live: ${s.batches} batch(es), simulated ${s.simulatedFrom} → ${s.simulatedTo}: ${formatCount(s.rows.digital)} digital events, ${formatCount(s.rows.calls)} calls, ${formatCount(s.leakedCalls)} leaked calls.`,
    'Stopped cleanly; run it again to resume from there.',
  ];
}
