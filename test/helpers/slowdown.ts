/**
 * Times a hostile input against a normal one of the same size, as a ratio of their fastest runs: a busy
 * machine only ever adds time to a run, so each one's fastest run is the nearest to its own cost, and
 * the ratio holds where an absolute time would not.
 */
type Prepare = () => (() => void) | Promise<() => void>;

/**
 * How many times longer `hostile` takes than `normal`. Each is prepared afresh (untimed) and then
 * run `reps` times (timed), `runs` times over, alternating, after one untimed warm-up each; the
 * ratio of the fastest runs. A hostile run is cut short once it has taken `giveUpAt` times the slowest
 * normal run, so a quadratic case fails in bounded time instead of holding up the suite.
 */
export async function slowdown(normal: Prepare, hostile: Prepare, { runs = 5, reps = 1, giveUpAt = 100 } = {}): Promise<number> {
  await timeRun(normal, 1, Infinity);
  await timeRun(hostile, 1, Infinity);
  const normalMs: number[] = [];
  const hostileMs: number[] = [];
  for (let r = 0; r < runs; r++) {
    normalMs.push(await timeRun(normal, reps, Infinity));
    hostileMs.push(await timeRun(hostile, reps, giveUpAt * Math.max(...normalMs)));
  }
  return Math.min(...hostileMs) / Math.min(...normalMs);
}

async function timeRun(prepare: Prepare, reps: number, budgetMs: number): Promise<number> {
  const run = await prepare();
  const start = performance.now();
  for (let i = 0; i < reps; i++) {
    run();
    if (performance.now() - start > budgetMs) break;
  }
  return performance.now() - start;
}
