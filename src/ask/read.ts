/**
 * Reads one question into facts: its corrected words, whether it asks to change something, a score
 * per intent, and every slot value it names (journeys, segments, a language, device, channel and age
 * filters, a member or action id, dates, the person's numbers, a cube measure and dimensions), and
 * what it could not read: words it does not know, "top 3", and what an "except" asks to leave out.
 * Deciding what they mean is build.ts's job.
 */
import { normalizeMemberId } from '../member-id.ts';
import { FRACTION_WORDS, findAmounts, type Amounts } from './amounts.ts';
import { dateSlots, findDates, type DateSlots } from './dates.ts';
import { readDimensions } from './dimensions.ts';
import { readWords, type Token } from './tokens.ts';
import { INTENTS, type Dimension, type Intent, type Measure } from './types.ts';
import type { Filter, Tables } from './vocabulary.ts';
import { ANAPHORA } from './words.ts';

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
  /** Device, channel and age filters, one per dimension ("desktop vs mobile" is a breakdown instead). */
  filters: Filter[];
  member_id?: string;
  action_id?: string;
  dates: DateSlots;
  amounts: Amounts;
  measure?: Measure;
  by: Dimension[];
  view?: 'all' | 'quality';
  /** "this", "it", "that"… (not counting "this week"). */
  anaphor: boolean;
  /** Words that mean nothing to Leak, as typed ("dental", "ag-1003"): the answer names them. */
  unread: string[];
  /** "top 3": not applied by any answer, so the answer says so. */
  top?: string;
  /** What follows "except", "without", "not counting": not applied, and the answer says so. */
  excluded: { word: string; what: string[] }[];
  /** Words asking to be shown something ("show me", "give me"), outside the dates. */
  request: boolean;
};

const MEMBER_TOKEN = /^(m-?\d{4,9}|\d{6,9})$/;
const REQUEST_WORDS = ['show', 'give', 'see', 'tell', 'pull', 'list'];
const ACTION_TOKEN = /^a-?\d{1,9}$/;
const CUBE_ONLY_MEASURES: Measure[] = ['repeat_pct', 'avg_sentiment', 'handle_time'];

export function readQuestion(text: string, today: string, t: Tables): Found {
  const { text: fixed, tokens, corrected } = readWords(text.slice(0, 500), t.lexicon, t.shorthand);
  const words = tokens.map((k) => k.word);
  const mentions = findDates(fixed, today);
  const inDate = new Set<number>();
  tokens.forEach((k, i) => {
    if (mentions.some((m) => k.start >= m.index && k.start < m.index + m.text.length)) inDate.add(i);
  });

  // Everything from "except" on is what the person wants left out: read, so it is not applied as a filter.
  const exclusion = t.exclusion.find(words, inDate)[0];
  const cut = exclusion?.start ?? words.length;
  const kept = <M extends { start: number }>(ms: M[]) => ms.filter((m) => m.start < cut);
  const journeyMatches = t.journey.find(words, inDate);
  const segmentMatches = t.segment.find(words);
  const languageMatches = t.language.find(words);
  const filterMatches = t.filter.find(words, inDate);
  const excludedWhat = [...journeyMatches, ...segmentMatches, ...languageMatches, ...filterMatches].filter((m) => m.start >= cut).map((m) => m.phrase);

  const memberAt = words.findIndex((w) => MEMBER_TOKEN.test(w));
  const member_id = memberAt >= 0 ? (normalizeMemberId(words[memberAt]) ?? undefined) : undefined;
  const actionAt = words.findIndex((w, i) => ACTION_TOKEN.test(w) || (w === 'action' && /^\d{1,9}$/.test(words[i + 1] ?? '')));
  const action_id = actionAt >= 0 ? `A-${(words[actionAt] === 'action' ? words[actionAt + 1] : words[actionAt]).replace(/\D/g, '')}` : undefined;

  // "this week vs last week": two periods compared day by day ("billing vs pharmacy this week" compares journeys).
  const twoPeriods = mentions.length > 1 || mentions.some((m) => /\s(?:to|through|until|-)\s/i.test(m.text));
  const dims = readDimensions(words, t, twoPeriods, kept(filterMatches));
  const measures = t.measure.find(words).map((m) => m.value);
  const measure = measures.find((m) => m !== 'calls') ?? measures[0];

  const scores = new Map<Intent, number>();
  for (const intent of INTENTS) {
    const s = t.intents.get(intent)!.find(words, inDate).reduce((sum, m) => sum + m.value, 0);
    if (s) scores.set(intent, s);
  }
  const bump = (i: Intent, n: number) => scores.set(i, (scores.get(i) ?? 0) + n);
  if (member_id) bump('member', 3);
  if (action_id) bump('impact', 4);
  if (dims.score) bump('cube', dims.score);
  if (measure && CUBE_ONLY_MEASURES.includes(measure)) bump('cube', 3);

  const numberAt = (i: number) => tokens[i].number || FRACTION_WORDS.includes(words[i]);
  const outsideDates = tokens.flatMap((k, i) => (numberAt(i) && !inDate.has(i) ? [i] : []));
  const dateSpans = mentions.map((m) => ({ start: m.index, end: m.index + m.text.length }));
  // compromise's number reader is the slowest step: only run when a word outside the dates is a number ("on the 18th" is no amount).
  const amounts = outsideDates.length ? findAmounts(fixed, dateSpans) : {};
  // Only savings takes a fix share or a cost per call: a tie-breaker, not a question by itself ("at $9 a call" follows the thread).
  if (amounts.fix_pct !== undefined || amounts.cost_per_call !== undefined) bump('savings', 1);

  const read = new Set<number>(inDate);
  for (const m of [...journeyMatches, ...segmentMatches, ...languageMatches, ...filterMatches]) for (let i = m.start; i < m.end; i++) read.add(i);
  // "m 104382": the letter is part of the id.
  if (memberAt >= 0) read.add(memberAt).add(words[memberAt - 1] === 'm' ? memberAt - 1 : memberAt);
  if (actionAt >= 0) read.add(actionAt).add(actionAt + 1);
  for (const i of dims.read) read.add(i);
  if (Object.keys(amounts).length) for (const i of outsideDates) read.add(i);

  return {
    key: words.join(' '),
    words,
    corrected,
    refused: t.refused.find(words).length > 0 || isOrder(words, t),
    scores: [...scores].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score),
    journeys: [...new Set(kept(journeyMatches).map((m) => m.value))],
    segments: kept(segmentMatches).map((m) => m.value),
    language: kept(languageMatches)[0]?.value,
    filters: dims.filters,
    member_id,
    action_id,
    dates: dateSlots(mentions, today),
    amounts,
    measure,
    by: dims.by,
    view: t.alertView.find(words)[0]?.value,
    anaphor: words.some((w, i) => ANAPHORA.includes(w) && !inDate.has(i) && !isRelative(words, i)),
    unread: unreadWords(fixed, tokens, read, t),
    top: dims.top,
    excluded: exclusion ? [{ word: exclusion.phrase, what: excludedWhat }] : [],
    request: words.some((w, i) => !inDate.has(i) && REQUEST_WORDS.includes(w)),
  };
}

const COPULAS = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'keep', 'keeps']);

/** "members that are struggling": a relative "that", not a pointer back to the thread's subject ("is that worth it?"). */
const isRelative = (words: string[], i: number) => words[i] === 'that' && i > 0 && !COPULAS.has(words[i - 1]) && COPULAS.has(words[i + 1]);

/** An order to change something: "close alert 3", "please mark it as noise", "can you turn off the alerts". */
function isOrder(words: string[], t: Tables): boolean {
  let i = 0;
  while (i < words.length - 1 && t.politeLead.has(words[i]) && !t.imperative.matchAt(words, i)) i++;
  return !!t.imperative.matchAt(words, i);
}

/**
 * The words Leak did not understand, as typed: not a cue, synonym, date, number it used, filler or
 * function word (compromise's tags). Pieces of one hyphenated word stay together ("ag-1003").
 */
function unreadWords(text: string, tokens: Token[], read: Set<number>, t: Tables): string[] {
  const out: { start: number; end: number }[] = [];
  tokens.forEach((k, i) => {
    if (read.has(i) || k.plain || (t.lexicon.targets.has(k.word) && !t.dateWords.has(k.word)) || t.filler.has(k.word)) return;
    const last = out[out.length - 1];
    if (last && /^[-/]$/.test(text.slice(last.end, k.start))) last.end = k.end;
    else out.push({ start: k.start, end: k.end });
  });
  return [...new Set(out.map((s) => text.slice(s.start, s.end).toLowerCase()))];
}
