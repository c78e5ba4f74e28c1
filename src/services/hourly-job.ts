/**
 * An idempotent job run hourly (node-cron 4, noOverlap, in LEAK_TZ) and once at start: because every
 * step of such a job is safe to repeat, the start-up run is the catch-up for ticks missed while the
 * process was down (node-cron does not replay them).
 */
import cron, { type ScheduledTask } from 'node-cron';

export type HourlyJob = { name: string; task: ScheduledTask; startup: Promise<unknown>; runNow(): Promise<unknown>; stop(): Promise<void> };

export function startHourlyJob<R>(opts: {
  name: string;
  /** Prefix of its log lines, e.g. "alerts". */
  label: string;
  cron: string;
  timeZone: string;
  run: () => Promise<R>;
  /** What the run did, in a few words each; nothing is logged when it did nothing. */
  describe: (r: R) => (string | false | 0 | undefined)[];
  log: (line: string) => void;
}): HourlyJob {
  const { label } = opts;
  const run = () =>
    opts
      .run()
      .then((r) => {
        const done = opts.describe(r).filter(Boolean);
        if (done.length) opts.log(`${label}: ${done.join(', ')}`);
        return r;
      })
      // Never reject: nobody awaits a cron callback.
      .catch((e: unknown) => {
        opts.log(`${label}: unexpected error ${(e as Error).message}`);
        return undefined;
      });
  // Runs in flight, so stopping waits for them rather than close the store under one.
  const inflight = new Set<Promise<unknown>>();
  const track = () => {
    const p = run();
    inflight.add(p);
    void p.finally(() => inflight.delete(p));
    return p;
  };
  const task = cron.schedule(opts.cron, track, { timezone: opts.timeZone, noOverlap: true, name: opts.name });
  return {
    name: opts.name,
    task,
    startup: track(),
    runNow: track,
    stop: async () => {
      await task.destroy();
      await Promise.all(inflight);
    },
  };
}
