/** Summaries of repeated timings: medians with min and max, and tail percentiles. */
export type Summary = { n: number; median: number; min: number; max: number; p95: number; p99: number };

export function summarize(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { n: s.length, median: at(0.5), min: s[0], max: s[s.length - 1], p95: at(0.95), p99: at(0.99) };
}

/** Times fn `runs` times (after `warmup` untimed runs) and returns milliseconds per run. */
export async function timeRuns(runs: number, fn: () => unknown, warmup = 0): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    out.push(performance.now() - t);
  }
  return out;
}
