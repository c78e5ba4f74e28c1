/**
 * The spike alerts' count test on cephes's binomial tail, against hand-worked values and against the
 * hand-written log-gamma sum it replaced (kept here only as the oracle): the same p-value to nine
 * significant digits, so the same verdict at any threshold, from a dozen calls to a full-scale day.
 */
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, spikePValue } from '../../../src/alerts/count-test.ts';

// ---- the old implementation (src/alerts/count-test.ts before the library) ----
const LANCZOS = [676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905, -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7];
function logGamma(z: number): number {
  if (z < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * z)) - logGamma(1 - z);
  const x = z - 1;
  let a = 0.9999999999998099;
  for (let i = 0; i < LANCZOS.length; i++) a += LANCZOS[i] / (x + i + 1);
  const t = x + LANCZOS.length - 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}
const logChoose = (n: number, k: number) => logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1);
function oldUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  const [lp, lq] = [Math.log(p), Math.log1p(-p)];
  let sum = 0;
  for (let i = k; i <= n; i++) {
    const term = Math.exp(logChoose(n, i) + i * lp + (n - i) * lq);
    sum += term;
    if (i > n * p && term < sum * 1e-16) break;
  }
  return Math.min(1, sum);
}
// -------------------------------------------------------------------------------

describe('count test', () => {
  it('matches hand-worked binomial tails', () => {
    expect(binomialUpperTail(3, 3, 0.5)).toBeCloseTo(0.125, 12);
    expect(binomialUpperTail(2, 4, 0.2)).toBeCloseTo(1 - 0.8 ** 4 - 4 * 0.2 * 0.8 ** 3, 12);
    expect(binomialUpperTail(0, 4, 0.2)).toBe(1);
    expect(binomialUpperTail(5, 4, 0.2)).toBe(0);
    expect(binomialUpperTail(4, 4, 0.2)).toBeCloseTo(0.2 ** 4, 15);
  });

  it('gives the old p-value and so the old verdict, over counts from 1 to a full-scale day', () => {
    let compared = 0;
    for (const baseline of [0, 3, 12, 40, 200, 1_000, 5_000, 20_000]) {
      for (const weeks of [2, 3, 4, 8]) {
        const expected = baseline / weeks;
        for (const z of [-2, 0, 1, 2, 2.5, 3, 3.5, 4, 5, 7, 10]) {
          const observed = Math.max(0, Math.round(expected + z * Math.sqrt(Math.max(1, expected))));
          const p = spikePValue(observed, baseline, weeks);
          const old = oldUpperTail(observed, observed + baseline, 1 / (weeks + 1));
          if (old < 1e-290) expect(p).toBeLessThan(1e-280);
          else expect(Math.abs(p - old) / old).toBeLessThan(1e-9);
          // The verdict at the default threshold (1% split over ~50 series) and a stricter one.
          for (const threshold of [0.01 / 50, 1e-6]) expect(p <= threshold).toBe(old <= threshold);
          compared++;
        }
      }
    }
    expect(compared).toBe(8 * 4 * 11);
  });
});
