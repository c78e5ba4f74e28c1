/** Runs runAlertJobs hourly and once at start (see src/hourly-job.ts). Called where services start. */
import type { WebClient } from '@slack/web-api';
import type { Context } from '../context.ts';
import { startHourlyJob } from './hourly-job.ts';
import { runAlertJobs } from '../alerts/jobs.ts';

/** Minute 12: after the pipeline's top-of-hour work and away from the action jobs' minute 7. */
export const ALERT_JOBS_CRON = '12 * * * *';

export function startAlertJobs(ctx: Context, client: WebClient | undefined, log: (line: string) => void = (l) => ctx.log.info(l)) {
  return startHourlyJob({
    name: 'alert jobs',
    label: 'alerts',
    cron: ALERT_JOBS_CRON,
    timeZone: ctx.config.timeZone,
    log,
    run: () => runAlertJobs(ctx, client, ctx.now(), { warn: (m) => log(`alerts: ${m}`), info: (m) => log(`alerts: ${m}`) }),
    describe: (r) => [
      r.created.length && `${r.created.length} new`, r.resolved.length && `${r.resolved.length} resolved`,
      r.posted?.alerts && `${r.posted.alerts} posted`, r.posted?.normal && `${r.posted.normal} back to normal`, r.proposals.length && `${r.proposals.length} proposals`,
    ],
  });
}
