/** The part of cephes 2 (no types of its own) that src/alerts/count-test.ts uses. */
declare module 'cephes' {
  /** P(X > k) for X ~ Binomial(n, p): the sum of the terms k + 1 to n. */
  export function bdtrc(k: number, n: number, p: number): number;
}
