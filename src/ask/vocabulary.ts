/**
 * The phrase tables and spelling lexicon for one store's vocabulary (its journeys, segments and
 * languages), built once and cached: resolving a question only looks things up.
 */
import { PhraseTable } from './phrases.ts';
import { buildLexicon, type Lexicon } from './tokens.ts';
import { DIMENSIONS, INTENTS, type Dimension, type Intent, type Measure, type Vocabulary } from './types.ts';
import {
  ALERT_ALL_WORDS, ALERT_QUALITY_WORDS, AMBIGUOUS_SEGMENT_WORDS, ANAPHORA, BY_WORDS, DIMENSION_WORDS, INTENT_CUES, JOURNEY_WORDS,
  KNOWN_WORDS, MEASURE_WORDS, OVER_TIME, REFUSED_WORDS, SEGMENT_WORDS,
} from './words.ts';

export type Tables = {
  journeys: string[];
  segments: string[];
  intents: Map<Intent, PhraseTable<number>>;
  journey: PhraseTable<string>;
  /** A segment, or several when the words are ambiguous ("mapd": new or tenured). */
  segment: PhraseTable<string[]>;
  language: PhraseTable<string>;
  measure: PhraseTable<Measure>;
  dimension: PhraseTable<Dimension>;
  refused: PhraseTable<true>;
  alertView: PhraseTable<'all' | 'quality'>;
  lexicon: Lexicon;
};

/** Journeys of a plan with no data yet: the synonyms still resolve, and the command says what the store has. */
const DEFAULT_JOURNEYS = Object.keys(JOURNEY_WORDS);
const DEFAULT_SEGMENTS = Object.keys(SEGMENT_WORDS);

/** Date and number words, so that "yesterdy" and "percnet" are corrected before chrono and compromise read them. */
const DATE_AND_NUMBER_WORDS = [
  'today', 'yesterday', 'tomorrow', 'week', 'weeks', 'month', 'months', 'year', 'since', 'last', 'past', 'days', 'fortnight',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'percent', 'dollars', 'dollar', 'cents', 'bucks', 'buck',
  'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'fifteen', 'eleven', 'twelve',
  'thirteen', 'fourteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'three', 'seven', 'eight',
];

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

const cache = new Map<string, Tables>();

export function tablesFor(vocabulary: Vocabulary): Tables {
  const key = JSON.stringify([vocabulary.journeys, vocabulary.segments, vocabulary.languages]);
  let tables = cache.get(key);
  if (!tables) {
    if (cache.size > 32) cache.clear();
    tables = buildTables(vocabulary);
    cache.set(key, tables);
  }
  return tables;
}

const slugWords = (slug: string) => slug.toLowerCase().split(/[_\-\s]+/).filter(Boolean);

function buildTables(v: Vocabulary): Tables {
  const journeys = v.journeys.length ? [...v.journeys] : DEFAULT_JOURNEYS;
  const segments = v.segments.length ? [...v.segments] : DEFAULT_SEGMENTS;
  const journeyEntries: [string, string][] = [];
  for (const j of journeys) {
    for (const w of JOURNEY_WORDS[j] ?? []) journeyEntries.push([w, j]);
    journeyEntries.push([j.toLowerCase(), j], [slugWords(j).join(' '), j], [slugWords(j).join(''), j]);
  }
  const segmentEntries: [string, string[]][] = [];
  for (const s of segments) {
    for (const w of SEGMENT_WORDS[s] ?? []) segmentEntries.push([w, [s]]);
    segmentEntries.push([slugWords(s).join(' '), [s]]);
  }
  for (const [w, choices] of Object.entries(AMBIGUOUS_SEGMENT_WORDS)) {
    const present = choices.filter((c) => segments.includes(c));
    if (present.length) segmentEntries.push([w, present]);
  }
  const languageEntries: [string, string][] = [];
  for (const code of v.languages) {
    const name = languageNames.of(code);
    if (name && name.toLowerCase() !== code.toLowerCase()) languageEntries.push([name.toLowerCase(), code.toLowerCase()]);
  }
  const intents = new Map(INTENTS.map((i) => [i, new PhraseTable(INTENT_CUES[i])]));
  const measure = new PhraseTable(Object.entries(MEASURE_WORDS).flatMap(([m, ws]) => ws.map((w): [string, Measure] => [w, m as Measure])));
  const dimension = new PhraseTable(DIMENSIONS.flatMap((d) => DIMENSION_WORDS[d].map((w): [string, Dimension] => [w, d])));
  const tables: Omit<Tables, 'lexicon'> = {
    journeys,
    segments,
    intents,
    journey: new PhraseTable(journeyEntries),
    segment: new PhraseTable(segmentEntries),
    language: new PhraseTable(languageEntries),
    measure,
    dimension,
    refused: new PhraseTable(REFUSED_WORDS.map((w): [string, true] => [w, true])),
    alertView: new PhraseTable([...ALERT_ALL_WORDS.map((w): [string, 'all'] => [w, 'all']), ...ALERT_QUALITY_WORDS.map((w): [string, 'quality'] => [w, 'quality'])]),
  };
  const lexicon = buildLexicon([
    ...[...intents.values()].flatMap((t) => t.words()),
    ...[tables.journey, tables.segment, tables.language, measure, dimension, tables.refused, tables.alertView].flatMap((t) => t.words()),
    ...BY_WORDS, ...OVER_TIME, ...ANAPHORA, ...DATE_AND_NUMBER_WORDS,
    'what', 'which', 'show', 'members', 'member', 'calls', 'call', 'leaked', 'leaking', 'fix', 'fixed', 'journey', 'journeys',
  ], KNOWN_WORDS);
  return { ...tables, lexicon };
}
