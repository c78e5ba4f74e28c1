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

/**
 * Already canonical: "M-" and six digits, or seven to nine without a leading zero. Nearly every id
 * the gate checks is, and this is cheaper than the regex (the import checks every row).
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
