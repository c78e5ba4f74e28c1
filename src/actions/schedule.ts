/**
 * Runs runActionJobs hourly (node-cron 4, noOverlap) and once at start: every step is idempotent,
 * so the start-up run is the catch-up for ticks missed while the process was down.
 * Called once where services start (src/main.ts).
 */
import cron from 'node-cron';
import type { WebClient } from '@slack/web-api';
import type { CommandDeps } from '../../commands/types.ts';
import { runActionJobs, type JobReport } from './jobs.ts';

export const ACTION_JOBS_CRON = '7 * * * *';

export function startActionJobs(deps: CommandDeps, client: WebClient, log: (line: string) => void = (l) => process.stdout.write(`${l}\n`)) {
  const run = () =>
    runActionJobs(deps, client, deps.now(), { warn: (m) => log(`actions: ${m}`) })
      .then((r: JobReport) => {
        const done = [
          r.posted && `${r.posted} posted`, r.announced && `${r.announced} thread updates`, r.reminded.length && `${r.reminded.length} reminders`,
          r.interim.length && `${r.interim.length} interim outcomes`, r.final.length && `${r.final.length} final outcomes`,
        ].filter(Boolean);
        if (done.length) log(`actions: ${done.join(', ')}`);
        return r;
      })
      // Never reject: nobody awaits a cron callback.
      .catch((e: unknown) => {
        log(`actions: unexpected error ${(e as Error).message}`);
        return undefined;
      });
  const task = cron.schedule(ACTION_JOBS_CRON, run, { timezone: deps.config.timeZone, noOverlap: true, name: 'action jobs' });
  return { name: 'action jobs', task, startup: run(), stop: async () => void (await task.destroy()) };
}
