/**
 * Runs each digest on its cron line in LEAK_TZ (node-cron 4, noOverlap): to the configured Slack
 * channels when Slack is connected, and into the digest folder (LEAK_DIGEST_DIR) when it is not, or no
 * channel is set, or the folder is asked for. Each run covers every complete day since the last digest
 * to the same place (reports/digest/coverage.ts reads the ledger). On start, a run that fell due while
 * the process was down is made up at once, marked late: node-cron does not replay missed ticks.
 * The last fire time before now comes from cron-parser, in LEAK_TZ across DST.
 */
import cron, { type ScheduledTask } from 'node-cron';
import { CronExpressionParser } from 'cron-parser';
import type { Context } from '../context.ts';
import type { Store } from '../../db/open-db.ts';
import { addDays, zoneClock } from '../time.ts';
import type { DigestRole } from '../digest-channels.ts';
import { lastCoveredDay } from '../bookkeeping/digest-ledger.ts';
import { createChartRenderer, type ChartRenderer } from '../../reports/charts/render.ts';
import { planDigestSpan, type DigestSpan } from '../../reports/digest/coverage.ts';
import { postDigest, type DigestSlackClient, type PostDigestOutcome } from '../../reports/digest/post.ts';
import { folderKey, writeDigestFolder } from '../../reports/digest/write-folder.ts';

export type DigestScheduleOptions = {
  /** Post to the configured channels (LEAK_DIGESTS / LEAK_DIGEST_CHANNEL) through this client. */
  client?: DigestSlackClient;
  /** Write into this folder on this schedule, in the operations view. */
  folder?: { dir: string; cron: string };
  renderer?: ChartRenderer;
  instance?: string;
  log?: (line: string) => void;
};

/** One place a digest goes: a Slack channel or the digest folder, with its ledger key and schedule. */
export type DigestTarget = {
  /** How the log names it: "#ops", or the folder. */
  name: string;
  /** Its name in the ledger (digest_posts.channel). */
  key: string;
  role: DigestRole;
  cron: string;
  /** The log's word for a digest delivered there. */
  delivered: 'posted' | 'written';
  deliver(span: DigestSpan, late: boolean): Promise<PostDigestOutcome>;
};

export type DigestSchedules = {
  targets: DigestTarget[];
  tasks: ScheduledTask[];
  /** Resolves when the start-up catch-up has finished: one outcome per destination that was owed a digest. */
  catchUp: Promise<PostDigestOutcome[]>;
  /** Runs one destination's digest now, as its schedule would (null when every complete day is covered). */
  run(target: DigestTarget, late?: boolean): Promise<PostDigestOutcome | null>;
  stop(): Promise<void>;
};

const parse = (pattern: string, timeZone: string, at: number) => CronExpressionParser.parse(pattern, { currentDate: new Date(at), tz: timeZone });

/** The last instant at or before `now` at which `pattern` fires in `timeZone`, or null if it never did. */
export function previousFireTime(pattern: string, timeZone: string, now: number): number | null {
  try {
    return parse(pattern, timeZone, now + 1).prev().getTime();
  } catch {
    return null;
  }
}

/**
 * Whether the schedule's last run before `now` was missed: it would have covered every complete day
 * before its own date, and the ledger has not got that far. A destination with no digest yet is owed
 * one only for a run earlier today (a new channel does not get a digest for a run of last week).
 */
export function owesCatchUp(store: Store, target: Pick<DigestTarget, 'key' | 'cron'>, timeZone: string, now: number): boolean {
  const previous = previousFireTime(target.cron, timeZone, now);
  if (previous === null) return false;
  const clock = zoneClock(timeZone);
  const last = lastCoveredDay(store, target.key);
  if (last === undefined) return clock.localDate(previous) === clock.today(now);
  return last < addDays(clock.localDate(previous), -1);
}

/** The digests as one of npm start's services, saying at start where they go and when. */
export function startDigestService(ctx: Context, client: DigestSlackClient | undefined, log: (line: string) => void): { name: string; stop(): Promise<void> } {
  const { digests, digestFolder, timeZone } = ctx.config;
  const channels = client ? digests : [];
  const folder = channels.length === 0 || digestFolder.set ? digestFolder : undefined;
  if (channels.length) log(`Digests: ${channels.map((d) => `${d.channel} (${d.role}) at '${d.cron}'`).join(', ')} in ${timeZone}, each covering every complete day since the one before.`);
  if (folder) {
    const why = !client ? ' (Slack is not connected)' : digests.length === 0 ? ' (no digest channel: set LEAK_DIGEST_CHANNEL, or LEAK_DIGESTS, to post them in Slack)' : '';
    log(`Digests: written to ${folder.dir}/, a dated folder each (Markdown and charts, operations view), at '${folder.cron}' in ${timeZone}${why}.`);
  }
  const schedules = startDigestSchedules(ctx, { client: channels.length ? client : undefined, folder, log });
  return { name: 'digests', stop: schedules.stop };
}

/** Starts every digest destination on its schedule, and makes up the runs missed while the process was down (late). */
export function startDigestSchedules(ctx: Context, opts: DigestScheduleOptions = {}): DigestSchedules {
  const renderer = opts.renderer ?? createChartRenderer();
  const log = opts.log ?? ((line: string) => ctx.log.info(line));
  const { timeZone } = ctx.config;
  const targets: DigestTarget[] = [];
  const client = opts.client;
  if (client) {
    for (const d of ctx.config.digests) {
      targets.push({
        name: d.channel, key: d.channel, role: d.role, cron: d.cron, delivered: 'posted',
        deliver: (span, late) => postDigest(ctx, client, { target: d, date: span.to, from: span.from, coverage: span.coverage, late, renderer, instance: opts.instance }),
      });
    }
  }
  const folder = opts.folder;
  if (folder) {
    targets.push({
      name: folder.dir, key: folderKey(folder.dir), role: 'ops', cron: folder.cron, delivered: 'written',
      deliver: (span, late) => writeDigestFolder(ctx, { dir: folder.dir, role: 'ops', date: span.to, from: span.from, coverage: span.coverage, late, renderer, instance: opts.instance }),
    });
  }

  // Runs in flight, so stopping waits for them: a digest cut off half-way would leave its claim behind.
  const inflight = new Set<Promise<unknown>>();
  const run = (target: DigestTarget, late = false): Promise<PostDigestOutcome | null> => {
    const p = runOnce(target, late);
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
    return p;
  };
  const runOnce = async (target: DigestTarget, late: boolean): Promise<PostDigestOutcome | null> => {
    let span: DigestSpan | null = null;
    try {
      span = planDigestSpan(ctx.store, target.key, timeZone, ctx.now());
      if (!span) return null;
      const r = await target.deliver(span, late);
      const days = r.from && r.from !== r.date ? `${r.from} to ${r.date}` : r.date;
      const done = r.outcome === 'posted' ? target.delivered : r.outcome;
      log(`digest ${target.name} ${days}: ${done}${r.late ? ' (late)' : ''}${r.problem ? ` — ${r.problem}` : ''}`);
      return r;
    } catch (e) {
      // Never reject: the catch-up promise and cron callbacks are not awaited by anyone who could handle it.
      log(`digest ${target.name}: unexpected error ${(e as Error).message}`);
      return { channel: target.key, date: span?.to ?? '', from: span?.from, outcome: 'failed', late, problem: (e as Error).message };
    }
  };

  const tasks = targets.map((target) =>
    cron.schedule(target.cron, () => run(target), { timezone: timeZone, noOverlap: true, name: `digest ${target.name}` }),
  );
  const catchUp = Promise.all(targets.filter((t) => owesCatchUp(ctx.store, t, timeZone, ctx.now())).map((t) => run(t, true))).then((rs) =>
    rs.filter((r): r is PostDigestOutcome => r !== null),
  );
  return {
    targets,
    tasks,
    catchUp,
    run,
    stop: async () => {
      await Promise.all(tasks.map((t) => t.destroy()));
      await Promise.all(inflight);
    },
  };
}
