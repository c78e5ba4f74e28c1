/**
 * The statistics from ttest/distributions against the hand-written code they replaced, kept here
 * only as the oracle: the same t and degrees of freedom, the same 95% thresholds (the old printed
 * table's values, now computed), and the same verdict on every case.
 */
import { describe, expect, it } from 'vitest';
import distributions from 'distributions';
import { findUpwardShift, welchTest } from '../../../src/before-after/statistics.ts';

// ---- the old implementation (src/before-after/statistics.ts before the library), verbatim in substance ----
const mean = (xs: number[]) => (xs.length ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);
const variance = (xs: number[]) => (xs.length < 2 ? 0 : xs.reduce((s, x) => s + (x - mean(xs)) ** 2, 0) / (xs.length - 1));
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];
const oldCritical = (df: number) => (df >= 31 ? 1.96 : T95[Math.max(1, Math.floor(df)) - 1]);
type OldResult = { t: number; df: number; critical: number; significant: boolean };
function oldWelch(a: number[], b: number[]): OldResult | null {
  if (a.length < 2 || b.length < 2) return null;
  const [va, vb] = [variance(a) / a.length, variance(b) / b.length];
  const diff = mean(b) - mean(a);
  if (va + vb === 0) return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: a.length + b.length - 2, critical: oldCritical(a.length + b.length - 2), significant: diff !== 0 };
  const t = diff / Math.sqrt(va + vb);
  const df = (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  return { t, df, critical: oldCritical(df), significant: Math.abs(t) > oldCritical(df) };
}
function oldSingleDay(a: number[], x: number): OldResult | null {
  if (a.length < 2) return null;
  const sd = Math.sqrt(variance(a) * (1 + 1 / a.length));
  const diff = x - mean(a);
  const critical = oldCritical(a.length - 1);
  if (sd === 0) return { t: diff === 0 ? 0 : Math.sign(diff) * Infinity, df: a.length - 1, critical, significant: diff !== 0 };
  return { t: diff / sd, df: a.length - 1, critical, significant: Math.abs(diff / sd) > critical };
}
/** The old findUpwardShift, returning the test that decided it as well. */
function oldShift(series: number[], minBefore = 3, minRisePct = 10): { index: number | null; test: OldResult | null } {
  const n = series.length;
  if (n < minBefore + 1) return { index: null, test: null };
  let best: { k: number; sse: number } | null = null;
  for (let k = minBefore; k < n; k++) {
    const [a, b] = [series.slice(0, k), series.slice(k)];
    const sse = variance(a) * (a.length - 1) + variance(b) * Math.max(0, b.length - 1);
    if (!best || sse < best.sse - 1e-9) best = { k, sse };
  }
  const [a, b] = [series.slice(0, best!.k), series.slice(best!.k)];
  if (!(mean(b) > mean(a) * (1 + minRisePct / 100)) || mean(b) - mean(a) < 1) return { index: null, test: null };
  const test = b.length >= 2 ? oldWelch(a, b) : oldSingleDay(a, b[0]);
  return { index: test?.significant ? best!.k : null, test };
}
// ---------------------------------------------------------------------------------------------------------

/** A seeded generator, so a failure replays exactly. */
function random(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal, int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/** Daily leaked calls around a level, with Poisson-like noise plus day-to-day swings. */
const days = (r: ReturnType<typeof random>, n: number, level: number, swing: number) =>
  Array.from({ length: n }, () => Math.max(0, Math.round(level + r.normal() * Math.sqrt(level) + r.normal() * swing * level)));

describe('Welch t-test: the library against the old table', () => {
  it('computes the tabulated 95% thresholds: t for 1 to 30 degrees of freedom, the normal beyond', () => {
    for (let df = 1; df <= 30; df++) expect(Math.round(1000 * distributions.Studentt(df).inv(0.975)) / 1000).toBe(T95[df - 1]);
    expect(Math.round(1000 * distributions.Normal(0, 1).inv(0.975)) / 1000).toBe(1.96);
  });

  it('gives the same t, degrees of freedom, threshold and verdict on 20,000 before/after windows', () => {
    const r = random(21);
    for (let i = 0; i < 20_000; i++) {
      const n = r.int(2, 28);
      const level = [3, 10, 40, 120, 900, 5000][r.int(0, 5)];
      const swing = [0, 0.03, 0.1, 0.3][r.int(0, 3)];
      const change = [-0.4, -0.15, -0.05, 0, 0.05, 0.15, 0.4][r.int(0, 6)];
      const a = days(r, n, level, swing);
      const b = days(r, n, level * (1 + change), swing);
      const old = oldWelch(a, b)!;
      const now = welchTest(a, b)!;
      if (Number.isFinite(old.t)) expect(now.t).toBeCloseTo(old.t, 9);
      else expect(now.t).toBe(old.t);
      expect(now.df).toBeCloseTo(old.df, 9);
      // Equal spreads and sizes give 2n − 2 degrees of freedom; the old code could compute 26.9999999
      // and read the table at 26. The new one reads such a df as the whole number it is.
      const expected = Math.abs(old.df - Math.round(old.df)) < 1e-9 ? { ...old, critical: oldCritical(Math.round(old.df)) } : old;
      expected.significant = Math.abs(old.t) > expected.critical;
      expect(now.critical).toBe(expected.critical);
      expect(now.significant).toBe(expected.significant);
      // The p-value says the same, but for |t| within the threshold's rounding (0.0005).
      if (Math.abs(Math.abs(now.t) - now.critical) > 5e-4) expect(now.p < 0.05).toBe(now.significant);
    }
  });

  it('finds the same spike start, or none, on 5,000 daily series', () => {
    const r = random(42);
    let found = 0;
    for (let i = 0; i < 5_000; i++) {
      const n = r.int(8, 42);
      const level = [5, 30, 100, 400][r.int(0, 3)];
      const k = r.int(3, n - 1);
      const rise = [0, 0.1, 0.2, 0.5][r.int(0, 3)];
      const series = [...days(r, k, level, 0.05), ...days(r, n - k, level * (1 + rise), 0.05)];
      const now = findUpwardShift(series)?.index ?? null;
      expect(now).toBe(oldShift(series).index);
      if (now !== null) found++;
    }
    // Both outcomes are well represented, so agreement is not agreement on "nothing".
    expect(found).toBeGreaterThan(1_000);
    expect(found).toBeLessThan(4_000);
  });
});
