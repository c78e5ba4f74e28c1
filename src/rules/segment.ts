/**
 * The member segment, defined once: the pipeline counts every leaked call under it (SQL) and the
 * member profile shows it (JavaScript). Both are built from SEGMENT below, so a member's profile
 * can never disagree with the segment their leaked calls were counted under.
 */
import { daysBetween } from '../time.ts';

/** One plan is split by tenure (new members struggle most); every other plan is its own segment. */
const SEGMENT = { splitPlan: 'MAPD', newWithinDays: 365, newLabel: 'MAPD New', tenuredLabel: 'MAPD Tenured', noProfile: 'Unknown' } as const;

/** A member's segment on a date; `plan` null means no profile is on file. */
export function segmentOf(plan: string | null, enrolledOn: string, date: string): string {
  if (plan === null) return SEGMENT.noProfile;
  if (plan !== SEGMENT.splitPlan) return plan;
  return daysBetween(enrolledOn, date) < SEGMENT.newWithinDays ? SEGMENT.newLabel : SEGMENT.tenuredLabel;
}

/** The same rule as a SQL expression over the given columns (dates written YYYY-MM-DD). */
export function segmentSql(col: { plan: string; enrolledOn: string; date: string }): string {
  const s = SEGMENT;
  return `CASE
    WHEN ${col.plan} IS NULL THEN '${s.noProfile}'
    WHEN ${col.plan} = '${s.splitPlan}' THEN
      CASE WHEN julianday(${col.date}) - julianday(${col.enrolledOn}) < ${s.newWithinDays} THEN '${s.newLabel}' ELSE '${s.tenuredLabel}' END
    ELSE ${col.plan}
  END`;
}
