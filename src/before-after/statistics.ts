/** Small statistics the analyses share: means, spreads, Welch's t-test, a two-segment change-point. */

export const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** Sample variance (n − 1), 0 for fewer than two values. */
export function variance(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

// Two-sided 95% critical values of Student's t for df 1..30; beyond 30 the normal 1.96 is close enough
// for a yes/no call. Non-integer Welch df round down, which errs on the side of "not significant".
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
export const tCritical95 = (df: number) => (df >= 31 ? 1.96 : T95[Math.max(1, Math.floor(df)) - 1]);

export type WelchResult = { t: number; df: number; critical: number; significant: boolean };

/**
 * Welch's t-test (unequal variances) on two samples of daily values: is the difference of means
 * larger than day-to-day variation explains, at 95%? null with fewer than two values a side.
 * Both sides constant: any difference at all is significant (there is no noise to hide in).
 */
export function welchTest(a: number[], b: number[]): WelchResult | null {
  if (a.length < 2 || b.length < 2) return null;
  const [va, vb] = [variance(a) / a.length, variance(b) / b.length];
  const diff = mean(b) - mean(a);
  if (va + vb === 0) return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: a.length + b.length - 2, critical: tCritical95(a.length + b.length - 2), significant: diff !== 0 };
  const t = diff / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / ((va ** 2) / (a.length - 1) + (vb ** 2) / (b.length - 1));
  const critical = tCritical95(df);
  return { t, df, critical, significant: Math.abs(t) > critical };
}

export type ChangePoint = { index: number; before_mean: number; after_mean: number; t: number | null };

/**
 * Where the current level of a daily series began: the split into [0, k) and [k, n) that minimises
 * the within-segment squared error (the best two-segment mean fit), searched over every k with at
 * least `minBefore` days before and one day after. It counts as an upward shift only when the later
 * level is more than `minRisePct` above the earlier one and Welch's t on the two segments clears 95%
 * (a single day after the split is judged against the earlier days' spread alone). null otherwise.
 */
export function findUpwardShift(series: number[], minBefore = 3, minRisePct = 10): ChangePoint | null {
  const n = series.length;
  if (n < minBefore + 1) return null;
  let best: { k: number; sse: number } | null = null;
  for (let k = minBefore; k < n; k++) {
    const [a, b] = [series.slice(0, k), series.slice(k)];
    const sse = variance(a) * (a.length - 1) + variance(b) * Math.max(0, b.length - 1);
    if (!best || sse < best.sse - 1e-9) best = { k, sse };
  }
  if (!best) return null;
  const [a, b] = [series.slice(0, best.k), series.slice(best.k)];
  const [ma, mb] = [mean(a), mean(b)];
  if (!(mb > ma * (1 + minRisePct / 100)) || mb - ma < 1) return null;
  const test = b.length >= 2 ? welchTest(a, b) : singleDayTest(a, b[0]);
  if (!test || !test.significant) return null;
  return { index: best.k, before_mean: ma, after_mean: mb, t: Number.isFinite(test.t) ? test.t : null };
}

/** One new day against the earlier days: a prediction-interval t (the day's own noise is the earlier days'). */
function singleDayTest(a: number[], x: number): WelchResult | null {
  if (a.length < 2) return null;
  const sd = Math.sqrt(variance(a) * (1 + 1 / a.length));
  const diff = x - mean(a);
  const critical = tCritical95(a.length - 1);
  if (sd === 0) return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: a.length - 1, critical, significant: diff !== 0 };
  return { t: diff / sd, df: a.length - 1, critical, significant: Math.abs(diff / sd) > critical };
}

/**
 * Divides each day by its weekday's factor (that weekday's mean over the series ÷ the overall mean),
 * so a quiet weekend or a busy Monday is not read as a level change and the weekly rhythm does not
 * swell the noise a real shift is judged against. Needs three whole weeks to estimate the factors;
 * shorter series come back unchanged. Position i and i + 7 are the same weekday (a contiguous series).
 */
export function adjustForWeekday(series: number[]): { values: number[]; adjusted: boolean } {
  const overall = mean(series);
  if (series.length < 21 || overall === 0) return { values: series, adjusted: false };
  const factors = [0, 1, 2, 3, 4, 5, 6].map((k) => mean(series.filter((_, i) => i % 7 === k)) / overall);
  return { values: series.map((x, i) => (factors[i % 7] > 0 ? x / factors[i % 7] : x)), adjusted: true };
}
