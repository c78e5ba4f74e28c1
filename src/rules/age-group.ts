/**
 * The age group, defined once for the pipeline's SQL and the member profile's JavaScript: both
 * are built from AGE_BANDS, so the two can never drift apart. Age is counted in calendar years.
 */

/** Each band holds the ages below `below` not taken by an earlier band; older members are OLDEST. */
const AGE_BANDS = [
  { below: 35, label: 'Under 35' },
  { below: 50, label: '35-49' },
  { below: 65, label: '50-64' },
  { below: 75, label: '65-74' },
] as const;
const OLDEST = '75+';
const NO_BIRTH_YEAR = 'Unknown';

export function ageGroupOf(birthYear: number | null, date: string): string {
  if (birthYear === null) return NO_BIRTH_YEAR;
  const age = Number(date.slice(0, 4)) - birthYear;
  return AGE_BANDS.find((b) => age < b.below)?.label ?? OLDEST;
}

/** The same rule as a SQL expression over the given columns (`date` written YYYY-MM-DD). */
export function ageGroupSql(col: { birthYear: string; date: string }): string {
  const age = `CAST(substr(${col.date}, 1, 4) AS INTEGER) - ${col.birthYear}`;
  return [
    'CASE',
    `    WHEN ${col.birthYear} IS NULL THEN '${NO_BIRTH_YEAR}'`,
    ...AGE_BANDS.map((b) => `    WHEN ${age} < ${b.below} THEN '${b.label}'`),
    `    ELSE '${OLDEST}'`,
    '  END',
  ].join('\n');
}
