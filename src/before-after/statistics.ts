/**
 * Small statistics the analyses share: means, spreads, Welch's t-test, a two-segment change-point.
 * The test itself and the t distribution come from ttest and distributions (cephes underneath).
 */
import distributions from 'distributions';
import ttest from 'ttest';

export const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** Sample variance (n − 1), 0 for fewer than two values. */
export function variance(xs: number[]): number {
  if (xs.length < 2) return 0;
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

/**
 * The t distribution a verdict is read from: Welch's degrees of freedom rounded down (which errs on
 * the side of "not significant"), and beyond 30 the normal. These are the conventions of the printed
 * table this replaced, kept so that no verdict moved (README, "Figures behind the code").
 */
const verdictDistribution = (df: number) => {
  // A df a rounding error short of a whole number (equal spreads and sizes give 2n − 2) is that number.
  const whole = Math.floor(df + 1e-9);
  return whole >= 31 ? distributions.Normal(0, 1) : distributions.Studentt(Math.max(1, whole));
};

/** t, its degrees of freedom, the two-sided p-value, the 95% threshold for |t| (3 decimals, as tables print it), and the verdict. */
export type WelchResult = { t: number; df: number; p: number; critical: number; significant: boolean };

function verdict(t: number, df: number): WelchResult {
  const dist = verdictDistribution(df);
  const critical = Math.round(1000 * dist.inv(0.975)) / 1000;
  return { t, df, p: Number.isFinite(t) ? 2 * dist.cdf(-Math.abs(t)) : t === 0 ? 1 : 0, critical, significant: Math.abs(t) > critical };
}

/**
 * Welch's t-test (unequal variances) on two samples of daily values: is the difference of means
 * larger than day-to-day variation explains, at 95%? null with fewer than two values a side.
 * Both sides constant: any difference at all is significant (there is no noise to hide in).
 */
export function welchTest(a: number[], b: number[]): WelchResult | null {
  if (a.length < 2 || b.length < 2) return null;
  if (variance(a) + variance(b) === 0) return verdict(noiselessT(mean(b) - mean(a)), a.length + b.length - 2);
  const test = ttest(b, a, { varEqual: false });
  return verdict(test.testValue(), test.freedom());
}

const noiselessT = (diff: number) => (diff === 0 ? 0 : Math.sign(diff) * Infinity);

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
  return verdict(sd === 0 ? noiselessT(diff) : diff / sd, a.length - 1);
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
