/**
 * Member ids arrive in many forms (M-104382, m104382, M104382, 104382, with stray spaces).
 * They are all the same member: the canonical form is "M-" + at least six digits.
 *
 * The forms are: spaces, an optional M or m, spaces, an optional "-", spaces, one to nine digits,
 * spaces. Read step by step, not with a regex: with runs of optional spaces side by side a regex
 * backtracks, and a long run of spaces stalled it (README, "Figures behind the code"). trim() and
 * trimStart() drop exactly the characters \s matches, so this accepts what that regex did, in time
 * linear in the length.
 */

/** The canonical id, or null when the text is not a member id in any known form. */
export function normalizeMemberId(raw: string): string | null {
  if (isCanonical(raw)) return raw;
  let rest = raw.trim();
  if (rest.charCodeAt(0) === 77 || rest.charCodeAt(0) === 109) rest = rest.slice(1).trimStart(); // M, m
  if (rest.charCodeAt(0) === 45) rest = rest.slice(1).trimStart(); // -
  if (rest.length < 1 || rest.length > 9 || !allDigits(rest)) return null;
  return `M-${rest.replace(/^0+(?=\d{6})/, '').padStart(6, '0')}`;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Already canonical: "M-" and six digits, or seven to nine without a leading zero. Nearly every id
 * the gate checks is, and this is cheaper than the step-by-step read (the import checks every row).
 */
function isCanonical(raw: string): boolean {
  const n = raw.length;
  if (n < 8 || n > 11 || raw.charCodeAt(0) !== 77 || raw.charCodeAt(1) !== 45) return false;
  if (n > 8 && raw.charCodeAt(2) === 48) return false;
  for (let i = 2; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export const MEMBER_ID_FORMS = 'M-104382, m104382, M104382 or 104382';
