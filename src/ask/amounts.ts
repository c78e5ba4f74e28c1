/**
 * The person's own numbers: a fix percentage and a cost per call, in digits or words ("ten percent",
 * "$7.50", "seven dollars fifty", "eight bucks a call", "a buck fifty"), and a fix share as a fraction
 * ("by half", "a third", "1/3 of billing"). compromise reads the numbers and fractions; here we only
 * decide which is which from the word after each one. Nothing else in a question becomes a number.
 */
import nlp from 'compromise';

export type Amounts = { fix_pct?: number; cost_per_call?: number };

type NumberJson = { text: string; number: { num: number; prefix: string; suffix: string; unit: string }; offset: { start: number; length: number } };

const PERCENT_AFTER = /^\s*(%|percent\b|per\s*cent\b|pct\b)/i;
const MONEY_UNITS = new Set(['dollar', 'dollars', 'bucks', 'buck', 'usd']);
const PER_CALL_AFTER = /^\s*(dollars?\s+|bucks?\s+)?(a|per|each|every)\s+call/i;
const CENTS_GAP = /^\s*(and\s+)?$/i;

/** Words of a fraction: the reader runs when one is outside a date ("by half"; not "last quarter"). */
export const FRACTION_WORDS = ['half', 'halves', 'third', 'thirds', 'quarter', 'quarters', 'entirely', 'completely', 'fully', 'rid', 'eliminate', 'eliminated', 'everything'];
const FRACTION = /\b(?:(a|an|one|two|three|\d)\s+)?(half|halves|thirds?|quarters?)\b|\b\d\/\d{1,2}\b/gi;
/** The whole leak: "got rid of it entirely", "eliminate", "fixed everything". */
const WHOLE = /\b(?:entirely|completely|fully|eliminat(?:e|ed|ing)|(?:get|got|getting) rid of|fix(?:ed|ing)? everything)\b/i;

/** `skip`: spans of the text that are dates ("last quarter", "1/3" as Jan 3 is no fraction there). */
export function findAmounts(text: string, skip: { start: number; end: number }[] = []): Amounts {
  // "$8/call" is one term to compromise; "$8 per call" is not. "a buck fifty" is one buck and fifty cents.
  const clean = text.replace(/\/(?=\p{L})/gu, ' per ').replace(/\ba\s+(buck|dollar)\b/gi, 'one $1');
  const numbers = nlp(clean).numbers().json({ offset: true }) as NumberJson[];
  const out: Amounts = {};
  for (let i = 0; i < numbers.length; i++) {
    const n = numbers[i];
    const after = clean.slice(n.offset.start + n.offset.length);
    const { num, prefix, suffix, unit } = n.number;
    if (!Number.isFinite(num)) continue;
    if (suffix === '%' || unit === 'percent' || PERCENT_AFTER.test(after)) {
      out.fix_pct ??= num;
      continue;
    }
    const money = prefix === '$' || MONEY_UNITS.has(unit.toLowerCase()) || PER_CALL_AFTER.test(after);
    if (!money || out.cost_per_call !== undefined) continue;
    let value = spokenPrice(n.text) ?? num;
    // "seven dollars fifty", "nine dollars and twenty five cents": the next number is the cents.
    const next = numbers[i + 1];
    if (next && Number.isInteger(value) && (prefix === '$' || MONEY_UNITS.has(unit.toLowerCase()))) {
      const gap = clean.slice(n.offset.start + n.offset.length, next.offset.start).replace(/^\s*(dollars?|bucks?)/i, '');
      const cents = next.number.num;
      if (CENTS_GAP.test(gap) && Number.isInteger(cents) && cents >= 0 && cents < 100 && next.number.unit !== 'percent' && next.number.suffix !== '%') {
        value += cents / 100;
        i++;
      }
    }
    out.cost_per_call = Math.round(value * 100) / 100;
  }
  const share = out.fix_pct === undefined ? fractionShare(text, skip) : undefined;
  if (share !== undefined) out.fix_pct = share;
  return out;
}

/** "by half" is 50, "a third" 33.3, "two thirds" 66.7, "1/4" 25: compromise reads each fraction on its own. */
function fractionShare(text: string, skip: { start: number; end: number }[]): number | undefined {
  if (WHOLE.test(text)) return 100;
  for (const m of text.matchAll(FRACTION)) {
    if (skip.some((s) => m.index! < s.end && m.index! + m[0].length > s.start)) continue;
    const phrase = m[2] ? `${m[1] && !/^an?$/i.test(m[1]) ? m[1] : 'one'} ${m[2]}` : m[0];
    const [fraction] = (nlp(phrase) as unknown as { fractions(): { json(): { fraction: { decimal: number } }[] } }).fractions().json();
    const share = fraction ? Math.round(fraction.fraction.decimal * 1000) / 10 : undefined;
    if (share !== undefined && share > 0 && share <= 100) return share;
  }
  return undefined;
}

const valueOf = (words: string) => (nlp(words).numbers().get() as number[])[0];

/**
 * "seven fifty a call" is $7.50, not $750: a price said as two number words without "hundred"
 * is dollars then cents. Each part is read by compromise.
 */
function spokenPrice(text: string): number | undefined {
  const words = text.trim().toLowerCase().split(/\s+/);
  if (words.length !== 2 || words.some((w) => /\d|hundred|thousand/.test(w))) return undefined;
  const [dollars, cents] = words.map(valueOf);
  return Number.isInteger(dollars) && dollars < 10 && Number.isInteger(cents) && cents >= 10 && cents < 100 ? dollars + cents / 100 : undefined;
}
