/**
 * What a running Leak is made of, started in order: the simulator (when it applies: a demo
 * history for a new store, a catch-up for an existing world, then the live stream), the ways to
 * ask questions, and Slack. Each service can be stopped; main.ts stops them on Ctrl-C.
 */
import type { CommandDeps } from '../commands/types.ts';
import { findCommand } from '../commands/registry.ts';
import { formatCount } from './format.ts';
import { runBackfill } from './simulator/backfill.ts';
import { realSleep, runLive, type LiveOptions } from './simulator/live.ts';
import { simulatorRefusal } from './simulator/open-world.ts';
import { loadSimState } from './simulator/state.ts';
import { startActionJobs } from './actions/schedule.ts';
import { startAlertJobs } from './alerts/schedule.ts';
import { checkThresholdsAfterIngest } from './alerts/thresholds.ts';

export type Service = { name: string; stop(): Promise<void> };
export type Log = { info(message: string): void };

/** The demo history a new store gets: three weeks (enough for week-on-week trends and the incident) at 1% of a 5M-member plan. */
export const DEMO = { days: 21, scale: 0.01, seed: 42 };

export type StartOptions = {
  log?: Log;
  /** The demo history's size; tests make it tiny. */
  demo?: typeof DEMO;
  /** Live stream timing; injected in tests. */
  live?: Partial<Pick<LiveOptions, 'speed' | 'batchMs' | 'now' | 'sleep' | 'maxBatches'>>;
};

export async function startServices(deps: CommandDeps, opts: StartOptions = {}): Promise<Service[]> {
  const log = opts.log ?? { info: (m: string) => console.log(m) };
  const services: Service[] = [];
  const live = startSimulator(deps, log, opts.demo ?? DEMO, opts.live ?? {});
  if (live) services.push(live);
  log.info(askingHelp());

  // ── Slack starts here (the one place): with credentials it connects, without it says how to. ──
  // Loaded on demand so a Slack problem is reported in one line and never takes the simulator down.
  try {
    const { startSlackIfConfigured } = await import('./slack/start.ts');
    const slack = await startSlackIfConfigured(deps, log);
    if (slack) services.push({ name: 'slack', stop: () => slack.stop() }, startActionJobs(deps, slack.app.client));
    if (slack) services.push(startAlertJobs(deps, slack.app.client, (m) => log.info(m)));
    if (slack) services.push((await import('../reports/digest/schedule.ts')).startDigestService(deps, slack.app.client, (m) => log.info(m)));
  } catch (e) {
    log.info(`Slack: could not start: ${(e as Error).message}`);
  }

  return services;
}

function startSimulator(deps: CommandDeps, log: Log, demo: typeof DEMO, liveOpts: StartOptions['live'] & {}): Service | undefined {
  const { store, config } = deps;
  const refusal = simulatorRefusal(store, config);
  if (refusal) {
    log.info(refusal);
    return undefined;
  }
  const isNew = loadSimState(store) === undefined;
  log.info(isNew
    ? `Simulator: new store, backfilling a ${demo.days}-day demo history at scale ${demo.scale} (LEAK_SIMULATE=${config.simulate})…`
    : 'Simulator: continuing this store\'s simulated world from where it stopped…');
  const request = { ...demo, end: deps.now(), fixes: [] };
  const b = runBackfill(store, config, request);
  const rows = b.rows.members + b.rows.digital + b.rows.calls;
  log.info(`Simulator: ${formatCount(rows)} rows up to ${b.to} in ${(b.elapsedMs / 1000).toFixed(1)} s (pipeline ${(b.pipelineMs / 1000).toFixed(1)} s); streaming live now.`);
  const raised = raiseHistoryAlerts(deps, Date.parse(b.from), Date.parse(b.to), log);
  if (raised) log.info(`Alerts: ${formatCount(raised)} threshold alerts over that history, each dated the hour it would have been raised (leak alerts lists them).`);

  const controller = new AbortController();
  const running = runLive(store, config, request, {
    speed: 1,
    onBatch: () => void checkThresholdsAfterIngest(deps, deps.now(), (m) => log.info(m)),
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
function raiseHistoryAlerts(deps: CommandDeps, from: number, to: number, log: Log): number {
  let raised = 0;
  for (let t = from + 3_600_000; t < to; t += 3_600_000) raised += checkThresholdsAfterIngest(deps, t, (m) => log.info(m));
  return raised + checkThresholdsAfterIngest(deps, to, (m) => log.info(m));
}

const EXAMPLES: [string, string][] = [
  ['today', "what's breaking right now"],
  ['why billing', 'what drives a journey’s leak'],
  ['segments billing', 'who is affected'],
  ['savings', 'what fixing it is worth'],
  ['journey M-100123', 'one member’s timeline, leaks marked'],
  ['actions', 'tracked fixes and their owners'],
  ['digest --out ./digest', 'the daily digest without Slack'],
];

/** CLI examples, limited to the commands this build has. */
export function askingHelp(): string {
  const lines = EXAMPLES.filter(([cmd]) => findCommand(cmd.split(' ')[0])).map(([cmd, what]) => `  npm run -s leak -- ${cmd.padEnd(22)} ${what}`);
  return ['Ask from a terminal (add --json for data, --help for options):', ...lines].join('\n');
}
