/**
 * From an intent and what the question named to an answer: the slots that apply, the thread's
 * context where the question leaves a gap, the equivalent command line, and a clarifying question
 * (with ready answers as choices) wherever guessing would present a guess as fact.
 */
import { addDays } from '../time.ts';
import { commandArgv } from './argv.ts';
import type { Found } from './read.ts';
import type { AnswerResolution, AskInput, ClarifyResolution, Intent, Needs, SlotName, Slots } from './types.ts';
import type { Tables } from './vocabulary.ts';

export type Source = AnswerResolution['source'];
export type Built = AnswerResolution | ClarifyResolution;
export type BuildArgs = { intent: Intent; found: Found; input: AskInput; tables: Tables; source: Source; confidence: 'high' | 'low'; chosen?: Slots };

/** Intents about one journey's leak: "this"/"it" must name one, and a thread's journey fills the gap. */
const SUBJECT: Intent[] = ['segments', 'journey', 'savings', 'why', 'actions', 'impact'];
/** Intents whose answer also exists for all journeys together. */
const ALL_JOURNEYS_OK: Intent[] = ['segments', 'savings', 'why', 'actions', 'journey'];
const MAX_OPTIONS = 10;

export function buildResolution(a: BuildArgs): Built {
  const { intent, found, input, tables } = a;
  const chosen = a.chosen ?? {};
  const context = input.context;
  const again = (extra: Slots): Built => buildResolution({ ...a, source: a.source === 'words' ? 'choice' : a.source, chosen: { ...chosen, ...extra } });
  const choose = (slot: SlotName, prompt: string, options: [label: string, extra: Slots][]): ClarifyResolution => ({
    kind: 'clarify',
    slot,
    prompt,
    options: options.slice(0, MAX_OPTIONS + 1).map(([label, extra]) => ({ label, resolution: again(extra) })),
  });

  // Journey: named, else the thread's, else ask when "this" or "it" points at nothing.
  let journey = chosen.journey ?? (found.journeys.length === 1 ? found.journeys[0] : undefined);
  if (found.journeys.length > 1 && !chosen.journey && intent !== 'cube') {
    return choose('journey', `Which journey? ${found.journeys.join(' · ')}`, found.journeys.map((j) => [j, { journey: j }]));
  }
  if (!journey && SUBJECT.includes(intent) && context?.about.journey) journey = context.about.journey;
  const journeyOptions = (withAll: boolean): [string, Slots][] => [
    ...tables.journeys.slice(0, MAX_OPTIONS).map((j): [string, Slots] => [j, { journey: j }]),
    ...(withAll ? [['all journeys', { journey: '*' }] as [string, Slots]] : []),
  ];
  if (!journey && SUBJECT.includes(intent) && (found.anaphor || intent === 'impact')) {
    return choose('journey', `Which journey? ${tables.journeys.slice(0, MAX_OPTIONS).join(' · ')}`, journeyOptions(ALL_JOURNEYS_OK.includes(intent)));
  }
  if (journey === '*') journey = undefined;

  // Segment: "MAPD" alone could be new or tenured members.
  let segment = chosen.segment;
  const mention = found.segments[0];
  if (!segment && mention) {
    if (mention.length > 1) return choose('segment', `Which members? ${mention.join(' · ')}`, mention.map((s) => [s, { segment: s }]));
    segment = mention[0];
  }
  const language = chosen.language ?? found.language;

  // Dates: as asked, else the thread's, else today.
  const d = found.dates;
  const asked = d.date ?? d.from ?? d.since;
  const contextDate = context?.about.date ?? context?.previous.slots.date ?? context?.previous.slots.to;
  const date = d.date ?? d.to ?? (asked ? undefined : contextDate) ?? input.today;
  const range = d.from !== undefined && d.to !== undefined && !d.since ? { from: d.from, to: d.to } : d.since ? { from: d.since, to: d.to ?? input.today } : undefined;

  // A choice of "the default" is an explicit undefined: it must not fall back to the number asked.
  const fix = 'fix_pct' in chosen ? chosen.fix_pct : found.amounts.fix_pct;
  const cost = 'cost_per_call' in chosen ? chosen.cost_per_call : found.amounts.cost_per_call;
  const notes: string[] = [];
  const out = (i: Intent, slots: Slots, needs?: Needs): AnswerResolution => {
    const clean = Object.fromEntries(Object.entries(slots).filter(([, v]) => v !== undefined)) as Slots;
    return { kind: 'answer', intent: i, slots: clean, argv: commandArgv(i, clean), confidence: a.confidence, source: a.source, ...(needs ? { needs } : {}), ...(notes.length ? { notes } : {}) };
  };
  const cube = (by: Slots['by'], slots: Slots = {}) =>
    out('cube', { measure: chosen.measure ?? found.measure ?? 'calls', by, journey, segment, language, ...(range ?? { date }), ...slots });
  const unfiltered = (what: string) => {
    if (segment || language) notes.push(`${what} has no per-segment or per-language figure: answered for ${journey ?? 'all journeys'} as a whole.`);
  };

  switch (intent) {
    case 'today':
      if (range) return cube(['journey']);
      if (journey) return cube(['error_message']);
      if (segment || language) return cube(['journey']);
      return out('today', { date });
    case 'segments':
      if (range) return cube(['segment']);
      if (language) return cube(['segment']);
      if (segment) return cube(['journey']);
      return out('segments', { journey, date });
    case 'journey': {
      const member_id = chosen.member_id ?? found.member_id;
      if (member_id) return out('journey', { member_id, date });
      const note = `a member who leaked${journey ? ` on ${journey}` : ''} on ${date}, picked from the store`;
      return out('journey', { journey, date }, { slot: 'member_id', journey, date, note });
    }
    case 'member': {
      const member_id = chosen.member_id ?? found.member_id;
      if (!member_id) return { kind: 'clarify', slot: 'member_id', prompt: 'Which member? Give an id such as M-104382.', options: [] };
      return out('member', { member_id, date });
    }
    case 'savings':
      if (fix !== undefined && !(fix >= 0 && fix <= 100)) {
        return choose('fix_pct', `A fix removes 0–100% of the leak; ${fix}% is outside that. Say another share, or use the command's default.`, [['the default share', { fix_pct: undefined }]]);
      }
      if (cost !== undefined && !(cost >= 0 && cost <= 10_000)) {
        return choose('cost_per_call', `A cost per call is $0–$10,000; $${cost} is outside that. Say another, or use the configured cost.`, [['the configured cost', { cost_per_call: undefined }]]);
      }
      unfiltered('savings');
      return out('savings', { journey, fix_pct: fix, cost_per_call: cost, date });
    case 'why':
      unfiltered('why');
      return out('why', { journey, date });
    case 'actions':
      unfiltered('actions');
      return out('actions', { journey, date });
    case 'impact': {
      const aboutDate = context?.about.date && context.about.date < input.today ? context.about.date : undefined;
      const since = chosen.since ?? d.since ?? d.date ?? d.from ?? context?.about.since ?? aboutDate;
      if (!since) {
        const ago = (n: number): [string, Slots] => [`since ${addDays(input.today, -n)} (${n} days ago)`, { since: addDays(input.today, -n) }];
        return choose('since', `Since when? Give the day the ${journey} fix shipped (e.g. "since Nov 10"), or pick one:`, [ago(7), ago(14), ago(30)]);
      }
      if (language) notes.push('impact has no per-language figure: answered for the journey as a whole.');
      return out('impact', { journey, since, segment, date: input.today });
    }
    case 'alerts':
      return out('alerts', { view: chosen.view ?? found.view });
    case 'agents':
    case 'interactions':
      return out(intent, range ?? { date });
    case 'cube':
      return cube(chosen.by ?? (found.by.length ? found.by : undefined));
  }
}
