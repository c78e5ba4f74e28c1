/**
 * Runs runAlertJobs hourly (node-cron 4, noOverlap) and once at start: the run is idempotent, so
 * the start-up run is the catch-up for ticks missed while the process was down.
 * Called once where services start (src/main.ts): `startAlertJobs(deps, client)`.
 */
import cron from 'node-cron';
import type { WebClient } from '@slack/web-api';
import type { CommandDeps } from '../../commands/types.ts';
import { runAlertJobs } from './jobs.ts';

/** Minute 12: after the pipeline's top-of-hour work and away from the action jobs' minute 7. */
export const ALERT_JOBS_CRON = '12 * * * *';

export function startAlertJobs(deps: CommandDeps, client: WebClient, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)) {
  const run = () =>
    runAlertJobs(deps, client, deps.now(), { warn: (m) => log(`alerts: ${m}`) })
      .then((r) => {
        const done = [
          r.created.length && `${r.created.length} new`, r.resolved.length && `${r.resolved.length} resolved`,
          r.posted?.alerts && `${r.posted.alerts} posted`, r.posted?.normal && `${r.posted.normal} back to normal`, r.proposals.length && `${r.proposals.length} proposals`,
        ].filter(Boolean);
        if (done.length) log(`alerts: ${done.join(', ')}`);
        return r;
      })
      // Never reject: nobody awaits a cron callback.
      .catch((e: unknown) => {
        log(`alerts: unexpected error ${(e as Error).message}`);
        return undefined;
      });
  const task = cron.schedule(ALERT_JOBS_CRON, run, { timezone: deps.config.timeZone, noOverlap: true, name: 'alert jobs' });
  return { task, startup: run(), stop: async () => void (await task.destroy()) };
}
