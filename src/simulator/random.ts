/**
 * A fast seeded integer generator (sfc32) and the hashing that derives one independent stream per
 * simulated minute. Every slice of the simulated world is a pure function of (seed, minute), so a
 * backfill, a live stream and a resumed live stream generate exactly the same rows.
 */

/** Mixes integers into one 32-bit seed (murmur3 finalizer per word): nearby inputs give unrelated outputs. */
export function hash32(...words: number[]): number {
  let h = 0x9e3779b9;
  for (const w of words) {
    let k = Math.imul((w | 0) ^ Math.floor(w / 4294967296), 0xcc9e2d51);
    k = Math.imul((k << 15) | (k >>> 17), 0x1b873593);
    h ^= k;
    h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = hash32(seed, 1);
    this.b = hash32(seed, 2);
    this.c = hash32(seed, 3);
    this.d = 1;
    for (let i = 0; i < 12; i++) this.nextU32();
  }

  nextU32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextU32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }

  /**
   * A stream of its own, seeded from the next four words of this one: what is drawn from the child,
   * and how many draws that takes, never moves this stream's later draws.
   */
  fork(): Random {
    return new Random(hash32(this.nextU32(), this.nextU32(), this.nextU32(), this.nextU32()));
  }

  /** Approximately normal (Irwin–Hall of 4): cheap, bounded, good enough for sentiments and durations. */
  normal(mean: number, sd: number): number {
    const s = this.next() + this.next() + this.next() + this.next() - 2;
    return mean + sd * s * 1.7320508;
  }
}

/** A categorical draw prepared once: cumulative weights searched linearly (lists here are short). */
export class Weighted<T> {
  readonly items: T[];
  private readonly cumulative: number[];

  constructor(pairs: readonly (readonly [T, number])[]) {
    this.items = pairs.map((p) => p[0]);
    const total = pairs.reduce((s, p) => s + p[1], 0);
    let acc = 0;
    this.cumulative = pairs.map((p) => (acc += p[1] / total));
    this.cumulative[this.cumulative.length - 1] = 1;
  }

  draw(rng: Random): T {
    const u = rng.next();
    const c = this.cumulative;
    let i = 0;
    while (u >= c[i]) i++;
    return this.items[i];
  }
}
