/**
 * One member, as the journey playback and the member 360 see them: whether the store knows them,
 * and the profile with segment, age group and tenure as of a date.
 * Segment and age group come from src/rules/, as the leakage SQL's do, so a member's profile
 * never disagrees with the segment their leaked calls were counted under.
 */
import { showsMemberDetails, type Context } from '../context.ts';
import { LeakError } from '../errors.ts';
import { ageGroupOf } from '../rules/age-group.ts';
import { segmentOf } from '../rules/segment.ts';

export type MemberProfile = {
  name: string | null;
  plan: string;
  segment: string;
  /** null when hidden: tenure_months says how long they have been a member. */
  enrolled_on: string | null;
  tenure_months: number;
  language: string;
  birth_year: number | null;
  age_group: string;
  state: string | null;
  /** The personal details left out of this answer (ctx.memberDetails === false). */
  hidden?: readonly PersonalDetail[];
};

/** What identifies a person rather than describes their journey: shown only where ctx.memberDetails allows. */
export const PERSONAL_DETAILS = ['name', 'birth_year', 'state', 'enrolled_on'] as const;
export type PersonalDetail = (typeof PERSONAL_DETAILS)[number];

/** The line an answer carries when it left details out, saying how to see them. */
export const HIDDEN_DETAILS_NOTE =
  'Name, birth year, state and enrolment date are left out here; the people in LEAK_PII_USERS see them in their private answers.';

/**
 * Throws not_found unless the store knows the member: a profile, or any source row whose id
 * resolved to them (a caller without a profile is still a member we can play back).
 */
export function requireMember(ctx: Context, memberId: string): void {
  const known = ctx.store.sqlite
    .prepare(
      `SELECT EXISTS (SELECT 1 FROM member_profiles WHERE member_id = @id)
           OR EXISTS (SELECT 1 FROM member_source_ids WHERE member_id = @id)`,
    )
    .pluck()
    .get({ id: memberId });
  if (!known) throw new LeakError('not_found', `No member ${memberId} found.`);
}

/** Whole calendar months from enrolment to the date (0 before the first monthiversary). */
function tenureMonths(enrolledOn: string, date: string): number {
  const [y1, m1, d1] = enrolledOn.split('-').map(Number);
  const [y2, m2, d2] = date.split('-').map(Number);
  const months = (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
  return Math.max(0, months);
}

export function readProfile(ctx: Context, memberId: string, date: string): MemberProfile | null {
  const row = ctx.store.sqlite
    .prepare('SELECT name, plan, enrolled_on, language, birth_year, state FROM member_profiles WHERE member_id = ?')
    .get(memberId) as { name: string | null; plan: string; enrolled_on: string; language: string; birth_year: number | null; state: string | null } | undefined;
  if (!row) return null;
  const profile: MemberProfile = {
    name: row.name,
    plan: row.plan,
    segment: segmentOf(row.plan, row.enrolled_on, date),
    enrolled_on: row.enrolled_on,
    tenure_months: tenureMonths(row.enrolled_on, date),
    language: row.language,
    birth_year: row.birth_year,
    age_group: ageGroupOf(row.birth_year, date),
    state: row.state,
  };
  // The one read of personal details, so no answer can show them where they are not allowed.
  // Unsaid, a person asking from Slack gets the minimum; the terminal, run on the server, gets everything.
  if (showsMemberDetails(ctx)) return profile;
  return { ...profile, name: null, birth_year: null, state: null, enrolled_on: null, hidden: PERSONAL_DETAILS };
}

/** "Rosa Alvarez · MAPD New · Spanish · 65-74 · FL · member 8 months", for headings. */
export function describeProfile(p: MemberProfile | null, languageName: (code: string) => string): string {
  if (!p) return 'no profile on file';
  return [p.name, p.segment, languageName(p.language), p.age_group === 'Unknown' ? null : p.age_group, p.state, `member ${p.tenure_months} month${p.tenure_months === 1 ? '' : 's'}`]
    .filter(Boolean)
    .join(' · ');
}
