import { describe, expect, it } from 'vitest';
import { adjustForWeekday, findUpwardShift, variance, welchTest } from '../../../src/before-after/statistics.ts';

/** Deterministic noise in −5..+5, so a failure replays exactly. */
const noise = (i: number) => ((i * 7) % 11) - 5;

describe('findUpwardShift', () => {
  it('finds a known step: 20 days around 100, then 10 days around 150', () => {
    const series = Array.from({ length: 30 }, (_, i) => (i < 20 ? 100 : 150) + noise(i));
    const cp = findUpwardShift(series);
    expect(cp?.index).toBe(20);
    expect(cp!.after_mean - cp!.before_mean).toBeGreaterThan(45);
  });

  it('is not fooled by noise around a flat level', () => {
    expect(findUpwardShift(Array.from({ length: 30 }, (_, i) => 100 + noise(i)))).toBeNull();
  });

  it('ignores a step down', () => {
    expect(findUpwardShift(Array.from({ length: 30 }, (_, i) => (i < 20 ? 150 : 100) + noise(i)))).toBeNull();
  });

  it('catches a spike that began on the last day', () => {
    expect(findUpwardShift([10, 11, 9, 10, 10, 30])?.index).toBe(5);
  });

  it('wants a rise of more than 10%: 100 → 109 with no noise is not a spike, 100 → 112 is', () => {
    expect(findUpwardShift([100, 100, 100, 100, 109, 109, 109])).toBeNull();
    expect(findUpwardShift([100, 100, 100, 100, 112, 112, 112])?.index).toBe(4);
  });
});

describe('adjustForWeekday', () => {
  // A Monday-peak, quiet-weekend week (the simulator's rhythm) times a level, with 4% wobble.
  const WEEK = [1.22, 1.08, 1.04, 1.0, 0.96, 0.72, 0.66];
  const weekly = (level: (i: number) => number) => Array.from({ length: 42 }, (_, i) => Math.round(level(i) * WEEK[i % 7] * (1 + noise(i) / 125)));

  it('finds a +14% step under a weekly rhythm on its first day', () => {
    const series = weekly((i) => (i < 28 ? 100 : 114));
    const adjusted = adjustForWeekday(series);
    expect(adjusted.adjusted).toBe(true);
    expect(findUpwardShift(adjusted.values)?.index).toBe(28);
  });

  it('reads the weekly rhythm alone as no shift', () => {
    expect(findUpwardShift(adjustForWeekday(weekly(() => 100)).values)).toBeNull();
  });

  it('leaves fewer than three weeks alone', () => {
    expect(adjustForWeekday([1, 2, 3])).toEqual({ values: [1, 2, 3], adjusted: false });
  });
});

describe('welchTest', () => {
  it('matches a hand computation: [2,2,2] vs [8,10,10] gives t = 11 on df 2', () => {
    const r = welchTest([2, 2, 2], [8, 10, 10])!;
    expect(r.t).toBeCloseTo(11, 10);
    expect(r.df).toBeCloseTo(2, 10);
    expect(r.critical).toBe(4.303);
    expect(r.p).toBeCloseTo(0.00816, 5); // 2 × P(T₂ > 11)
    expect(r.significant).toBe(true);
  });

  it('needs two days a side', () => {
    expect(welchTest([1], [2, 3])).toBeNull();
  });

  it('sample variance and critical values: Welch df read rounded down, the normal beyond 30', () => {
    expect(variance([8, 10, 10])).toBeCloseTo(4 / 3, 10);
    const df4 = welchTest([1, 2, 4], [2, 9, 9, 20, 31])!; // df ≈ 4.6
    expect(df4.df).toBeGreaterThan(4);
    expect(df4.df).toBeLessThan(5);
    expect(df4.critical).toBe(2.776);
    const big = Array.from({ length: 40 }, (_, i) => i % 7);
    expect(welchTest(big, big.map((x) => x + 1))!.critical).toBe(1.96);
  });
});
