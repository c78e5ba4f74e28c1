/**
 * What a running Leak is made of, started in order: the simulator (when it applies), the ways to
 * ask questions, and Slack with the jobs that post there (tracked actions, alerts, digests). Each
 * service can be stopped; main.ts stops them on Ctrl-C.
 */
import type { Context } from '../context.ts';
import { isLeakError, LeakError } from '../errors.ts';
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
  log.info(await askingHelp());

  // ── Slack starts here (the one place): with credentials it connects, without it says how to. ──
  // Configured but unable to start (port taken, token refused) stops the whole start, after
  // stopping what already runs: half a Leak that looks running would post nothing, silently.
  try {
    const { startSlackIfConfigured } = await import('../slack/start.ts');
    const slack = await startSlackIfConfigured(ctx, log);
    if (slack) services.push({ name: 'slack', stop: () => slack.stop() }, startActionJobs(ctx, slack.app.client, (m) => log.info(m)));
    if (slack) services.push(startAlertJobs(ctx, slack.app.client, (m) => log.info(m)));
    if (slack) services.push((await import('./digest-schedule.ts')).startDigestService(ctx, slack.app.client, (m) => log.info(m)));
  } catch (e) {
    for (const s of services.reverse()) await s.stop().catch(() => undefined);
    throw isLeakError(e) ? e : new LeakError('bad_config', `Slack: could not start: ${(e as Error).message}`);
  }

  return services;
}

/** The examples commands mark for the start (`onStart`), in registry order. */
export async function askingHelp(): Promise<string> {
  const examples = (await loadCommands()).flatMap((c) => (c.examples ?? []).filter((e) => e.onStart));
  const lines = examples.map((e) => `  npm run -s leak -- ${e.line.padEnd(22)} ${e.what}`);
  return ['Ask from a terminal (add --json for data, --help for options):', ...lines].join('\n');
}
