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
import { scanClosedDaySpikes } from '../alerts/jobs.ts';
import { zoneClock } from '../time.ts';

/**
 * The demo history a new store gets: four weeks at 15% of a 5M-member plan. The spike rule judges a
 * day against the same weekday of the two weeks before it, with real-world minimums (40 extra calls,
 * $300) and a significance test across every series: the incident's first days need two clean weeks
 * before them (28 days: the incident starts 8 to 14 days back) and enough calls to stand out of
 * day-to-day noise, which at 1% (about 6 extra calls a day) or 10% they do not on every date.
 */
export const DEMO = { days: 28, scale: 0.15, seed: 42 };

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
  const raised = replayHistoryAlerts(ctx, Date.parse(b.from), Date.parse(b.to));
  if (raised.thresholds + raised.spikes) {
    log.info(`Alerts: ${formatCount(raised.thresholds)} threshold alerts and ${formatCount(raised.spikes)} spike alert${raised.spikes === 1 ? '' : 's'} over that history, each dated the hour it would have been raised (leak alerts lists them).`);
  }

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

/**
 * A backfilled history arrives at once: raise, hour by hour, the threshold alerts a running Leak
 * would have raised as it came in, and, in the hour each day closed, that day's spikes.
 */
export function replayHistoryAlerts(ctx: Context, from: number, to: number): { thresholds: number; spikes: number } {
  const log = (m: string) => ctx.log.info(m);
  const clock = zoneClock(ctx.config.timeZone);
  const raised = { thresholds: 0, spikes: 0 };
  for (let t = from + 3_600_000; t < to; t += 3_600_000) {
    // Each step looks back one hour: the steps before it recorded the rest of the day.
    raised.thresholds += checkThresholdsAfterIngest(ctx, t, log, 3_600_000);
    const closed = clock.localDate(t - 3_600_000);
    if (clock.localDate(t) === closed) continue;
    // Like the threshold check, a failed scan is reported and never stops the start.
    try {
      raised.spikes += scanClosedDaySpikes(ctx, closed, t).created.length;
    } catch (e) {
      log(`alerts: spike scan of ${closed} failed: ${(e as Error).message}`);
    }
  }
  raised.thresholds += checkThresholdsAfterIngest(ctx, to, log, 3_600_000);
  return raised;
}
