/** The part of the distributions package (no types of its own) that src/before-after/statistics.ts uses. */
declare module 'distributions' {
  type Distribution = { pdf(x: number): number; cdf(x: number): number; inv(p: number): number };
  const distributions: { Studentt(df: number): Distribution; Normal(mean: number, sd: number): Distribution };
  export default distributions;
}
