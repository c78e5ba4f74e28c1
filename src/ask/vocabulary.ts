/**
 * The phrase tables and spelling lexicon for one store's vocabulary (its journeys, segments and
 * languages), built once and cached: resolving a question only looks things up.
 */
import { ageGroupOf } from '../rules/age-group.ts';
import {
  CHANNEL_WORDS, DEVICE_WORDS, EXCLUSION_WORDS, FILLER_WORDS, IMPERATIVES, OLDER_WORDS, POLITE_LEAD, SENIOR_AGE, SHORTHAND, YOUNG_AGE,
  YOUNGER_WORDS,
} from './everyday-words.ts';
import { PhraseTable } from './phrases.ts';
import { buildLexicon, type Lexicon } from './tokens.ts';
import { DIMENSIONS, INTENTS, type Dimension, type Intent, type Measure, type Vocabulary } from './types.ts';
import {
  ALERT_ALL_WORDS, ALERT_QUALITY_WORDS, AMBIGUOUS_SEGMENT_WORDS, ANAPHORA, BY_WORDS, DIMENSION_WORDS, INTENT_CUES, JOURNEY_WORDS,
  KNOWN_WORDS, MEASURE_WORDS, OVER_TIME, REFUSED_WORDS, SEGMENT_WORDS, WHAT_CHANGED,
} from './words.ts';

/** A cube filter named in words: "on mobile" is device=mobile; "seniors" two age groups (either). */
export type Filter = { dim: 'device' | 'channel' | 'age_group'; values: string[] };

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
  /** Orders ("close alert 3"), read only where a question would start. */
  imperative: PhraseTable<true>;
  politeLead: Set<string>;
  exclusion: PhraseTable<true>;
  filter: PhraseTable<Filter>;
  alertView: PhraseTable<'all' | 'quality'>;
  /** Words understood but meaning nothing by themselves ("show", "biggest", "folks"). */
  filler: Set<string>;
  /** Words that mean something only inside a date chrono read ("friday" in "black friday" is not read). */
  dateWords: Set<string>;
  shorthand: Record<string, string>;
  lexicon: Lexicon;
};

/** Journeys of a plan with no data yet: the synonyms still resolve, and the command says what the store has. */
const DEFAULT_JOURNEYS = Object.keys(JOURNEY_WORDS);
const DEFAULT_SEGMENTS = Object.keys(SEGMENT_WORDS);

/** Date words, so that "yesterdy" is corrected before chrono reads it; outside a date chrono read, one is a word not understood. */
const DATE_WORDS = [
  'today', 'yesterday', 'tomorrow', 'week', 'weeks', 'month', 'months', 'year', 'since', 'last', 'past', 'days', 'quarter', 'weekend',
  'start', 'beginning', 'before', 'ago', 'mtd', 'qtd', 'ytd', 'wtd', 'january', 'february', 'march', 'april', 'june', 'july', 'august',
  'september', 'october', 'november', 'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday',
];
/** Number and money words, so that "percnet" is corrected before compromise reads it. */
const NUMBER_WORDS = [
  'percent', 'dollars', 'dollar', 'cents', 'bucks', 'buck', 'quarters', 'half', 'third', 'thirds', 'twenty', 'thirty', 'forty', 'fifty',
  'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'fifteen', 'eleven', 'twelve', 'thirteen', 'fourteen', 'sixteen', 'seventeen',
  'eighteen', 'nineteen', 'three', 'seven', 'eight',
];

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

/** The age groups of the pipeline's rule, each with the youngest and oldest age in it ("Unknown" has none). */
function ageGroups(): { label: string; min: number; max: number }[] {
  const groups = new Map<string, { label: string; min: number; max: number }>();
  for (let age = 0; age <= 120; age++) {
    const label = ageGroupOf(2000 - age, '2000-06-01');
    const g = groups.get(label) ?? { label, min: age, max: age };
    g.max = age;
    groups.set(label, g);
  }
  return [...groups.values()];
}

function filterEntries(v: Vocabulary): [string, Filter][] {
  const entries: [string, Filter][] = [];
  const byValue = (dim: 'device' | 'channel', values: string[], words: Record<string, string[]>) => {
    for (const value of values) for (const w of [value.toLowerCase(), ...(words[value.toLowerCase()] ?? [])]) entries.push([w, { dim, values: [value] }]);
  };
  byValue('device', v.devices?.length ? v.devices : Object.keys(DEVICE_WORDS), DEVICE_WORDS);
  byValue('channel', v.channels?.length ? v.channels : Object.keys(CHANNEL_WORDS), CHANNEL_WORDS);
  const groups = ageGroups();
  const older = groups.filter((g) => g.min >= SENIOR_AGE).map((g) => g.label);
  const younger = groups.filter((g) => g.max < YOUNG_AGE).map((g) => g.label);
  for (const w of OLDER_WORDS) entries.push([w, { dim: 'age_group', values: older }]);
  for (const w of YOUNGER_WORDS) entries.push([w, { dim: 'age_group', values: younger }]);
  return entries;
}

const cache = new Map<string, Tables>();

export function tablesFor(vocabulary: Vocabulary): Tables {
  const key = JSON.stringify([vocabulary.journeys, vocabulary.segments, vocabulary.languages, vocabulary.devices, vocabulary.channels]);
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
    imperative: new PhraseTable(IMPERATIVES.map((w): [string, true] => [w, true])),
    politeLead: new Set(POLITE_LEAD),
    exclusion: new PhraseTable(EXCLUSION_WORDS.map((w): [string, true] => [w, true])),
    filter: new PhraseTable(filterEntries(v)),
    filler: new Set(FILLER_WORDS),
    dateWords: new Set(DATE_WORDS.filter((w) => !FILLER_WORDS.includes(w))),
    shorthand: SHORTHAND,
    alertView: new PhraseTable([...ALERT_ALL_WORDS.map((w): [string, 'all'] => [w, 'all']), ...ALERT_QUALITY_WORDS.map((w): [string, 'quality'] => [w, 'quality'])]),
  };
  const lexicon = buildLexicon([
    ...[...intents.values()].flatMap((t) => t.words()),
    ...[tables.journey, tables.segment, tables.language, measure, dimension, tables.refused, tables.alertView].flatMap((t) => t.words()),
    ...[tables.imperative, tables.exclusion, tables.filter].flatMap((t) => t.words()),
    ...BY_WORDS, ...OVER_TIME, ...WHAT_CHANGED, ...ANAPHORA, ...DATE_WORDS, ...NUMBER_WORDS,
    'what', 'which', 'show', 'members', 'member', 'calls', 'call', 'leaked', 'leaking', 'fix', 'fixed', 'journey', 'journeys',
  ], [...KNOWN_WORDS, ...FILLER_WORDS, ...POLITE_LEAD]);
  return { ...tables, lexicon };
}
