/**
 * Runs each configured digest on its cron line in LEAK_TZ (node-cron 4, noOverlap), and on start
 * posts, marked late, any digest whose time already passed today but is not in the ledger:
 * node-cron does not replay ticks missed while the process was down.
 */
import cron, { type ScheduledTask } from 'node-cron';
import type { Context } from '../context.ts';
import { zoneClock } from '../time.ts';
import { createChartRenderer, type ChartRenderer } from '../../reports/charts/render.ts';
import type { DigestChannel } from '../digest-channels.ts';
import { postDigest, type DigestSlackClient, type PostDigestOutcome } from '../../reports/digest/post.ts';
import { previousCompleteDay } from '../../reports/digest/query.ts';

export type DigestScheduleOptions = {
  renderer?: ChartRenderer;
  instance?: string;
  log?: (line: string) => void;
};

export type DigestSchedules = {
  tasks: ScheduledTask[];
  /** Resolves when the start-up catch-up has finished (one outcome per configured channel with a passed run today). */
  catchUp: Promise<PostDigestOutcome[]>;
  stop(): Promise<void>;
};

/** Instants (minute resolution) in [fromMs, toMs] at which `pattern` fires in `timeZone`, oldest first. */
export function fireTimesBetween(pattern: string, timeZone: string, fromMs: number, toMs: number): number[] {
  const matcher = cron.createTask(pattern, () => undefined, { timezone: timeZone });
  try {
    const out: number[] = [];
    for (let t = Math.ceil(fromMs / 60_000) * 60_000; t <= toMs; t += 60_000) if (matcher.match(new Date(t))) out.push(t);
    return out;
  } finally {
    void matcher.destroy();
  }
}

/** The last scheduled run earlier today (local), if any: the one a start-up catch-up owes. */
export function missedRunToday(target: DigestChannel, timeZone: string, now: number): number | null {
  const clock = zoneClock(timeZone);
  const runs = fireTimesBetween(target.cron, timeZone, clock.startOfDay(clock.today(now)), now);
  return runs.length ? runs[runs.length - 1] : null;
}

/** The digests as one of npm start's services (src/start-services.ts), saying at start what is scheduled. */
export function startDigestService(ctx: Context, client: DigestSlackClient, log: (line: string) => void): { name: string; stop(): Promise<void> } {
  const { digests, timeZone } = ctx.config;
  log(
    digests.length
      ? `Digests: ${digests.map((d) => `${d.channel} (${d.role}) at '${d.cron}'`).join(', ')} in ${timeZone}.`
      : 'Digests: none scheduled (set LEAK_DIGEST_CHANNEL, or LEAK_DIGESTS for several channels).',
  );
  const schedules = startDigestSchedules(ctx, client, { log });
  return { name: 'digests', stop: schedules.stop };
}

/** Starts every configured digest, and posts today's missed ones (late). */
export function startDigestSchedules(ctx: Context, client: DigestSlackClient, opts: DigestScheduleOptions = {}): DigestSchedules {
  const renderer = opts.renderer ?? createChartRenderer();
  const log = opts.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const { timeZone } = ctx.config;
  const post = (target: DigestChannel, late: boolean) =>
    postDigest(ctx, client, { target, date: previousCompleteDay(timeZone, ctx.now()), late, renderer, instance: opts.instance })
      .then((r) => {
        log(`digest ${r.channel} ${r.date}: ${r.outcome}${r.late ? ' (late)' : ''}${r.problem ? ` — ${r.problem}` : ''}`);
        return r;
      })
      // Never reject: the catch-up promise and cron callbacks are not awaited by anyone who could handle it.
      .catch((e: unknown): PostDigestOutcome => {
        log(`digest ${target.channel}: unexpected error ${(e as Error).message}`);
        return { channel: target.channel, date: previousCompleteDay(timeZone, ctx.now()), outcome: 'failed', late, problem: (e as Error).message };
      });

  const tasks = ctx.config.digests.map((target) =>
    cron.schedule(target.cron, () => post(target, false), { timezone: timeZone, noOverlap: true, name: `digest ${target.channel}` }),
  );
  const catchUp = Promise.all(
    ctx.config.digests
      .filter((target) => missedRunToday(target, timeZone, ctx.now()) !== null)
      .map((target) => post(target, true)),
  );
  return {
    tasks,
    catchUp,
    stop: async () => {
      await Promise.all(tasks.map((t) => t.destroy()));
    },
  };
}
