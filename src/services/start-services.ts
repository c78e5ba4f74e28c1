/**
 * What a running Leak is made of, started in order: the event log's consumer (with LEAK_STREAM),
 * the simulator (when it applies), the ways to
 * ask questions, Slack (when configured), then the jobs, which run in every configuration: alert
 * scans, tracked-action reminders and outcomes, the digests and the CSV inbox. With Slack they post
 * there; without it alerts and action news go to this log and the digest to its folder. Each
 * service can be stopped; main.ts stops them on Ctrl-C or SIGTERM.
 */
import type { WebClient } from '@slack/web-api';
import type { Context } from '../context.ts';
import { isLeakError, LeakError } from '../errors.ts';
import { loadCommands } from '../../commands/registry.ts';
import { openAskStore, THREAD_KEEP_DAYS } from '../ask/ask-store.ts';
import { ACTION_JOBS_CRON, startActionJobs } from './action-jobs.ts';
import { ALERT_JOBS_CRON, startAlertJobs } from './alert-jobs.ts';
import { startDigestService } from './digest-schedule.ts';
import { startInbox } from './inbox.ts';
import { DEMO, startSimulator, type LiveTiming } from './live-simulator.ts';
import { startEventLogIfConfigured, type EventLogOptions } from './event-log.ts';

export type Service = { name: string; stop(): Promise<void> };

export type StartOptions = {
  /** The demo history's size; tests make it tiny. */
  demo?: typeof DEMO;
  live?: LiveTiming;
  /** Milliseconds between inbox checks; 0 for none (tests check it themselves). */
  inboxPollMs?: number;
  /** With LEAK_STREAM: the consumer's batch sizes and lag readings; onBatch after each batch (tests wait on it). */
  eventLog?: EventLogOptions;
};

export async function startServices(ctx: Context, opts: StartOptions = {}): Promise<Service[]> {
  const { log } = ctx;
  const services: Service[] = [];
  // With LEAK_STREAM the event log feeds the store (and the simulator stays off); the Home tab reads its lag from the context.
  const eventLog = startEventLogIfConfigured(ctx, opts.eventLog);
  if (eventLog) {
    services.push(eventLog);
    ctx = { ...ctx, eventLog };
  }
  const live = startSimulator(ctx, opts.demo ?? DEMO, opts.live);
  if (live) services.push(live);
  // Conversations' subjects would otherwise only accumulate (one row per thread, DM or /leak channel ever asked in).
  const forgotten = openAskStore(ctx.store, ctx.now).pruneThreads(THREAD_KEEP_DAYS);
  if (forgotten) log.info(`Asking: forgot the subject of ${forgotten} conversation(s) untouched for ${THREAD_KEEP_DAYS} days.`);
  log.info(await askingHelp(ctx));

  // ── Slack starts here (the one place): with credentials it connects, without it says how to. ──
  // Configured but unable to start (port taken, token refused) stops the whole start, after
  // stopping what already runs: half a Leak that looks running would post nothing, silently.
  let client: WebClient | undefined;
  try {
    const { startSlackIfConfigured } = await import('../slack/start.ts');
    const slack = await startSlackIfConfigured(ctx, log);
    if (slack) {
      services.push({ name: 'slack', stop: () => slack.stop() });
      client = slack.app.client;
    }
  } catch (e) {
    for (const s of services.reverse()) await s.stop().catch(() => undefined);
    throw isLeakError(e) ? e : new LeakError('bad_config', `Slack: could not start: ${(e as Error).message}`);
  }

  // Each says where its output goes before the first runs start writing to the log.
  const line = (m: string) => log.info(m);
  const digests = startDigestService(ctx, client, line);
  let alerts: { runNow(): Promise<unknown> } | undefined;
  const inbox = startInbox(ctx, { log: line, pollMs: opts.inboxPollMs, afterImport: () => alerts?.runNow() });
  log.info(`Inbox: drop contract CSV files (members, digital events, calls) into ${inbox.dir}/; each is imported once complete, then moved to done/ or refused/ (with the reason).`);
  log.info(describeJobs(ctx, client));
  const alertJobs = startAlertJobs(ctx, client, line);
  alerts = alertJobs;
  services.push(startActionJobs(ctx, client, line), alertJobs, digests, inbox);
  return services;
}

/** Where each job's news goes, said once at start. */
function describeJobs(ctx: Context, client: WebClient | undefined): string {
  const at = (cron: string) => `:${cron.split(' ')[0].padStart(2, '0')}`;
  const alertsTo = !client ? 'to this log' : ctx.config.alerts.channel ? `posted to ${ctx.config.alerts.channel}` : 'to this log (no LEAK_ALERT_CHANNEL)';
  const actionsTo = client ? "in each action's Slack thread (this log for one without a thread)" : 'to this log';
  return [
    `Jobs, hourly in ${ctx.config.timeZone} and once now${client ? '' : ' (Slack is not connected)'}:`,
    `  alert scans (spikes, thresholds) at ${at(ALERT_JOBS_CRON)}, new alerts ${alertsTo};`,
    `  tracked actions at ${at(ACTION_JOBS_CRON)}: reminders and measured outcomes ${actionsTo}.`,
  ].join('\n');
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
