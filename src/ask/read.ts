/**
 * Reads one question into facts: its corrected words, whether it asks to change something, a score
 * per intent, and every slot value it names (journeys, segments, a language, a member id, dates,
 * the person's numbers, a cube measure and dimensions). Deciding what they mean is build.ts's job.
 */
import { normalizeMemberId } from '../member-id.ts';
import { findAmounts, type Amounts } from './amounts.ts';
import { dateSlots, findDates, type DateSlots } from './dates.ts';
import { readWords } from './tokens.ts';
import { INTENTS, type Dimension, type Intent, type Measure } from './types.ts';
import type { Tables } from './vocabulary.ts';
import { ANAPHORA, BY_WORDS, OVER_TIME } from './words.ts';

export type Found = {
  /** The corrected words joined by spaces: the key of a learned phrase. */
  key: string;
  words: string[];
  corrected: { from: string; to: string }[];
  refused: boolean;
  /** Highest first; only intents with a cue. */
  scores: { intent: Intent; score: number }[];
  journeys: string[];
  /** Each segment mention's possible segments (two for "MAPD"). */
  segments: string[][];
  language?: string;
  member_id?: string;
  dates: DateSlots;
  amounts: Amounts;
  measure?: Measure;
  by: Dimension[];
  view?: 'all' | 'quality';
  /** "this", "it", "that"… (not counting "this week"). */
  anaphor: boolean;
};

const JOINERS = new Set(['and', 'or', 'then', 'plus']);
const MEMBER_TOKEN = /^(m-?\d{4,9}|\d{6,9})$/;
const CUBE_ONLY_MEASURES: Measure[] = ['repeat_pct', 'avg_sentiment', 'handle_time'];

export function readQuestion(text: string, today: string, t: Tables): Found {
  const { text: fixed, tokens, corrected } = readWords(text.slice(0, 500), t.lexicon);
  const words = tokens.map((k) => k.word);
  const mentions = findDates(fixed, today);
  const inDate = new Set<number>();
  tokens.forEach((k, i) => {
    if (mentions.some((m) => k.start >= m.index && k.start < m.index + m.text.length)) inDate.add(i);
  });

  const member = words.find((w) => MEMBER_TOKEN.test(w));
  const member_id = member ? (normalizeMemberId(member) ?? undefined) : undefined;
  const by = dimensionsAfterBy(words, t);
  const measures = t.measure.find(words).map((m) => m.value);
  const measure = measures.find((m) => m !== 'calls') ?? measures[0];

  const scores = new Map<Intent, number>();
  for (const intent of INTENTS) {
    const s = t.intents.get(intent)!.find(words, inDate).reduce((sum, m) => sum + m.value, 0);
    if (s) scores.set(intent, s);
  }
  const bump = (i: Intent, n: number) => scores.set(i, (scores.get(i) ?? 0) + n);
  if (member_id) bump('member', 3);
  if (by.some((d) => d !== 'date')) bump('cube', 5);
  else if (by.length) bump('cube', 3);
  if (measure && CUBE_ONLY_MEASURES.includes(measure)) bump('cube', 3);

  return {
    key: words.join(' '),
    words,
    corrected,
    refused: t.refused.find(words).length > 0,
    scores: [...scores].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score),
    journeys: [...new Set(t.journey.find(words, inDate).map((m) => m.value))],
    segments: t.segment.find(words).map((m) => m.value),
    language: t.language.find(words)[0]?.value,
    member_id,
    dates: dateSlots(mentions, today),
    // compromise's number reader is the slowest step: only run when a word outside the dates is a number ("on the 18th" is no amount).
    amounts: tokens.some((k, i) => k.number && !inDate.has(i)) ? findAmounts(fixed) : {},
    measure,
    by,
    view: t.alertView.find(words)[0]?.value,
    anaphor: words.some((w, i) => ANAPHORA.includes(w) && !inDate.has(i)),
  };
}

/** "by device and segment", "per language", "across journeys"; "over time" and "daily" mean by date. */
function dimensionsAfterBy(words: string[], t: Tables): Dimension[] {
  const dims: Dimension[] = [];
  const add = (d: Dimension) => dims.includes(d) || dims.length >= 3 || dims.push(d);
  for (let i = 0; i < words.length; i++) {
    if (!BY_WORDS.includes(words[i])) continue;
    let j = i + 1;
    for (let m = t.dimension.matchAt(words, j); m; m = t.dimension.matchAt(words, j)) {
      add(m.value);
      j = m.end;
      if (JOINERS.has(words[j])) j++;
    }
  }
  const text = ` ${words.join(' ')} `;
  if (OVER_TIME.some((p) => text.includes(` ${p} `))) add('date');
  return dims;
}
