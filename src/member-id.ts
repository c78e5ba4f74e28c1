/**
 * Member ids arrive in many forms (M-104382, m104382, M104382, 104382, with stray spaces).
 * They are all the same member: the canonical form is "M-" + at least six digits.
 */
const MEMBER_ID = /^\s*[Mm]?\s*-?\s*(\d{1,9})\s*$/;

/** The canonical id, or null when the text is not a member id in any known form. */
export function normalizeMemberId(raw: string): string | null {
  if (isCanonical(raw)) return raw;
  const m = MEMBER_ID.exec(raw);
  if (!m) return null;
  return `M-${m[1].replace(/^0+(?=\d{6})/, '').padStart(6, '0')}`;
}

/** "M-" and exactly six digits: most ids in every source, checked without a regex (the import checks every row). */
function isCanonical(raw: string): boolean {
  if (raw.length !== 8 || raw.charCodeAt(0) !== 77 || raw.charCodeAt(1) !== 45) return false;
  for (let i = 2; i < 8; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

export const MEMBER_ID_FORMS = 'M-104382, m104382, M104382 or 104382';
