import { describe, expect, it } from 'vitest';
import { findUpwardShift, tCritical95, variance, welchTest } from '../../../src/analysis/stats.ts';

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

  it('wants a rise of at least 20%: 100 → 110 with no noise is not a spike', () => {
    expect(findUpwardShift([100, 100, 100, 100, 110, 110, 110])).toBeNull();
  });
});

describe('welchTest', () => {
  it('matches a hand computation: [2,2,2] vs [8,10,10] gives t = 11 on df 2', () => {
    const r = welchTest([2, 2, 2], [8, 10, 10])!;
    expect(r.t).toBeCloseTo(11, 10);
    expect(r.df).toBeCloseTo(2, 10);
    expect(r.critical).toBe(4.303);
    expect(r.significant).toBe(true);
  });

  it('needs two days a side', () => {
    expect(welchTest([1], [2, 3])).toBeNull();
  });

  it('sample variance and critical values', () => {
    expect(variance([8, 10, 10])).toBeCloseTo(4 / 3, 10);
    expect(tCritical95(2.7)).toBe(4.303);
    expect(tCritical95(100)).toBe(1.96);
  });
});
