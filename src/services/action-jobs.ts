/** Runs runActionJobs hourly and once at start (see src/hourly-job.ts). Called where services start. */
import type { WebClient } from '@slack/web-api';
import type { Context } from '../context.ts';
import { startHourlyJob } from './hourly-job.ts';
import { runActionJobs } from '../actions/jobs.ts';

export const ACTION_JOBS_CRON = '7 * * * *';

export function startActionJobs(ctx: Context, client: WebClient | undefined, log: (line: string) => void = (l) => ctx.log.info(l)) {
  return startHourlyJob({
    name: 'action jobs',
    label: 'actions',
    cron: ACTION_JOBS_CRON,
    timeZone: ctx.config.timeZone,
    log,
    run: () => runActionJobs(ctx, client, ctx.now(), { warn: (m) => log(`actions: ${m}`), info: (m) => log(`actions: ${m}`) }),
    describe: (r) => [
      r.posted && `${r.posted} posted`, r.announced && `${r.announced} thread updates`, r.reminded.length && `${r.reminded.length} reminders`,
      r.interim.length && `${r.interim.length} interim outcomes`, r.final.length && `${r.final.length} final outcomes`,
    ],
  });
}
