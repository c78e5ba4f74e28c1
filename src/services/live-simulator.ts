/**
 * The simulator as a service of `npm start`: a demo history for a new store (or a catch-up for an
 * existing world), then the live stream, each batch followed by the threshold alerts check. A store
 * fed by imports, or LEAK_SIMULATE=off, says so and runs no simulator.
 */
import type { Context } from '../context.ts';
import { formatCount } from '../format.ts';
import { runBackfill } from '../simulator/backfill.ts';
import { realSleep, runLive, type LiveOptions } from '../simulator/live.ts';
import { simulatorRefusal } from '../simulator/open-world.ts';
import { loadSimState } from '../simulator/state.ts';
import { checkThresholdsAfterIngest } from '../alerts/thresholds.ts';

/** The demo history a new store gets: three weeks (enough for week-on-week trends and the incident) at 1% of a 5M-member plan. */
export const DEMO = { days: 21, scale: 0.01, seed: 42 };

/** Live stream timing; injected in tests. */
export type LiveTiming = Partial<Pick<LiveOptions, 'speed' | 'batchMs' | 'now' | 'sleep' | 'maxBatches'>>;

export function startSimulator(ctx: Context, demo: typeof DEMO, liveOpts: LiveTiming = {}): { name: string; stop(): Promise<void> } | undefined {
  const { store, config, log } = ctx;
  const refusal = simulatorRefusal(store, config);
  if (refusal) {
    log.info(refusal);
    return undefined;
  }
  const isNew = loadSimState(store) === undefined;
  log.info(isNew
    ? `Simulator: new store, backfilling a ${demo.days}-day demo history at scale ${demo.scale} (LEAK_SIMULATE=${config.simulate})…`
    : 'Simulator: continuing this store\'s simulated world from where it stopped…');
  const request = { ...demo, end: ctx.now(), fixes: [] };
  const b = runBackfill(store, config, request);
  const rows = b.rows.members + b.rows.digital + b.rows.calls;
  log.info(`Simulator: ${formatCount(rows)} rows up to ${b.to} in ${(b.elapsedMs / 1000).toFixed(1)} s (pipeline ${(b.pipelineMs / 1000).toFixed(1)} s); streaming live now.`);
  const raised = raiseHistoryAlerts(ctx, Date.parse(b.from), Date.parse(b.to));
  if (raised) log.info(`Alerts: ${formatCount(raised)} threshold alerts over that history, each dated the hour it would have been raised (leak alerts lists them).`);

  const controller = new AbortController();
  const running = runLive(store, config, request, {
    speed: 1,
    onBatch: () => void checkThresholdsAfterIngest(ctx, ctx.now(), (m) => log.info(m)),
    batchMs: 5000,
    now: () => Date.now(),
    sleep: realSleep,
    ...liveOpts,
    signal: controller.signal,
  }).catch((e: unknown) => log.info(`Simulator: live stream stopped: ${(e as Error).message}`));
  return {
    name: 'simulator',
    stop: async () => {
      controller.abort();
      await running;
    },
  };
}

/** A backfilled history arrives at once: raise, hour by hour, the threshold alerts a running Leak would have raised as it came in. */
function raiseHistoryAlerts(ctx: Context, from: number, to: number): number {
  const log = (m: string) => ctx.log.info(m);
  let raised = 0;
  for (let t = from + 3_600_000; t < to; t += 3_600_000) raised += checkThresholdsAfterIngest(ctx, t, log);
  return raised + checkThresholdsAfterIngest(ctx, to, log);
}
