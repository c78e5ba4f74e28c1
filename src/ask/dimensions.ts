/**
 * The dimensions a question breaks its answer down by: after "by", "per", "across", "each"
 * ("by device and segment"); asked as a choice ("which age group", "top 3 journeys", "journeys by
 * cost"); two values of one dimension ("desktop vs mobile"); and time ("over time", "daily", "trend",
 * "what changed", "this week vs last week"). The filters named once stay filters.
 */
import type { Dimension } from './types.ts';
import type { Filter, Tables } from './vocabulary.ts';
import type { PhraseMatch } from './phrases.ts';
import { BY_WORDS, OVER_TIME, WHAT_CHANGED } from './words.ts';

export type Dimensions = {
  by: Dimension[];
  /** How strongly the words ask for a breakdown (added to the cube's score). */
  score: number;
  /** Word indices read as part of a breakdown ("which", "top", "3"). */
  read: number[];
  /** "top 3", which no answer applies. */
  top?: string;
  filters: Filter[];
};

const JOINERS = new Set(['and', 'or', 'then', 'plus']);
const CHOOSERS = new Set(['which', 'what', 'worst', 'best', 'biggest', 'each', 'every', 'top']);
/** "breakdown of billing errors": after one of these, a dimension named anywhere is the breakdown. */
const BREAKDOWN = ['breakdown', 'break down', 'broken down', 'split', 'slice'];
const COMPARE = ['compare', 'versus', 'vs', 'against'];

export function readDimensions(words: string[], t: Tables, twoPeriods: boolean, filterMatches: PhraseMatch<Filter>[]): Dimensions {
  const by: Dimension[] = [];
  const read: number[] = [];
  let score = 0;
  const add = (d: Dimension) => by.includes(d) || by.length >= 3 || by.push(d);
  let top: string | undefined;

  for (let i = 0; i < words.length; i++) {
    if (BY_WORDS.includes(words[i])) {
      let j = i + 1;
      for (let m = t.dimension.matchAt(words, j); m; m = t.dimension.matchAt(words, j)) {
        add(m.value);
        j = m.end;
        if (JOINERS.has(words[j])) j++;
      }
      continue;
    }
    // "top 3 journeys", "which device", "journeys by cost": a breakdown asked as a choice.
    const isTop = words[i] === 'top' && /^\d+$|^(two|three|four|five|six|seven|eight|nine|ten)$/.test(words[i + 1] ?? '');
    const at = isTop ? i + 2 : CHOOSERS.has(words[i]) ? i + 1 : -1;
    const chosen = at >= 0 ? t.dimension.matchAt(words, at) : undefined;
    if (chosen) {
      add(chosen.value);
      read.push(i, chosen.start);
      score = Math.max(score, 3);
      if (isTop) {
        top = `top ${words[i + 1]}`;
        read.push(i + 1);
      }
    }
    const dim = t.dimension.matchAt(words, i);
    if (dim && dim.value !== 'date' && words[dim.end] === 'by' && t.measure.matchAt(words, dim.end + 1)) {
      add(dim.value);
      score = Math.max(score, 5);
    }
  }
  const text = ` ${words.join(' ')} `;
  const has = (phrases: string[]) => phrases.some((p) => text.includes(` ${p} `));
  if (!by.length && has(BREAKDOWN)) for (const m of t.dimension.find(words)) if (m.value !== 'date') add(m.value);
  if (by.some((d) => d !== 'date')) score = Math.max(score, 5);
  else if (by.length) score = Math.max(score, 3);

  // A dimension named by two of its values ("desktop vs mobile", "app or web") is a comparison, not a filter.
  const filters: Filter[] = [];
  for (const dim of ['device', 'channel', 'age_group'] as const) {
    const named = [...new Set(filterMatches.filter((m) => m.value.dim === dim).map((m) => m.value.values.join(',')))];
    if (named.length > 1) {
      add(dim);
      score = Math.max(score, 5);
    } else if (named.length === 1) filters.push(filterMatches.find((m) => m.value.dim === dim)!.value);
  }

  if (has(WHAT_CHANGED)) {
    if (!by.length) add('journey');
    add('date');
    score = Math.max(score, 3);
  }
  if (has(OVER_TIME) || (twoPeriods && has(COMPARE) && !by.length)) {
    add('date');
    score = Math.max(score, 3);
  }
  return { by, score, read, top, filters };
}
