/**
 * The count test behind spike alerts. A day's leaked calls x against the same weekday's calls over
 * K earlier weeks (total B): if both are Poisson with the same rate, then given n = x + B, x is
 * Binomial(n, 1/(K+1)). Its upper tail is the exact test of "today's rate is higher than the
 * baseline's" (the conditional Poisson rate test), and unlike a Poisson tail around the baseline
 * mean it also counts the baseline's own noise, which matters when K is 4 weeks.
 */

const LANCZOS = [676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7];

/** ln Γ(z) for z > 0 (Lanczos, g = 7): ~15 significant digits. */
function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let a = 0.9999999999998099;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i] / (x + i + 1);
  const t = x + LANCZOS.length - 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);

/** P(X ≥ k) for X ~ Binomial(n, p). Sums from k upward in log space and stops once terms stop mattering. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const [lp, lq] = [Math.log(p), Math.log1p(-p)];
  let sum = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(logChoose(n, i) + i * lp + (n - i) * lq);
    sum += term;
    // Past the mode the terms fall geometrically; 1e-16 of the running sum is below double precision.
    if (i > n * p && term < sum * 1e-16) break;
  }
  return Math.min(1, sum);
}

/** P(X ≥ k) for X ~ Poisson(lambda), for callers that know the rate exactly. */
export function poissonUpperTail(k: number, lambda: number): number {
  if (k <= 0) return 1;
  if (lambda <= 0) return 0;
  let sum = 0;
  for (let i = k; ; i++) {
    const term = Math.exp(i * Math.log(lambda) - lambda - logGamma(i + 1));
    sum += term;
    if ((i > lambda && term < sum * 1e-16) || i > k + 1e6) break;
  }
  return Math.min(1, sum);
}

/**
 * One-sided p-value that `observed` exceeds the rate seen in `baselineTotal` over `baselineWeeks`
 * comparable periods.
 */
export function spikePValue(observed: number, baselineTotal: number, baselineWeeks: number): number {
  return binomialUpperTail(observed, observed + baselineTotal, 1 / (baselineWeeks + 1));
}
