/**
 * From an intent and what the question named to an answer: the slots that apply, the thread's
 * context where the question leaves a gap, the equivalent command line, and a clarifying question
 * (with ready answers as choices) wherever guessing would present a guess as fact.
 */
import { addDays } from '../time.ts';
import { commandArgv } from './argv.ts';
import { wordNotes } from './notes.ts';
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
/** Days a trend covers when the question names none: one day is no trend. */
const TREND_DAYS = 14;

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

  const notes: string[] = [];
  const confidence = found.unread.length ? 'low' : a.confidence;
  const out = (i: Intent, slots: Slots, needs?: Needs): AnswerResolution => {
    const clean = Object.fromEntries(Object.entries(slots).filter(([, v]) => v !== undefined)) as Slots;
    const said = [...notes, ...wordNotes(found, clean.by?.[0])];
    return { kind: 'answer', intent: i, slots: clean, argv: commandArgv(i, clean), confidence, source: a.source, ...(needs ? { needs } : {}), ...(said.length ? { notes: said } : {}) };
  };

  // A tracked action names its journey and ship date: "did A-3 work?" needs neither.
  const action_id = chosen.action_id ?? found.action_id;
  if (intent === 'impact' && action_id) return out('impact', { action_id, date: input.today });

  // Journey: named, else the thread's, else ask when "this" or "it" points at nothing.
  let journey = chosen.journey ?? (found.journeys.length === 1 ? found.journeys[0] : undefined);
  if (found.journeys.length > 1 && !chosen.journey && intent !== 'cube') {
    return choose('journey', `Which journey? ${found.journeys.join(' · ')}`, found.journeys.map((j) => [j, { journey: j }]));
  }
  if (!journey && (SUBJECT.includes(intent) || (intent === 'cube' && found.anaphor)) && context?.about.journey) journey = context.about.journey;
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
  const filterOf = (dim: 'device' | 'channel' | 'age_group') => found.filters.find((f) => f.dim === dim)?.values;
  const device = chosen.device ?? filterOf('device')?.[0];
  const channel = chosen.channel ?? filterOf('channel')?.[0];
  const age_group = chosen.age_group ?? filterOf('age_group');
  const narrowed = !!(device || channel || age_group);

  // Dates: as asked, else the thread's, else today.
  const d = found.dates;
  const asked = d.date ?? d.from ?? d.since;
  const contextDate = context?.about.date ?? context?.previous.slots.date ?? context?.previous.slots.to;
  const date = d.date ?? d.to ?? (asked ? undefined : contextDate) ?? input.today;
  const range = d.from !== undefined && d.to !== undefined && !d.since ? { from: d.from, to: d.to } : d.since ? { from: d.since, to: d.to ?? input.today } : undefined;

  // A choice of "the default" is an explicit undefined: it must not fall back to the number asked.
  const fix = 'fix_pct' in chosen ? chosen.fix_pct : found.amounts.fix_pct;
  const cost = 'cost_per_call' in chosen ? chosen.cost_per_call : found.amounts.cost_per_call;
  const cube = (asked: Slots['by'], slots: Slots = {}) => {
    // Two journeys named in a breakdown are compared side by side; a trend with no range covers the days before `date`.
    const by = found.journeys.length > 1 && !chosen.journey && !asked?.includes('journey') ? [...(asked ?? []), 'journey' as const].slice(0, 3) : asked;
    const span = range ?? (by?.includes('date') ? { from: addDays(date, 1 - TREND_DAYS), to: date } : { date });
    return out('cube', { measure: chosen.measure ?? found.measure ?? 'calls', by, journey, segment, language, device, channel, age_group, ...span, ...slots });
  };
  const unfiltered = (what: string, all = `${journey ?? 'all journeys'} as a whole`) => {
    if (segment || language) notes.push(`${what} has no per-segment or per-language figure: answered for ${all}.`);
    if (narrowed) notes.push(`${what} has no per-${[device && 'device', channel && 'channel', age_group && 'age-group'].filter(Boolean).join(' or per-')} figure: answered for ${all}.`);
  };

  switch (intent) {
    case 'today':
      if (journey) return cube(['error_message']);
      if (range) return cube(['journey']);
      if (segment || language || narrowed) return cube(['journey']);
      return out('today', { date });
    case 'segments':
      if (range || language || narrowed) return cube(['segment']);
      // "Are commercial members affected by claims?": the journey's segments, that one among them.
      if (segment && !journey) return cube(['journey']);
      return out('segments', { journey, date });
    case 'journey': {
      const member_id = chosen.member_id ?? found.member_id;
      if (member_id) return out('journey', { member_id, date });
      if (segment || language || narrowed) notes.push(`the member is picked from everyone who leaked${journey ? ` on ${journey}` : ''} that day, whatever their segment, language, device or age.`);
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
      if (journey) notes.push(`agents has no per-journey figure: answered for every agent.`);
      unfiltered('agents', 'every agent');
      return out(intent, range ?? { date });
    case 'interactions':
      // Contacts about one journey or group are its leaked calls, by interaction type.
      if (journey || segment || language || narrowed) return cube(['interaction']);
      return out(intent, range ?? { date });
    case 'cube':
      return cube(chosen.by ?? (found.by.length ? found.by : undefined));
  }
}
