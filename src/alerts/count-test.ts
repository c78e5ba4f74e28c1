/**
 * The count test behind spike alerts. A day's leaked calls x against the same weekday's calls over
 * K earlier weeks (total B): if both are Poisson with the same rate, then given n = x + B, x is
 * Binomial(n, 1/(K+1)). Its upper tail is the exact test of "today's rate is higher than the
 * baseline's" (the conditional Poisson rate test), and unlike a Poisson tail around the baseline
 * mean it also counts the baseline's own noise, which matters when K is 4 weeks.
 */
import { bdtrc } from 'cephes';

/** P(X ≥ k) for X ~ Binomial(n, p): cephes's complemented binomial sum, exact in the far tail too. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  return bdtrc(k - 1, n, p);
}

/**
 * One-sided p-value that `observed` exceeds the rate seen in `baselineTotal` over `baselineWeeks`
 * comparable periods.
 */
export function spikePValue(observed: number, baselineTotal: number, baselineWeeks: number): number {
  return binomialUpperTail(observed, observed + baselineTotal, 1 / (baselineWeeks + 1));
}
