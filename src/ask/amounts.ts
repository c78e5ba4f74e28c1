/**
 * The person's own numbers: a fix percentage and a cost per call, in digits or words ("ten percent",
 * "$7.50", "seven dollars fifty", "eight bucks a call"). compromise reads the numbers; here we only
 * decide which is which from the word after each one. Nothing else in a question becomes a number.
 */
import nlp from 'compromise';

export type Amounts = { fix_pct?: number; cost_per_call?: number };

type NumberJson = { text: string; number: { num: number; prefix: string; suffix: string; unit: string }; offset: { start: number; length: number } };

const PERCENT_AFTER = /^\s*(%|percent\b|per\s*cent\b|pct\b)/i;
const MONEY_UNITS = new Set(['dollar', 'dollars', 'bucks', 'buck', 'usd']);
const PER_CALL_AFTER = /^\s*(dollars?\s+|bucks?\s+)?(a|per|each|every)\s+call/i;
const CENTS_GAP = /^\s*(and\s+)?$/i;

export function findAmounts(text: string): Amounts {
  // "$8/call" is one term to compromise; "$8 per call" is not.
  const clean = text.replace(/\/(?=\p{L})/gu, ' per ');
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
  return out;
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
