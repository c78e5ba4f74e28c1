/**
 * Words of a question: compromise tokenises (contractions, hyphens, punctuation) and tags them;
 * shorthand is expanded ("yday" → yesterday, "$$" → money), then each word that is not in the
 * lexicon and is one or two edits from a lexicon word is corrected ("biling" → billing, "braking" →
 * breaking) with fastest-levenshtein, a swap of two letters counting as one edit ("agnets" → agents)
 * with damerau-levenshtein. The corrected text is what the date and number readers see too, so
 * "yesterdy" still means yesterday.
 */
import nlp from 'compromise';
import damerau from 'damerau-levenshtein';
import { distance } from 'fastest-levenshtein';

/**
 * number: compromise tagged it a value ("ten", "$7.50", "10%", "twelfth"), so the amounts reader is worth running.
 * plain: a function word by compromise's tags (the, of, is, we, what, really, hey…): never a word Leak failed to understand.
 */
export type Token = { word: string; start: number; end: number; number: boolean; plain: boolean };

const PLAIN_TAGS = ['Determiner', 'Preposition', 'Pronoun', 'Conjunction', 'Auxiliary', 'Copula', 'QuestionWord', 'Modal', 'Possessive', 'Expression', 'Adverb', 'Negative', 'Particle'];

type Term = { text: string; normal: string; implicit?: string | null; tags?: string[]; offset: { start: number; length: number } };

/** Lower-case words without apostrophes ("what's" → whats, "billing's" → billing), with their place in the text. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const sentence of nlp(text).json({ offset: true }) as { terms: Term[] }[]) {
    for (const t of sentence.terms) {
      if (!t.text) continue; // the implicit half of a contraction ("what's" → what + is)
      let word = t.normal.toLowerCase().replace(/[’‘]/g, "'");
      if (!t.implicit) word = word.replace(/'s$/, '');
      word = word.replace(/'/g, '').replace(/^[^\p{L}\p{N}$]+|[^\p{L}\p{N}%]+$/gu, '');
      const tags = t.tags ?? [];
      if (word) out.push({ word, start: t.offset.start, end: t.offset.start + t.offset.length, number: /\d/.test(word) || tags.includes('Value'), plain: tags.some((g) => PLAIN_TAGS.includes(g)) });
    }
  }
  return out;
}

/** words: never corrected; targets: the meaningful ones; byLength: targets by length, what a misspelling may be corrected to. */
export type Lexicon = { words: Set<string>; targets: Set<string>; byLength: Map<number, string[]> };

/** `targets` are the words that mean something to Leak; `known` are real words kept as they are but never targets. */
export function buildLexicon(targets: Iterable<string>, known: Iterable<string> = []): Lexicon {
  const split = (phrases: Iterable<string>) => [...phrases].flatMap((p) => p.toLowerCase().split(/\s+/)).filter(Boolean);
  const targetSet = new Set(split(targets));
  const set = new Set([...targetSet, ...split(known)]);
  const byLength = new Map<number, string[]>();
  for (const w of targetSet) {
    const list = byLength.get(w.length) ?? [];
    list.push(w);
    byLength.set(w.length, list);
  }
  return { words: set, targets: targetSet, byLength };
}

/** Edits allowed for a word of this length: none under 5 letters (too many real words nearby), 2 from 8. */
const allowedEdits = (length: number) => (length < 5 ? 0 : length < 8 ? 1 : 2);

/** The lexicon word a misspelt word stands for, or undefined. */
export function correctWord(word: string, lexicon: Lexicon): string | undefined {
  if (lexicon.words.has(word) || !/^\p{L}+$/u.test(word)) return undefined;
  const max = allowedEdits(word.length);
  if (max === 0) return undefined;
  // Fewest edits first, then the nearest length ("agens" is agent, not ages), then lexicon order.
  let best: { w: string; d: number } | undefined;
  for (const len of [0, -1, 1, -2, 2].filter((k) => Math.abs(k) <= max).map((k) => word.length + k)) {
    for (const candidate of lexicon.byLength.get(len) ?? []) {
      let d = distance(word, candidate);
      // One edit past the limit may be a swap of two letters: damerau counts it as one ("alrets", "wroth").
      if (d === max + 1 && len === word.length) d = damerau(word, candidate).steps;
      if (d <= max && (!best || d < best.d)) best = { w: candidate, d };
    }
  }
  return best?.w;
}

export type Words = { text: string; tokens: Token[]; corrected: { from: string; to: string }[] };

/** "$$" and "$$$" are money: compromise drops them as punctuation, so they are words before it reads them. */
const MONEY_SIGNS = /(^|\s)\${2,}(?=\s|$|[?!.,])/g;
/** "the #1 problem" is the top one. */
const NUMBER_ONE = /(^|\s)#1(?=\s|$|[?!.,])/g;

/**
 * Tokenises, expands shorthand and corrects; when something changed, the text is rebuilt and tokenised
 * again. Words compromise reads as numbers ("twelfth", "eighteenth") are never corrected.
 */
export function readWords(input: string, lexicon: Lexicon, shorthand: Record<string, string> = {}): Words {
  const text = input.replace(MONEY_SIGNS, '$1money').replace(NUMBER_ONE, '$1top');
  const tokens = tokenize(text);
  const corrected: Words['corrected'] = [];
  let rebuilt = '';
  let at = 0;
  for (const t of tokens) {
    const fix = Object.hasOwn(shorthand, t.word) ? shorthand[t.word] : t.number ? undefined : correctWord(t.word, lexicon);
    if (!fix) continue;
    corrected.push({ from: t.word, to: fix });
    rebuilt += text.slice(at, t.start) + fix;
    at = t.end;
  }
  if (!corrected.length && text === input) return { text, tokens, corrected };
  const fixedText = rebuilt + text.slice(at);
  return { text: fixedText, tokens: tokenize(fixedText), corrected };
}
