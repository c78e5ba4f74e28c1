/**
 * What a running Leak is made of, started in order: the simulator (when it applies), the ways to
 * ask questions, and Slack with the jobs that post there (tracked actions, alerts, digests). Each
 * service can be stopped; main.ts stops them on Ctrl-C.
 */
import type { Context } from '../context.ts';
import { loadCommands } from '../../commands/registry.ts';
import { startActionJobs } from './action-jobs.ts';
import { startAlertJobs } from './alert-jobs.ts';
import { DEMO, startSimulator, type LiveTiming } from './live-simulator.ts';

export type Service = { name: string; stop(): Promise<void> };

export type StartOptions = {
  /** The demo history's size; tests make it tiny. */
  demo?: typeof DEMO;
  live?: LiveTiming;
};

export async function startServices(ctx: Context, opts: StartOptions = {}): Promise<Service[]> {
  const { log } = ctx;
  const services: Service[] = [];
  const live = startSimulator(ctx, opts.demo ?? DEMO, opts.live);
  if (live) services.push(live);
  log.info(await askingHelp(ctx));

  // ── Slack starts here (the one place): with credentials it connects, without it says how to. ──
  // Loaded on demand so a Slack problem is reported in one line and never takes the simulator down.
  try {
    const { startSlackIfConfigured } = await import('../slack/start.ts');
    const slack = await startSlackIfConfigured(ctx, log);
    if (slack) services.push({ name: 'slack', stop: () => slack.stop() }, startActionJobs(ctx, slack.app.client, (m) => log.info(m)));
    if (slack) services.push(startAlertJobs(ctx, slack.app.client, (m) => log.info(m)));
    if (slack) services.push((await import('./digest-schedule.ts')).startDigestService(ctx, slack.app.client, (m) => log.info(m)));
  } catch (e) {
    log.info(`Slack: could not start: ${(e as Error).message}`);
  }

  return services;
}

/**
 * The examples commands mark for the start (`onStart`), in registry order, each line as it reads on
 * this store and described by its command's summary: the words `leak help` uses, typed once.
 */
export async function askingHelp(ctx: Context): Promise<string> {
  const lines = (await loadCommands()).flatMap((c) =>
    (c.examples ?? []).flatMap((e) => {
      const line = typeof e.onStart === 'function' ? e.onStart(ctx) : e.onStart ? e.line : undefined;
      return line === undefined ? [] : [{ line, summary: c.summary }];
    }),
  );
  const width = Math.max(0, ...lines.map((l) => l.line.length));
  return ['Ask from a terminal (add --json for data, --help for options):', ...lines.map((l) => `  npm run -s leak -- ${l.line.padEnd(width)}  ${l.summary}`)].join('\n');
}
