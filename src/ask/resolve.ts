/**
 * Ask Leak in plain English: the offline resolver. A question becomes one of the read-only answers
 * (the query commands), a clarifying question, or a polite refusal. It never touches the store and
 * never makes up a number: the only numbers in a resolution are the person's own (a fix %, a cost per
 * call, dates), and the answer itself is whatever the command returns.
 *
 * Interface for the wiring (`leak ask`, `/leak <text>`, mentions, DMs, threads):
 *
 *   resolveQuestion(text, input): Resolution                  synchronous, a few ms; see types.ts
 *     input.today       YYYY-MM-DD, the day "today" means (the CLI's --date, else today in LEAK_TZ)
 *     input.timeZone    LEAK_TZ
 *     input.vocabulary  { journeys, segments, languages } present in the store: readVocabulary(store) in
 *                       store-reads.ts (read once per process or import and keep it)
 *     input.context     the thread's ThreadContext (ask-store.ts loadContext), if any
 *     input.learned     the workspace's learned phrases (ask-store.ts learnedPhrases)
 *   → { kind: 'answer', intent, slots, argv, confidence, source, needs?, notes? }
 *        run argv through the command registry (parseInvocation(argv, deps) then cmd.run) and show
 *        "Understood as `leak ${commandLine(argv)}`". With `needs` (journey playback without a member):
 *        fillNeeds(r, pickLeakedMember(store, r.needs)) (store-reads.ts), or say no member leaked then.
 *   → { kind: 'clarify', slot, prompt, options: [{ label, resolution }] }
 *        show the prompt with one button per option; a click answers option.resolution (which may be the
 *        next clarify), and askStore.learnPhrase({ workspace, user, learned: learnedPhrase(question,
 *        answer, input) }) remembers what the words meant. No options (member_id): ask them to retype.
 *   → { kind: 'unknown', reason, suggestions }   "I answer questions like…" + the three suggestions;
 *        reason 'refused' (a request to change something) or 'not_understood'. Nothing is run.
 *   `leak ask --json` prints { question, intent, slots, command: commandLine(argv), answer } (intent
 *   'unknown' with suggestions for an unknown); commandLine() quotes values with spaces.
 *
 * After an answer: saveContext(key, nextContext(context, resolution, answerJson)) (context.ts, ask-store.ts)
 * so the thread's follow-ups ("why is this happening?") know the journey and date it was about;
 * recordQuestion() logs every question for 👍/👎 (recordFeedback) and `leak ask --quality` (qualityReport).
 * A thread key is e.g. slack:TEAM:CHANNEL:THREAD_TS, slack:TEAM:DM_CHANNEL, or cli:SESSION.
 * With LEAK_LLM_* configured, resolveWithFallback() (llm.ts) asks the model only when this returns
 * unknown (not refused) or a low-confidence answer.
 */
import { buildResolution, type Built } from './build.ts';
import { readQuestion, type Found } from './read.ts';
import { suggestQuestions } from './suggest.ts';
import type { AnswerResolution, AskInput, Intent, LearnedPhrase, Resolution, Slots, UnknownResolution } from './types.ts';
import { tablesFor } from './vocabulary.ts';

export { commandLine, fillNeeds, MEMBER_PLACEHOLDER } from './argv.ts';
export type * from './types.ts';

const INTENT_LABELS: Record<Intent, string> = {
  today: "what's breaking",
  segments: 'who it is hurting',
  journey: 'what it feels like (a member timeline)',
  member: "the member's record",
  savings: 'whether it is worth fixing',
  why: 'why it is happening',
  actions: 'what to do next',
  impact: 'whether the fix worked',
  alerts: 'the alerts',
  agents: 'the agents',
  interactions: 'contact-center volume',
  cube: 'a breakdown',
};
/** Offered when a question names a journey (or segment) and nothing else. */
const ABOUT_A_JOURNEY: Intent[] = ['why', 'segments', 'savings', 'actions'];

export function resolveQuestion(text: string, input: AskInput): Resolution {
  const tables = tablesFor(input.vocabulary);
  if (!text.trim()) return { kind: 'unknown', reason: 'not_understood', suggestions: suggestQuestions(undefined, tables) };
  const found = readQuestion(text, input.today, tables);
  return resolveFound(found, input);
}

/** The resolution of an already read question (llm.ts reuses the reading). */
export function resolveFound(found: Found, input: AskInput): Resolution {
  const tables = tablesFor(input.vocabulary);
  const unknown = (reason: UnknownResolution['reason']): UnknownResolution => ({ kind: 'unknown', reason, suggestions: suggestQuestions(found, tables) });
  if (found.refused) return unknown('refused');
  const build = (intent: Intent, source: 'words' | 'learned' | 'context' | 'choice', confidence: 'high' | 'low', chosen?: Slots): Built =>
    buildResolution({ intent, found, input, tables, source, confidence, chosen });

  const learned = input.learned?.find((l) => l.phrase === found.key);
  if (learned) return build(learned.intent, 'learned', 'high', learned.slots);

  const [top, second] = found.scores;
  if (top && top.score >= 2) {
    if (second && second.score === top.score) {
      return {
        kind: 'clarify',
        slot: 'intent',
        prompt: `Do you want ${INTENT_LABELS[top.intent]} or ${INTENT_LABELS[second.intent]}?`,
        options: [top, second].map((s) => ({ label: INTENT_LABELS[s.intent], resolution: build(s.intent, 'choice', 'high') })),
      };
    }
    return build(top.intent, 'words', top.score >= 4 ? 'high' : 'low');
  }

  const group = found.segments.length > 0 || !!found.language || found.filters.length > 0;
  const named = found.journeys.length > 0 || group || !!found.member_id || !!found.action_id || Object.keys(found.dates).length > 0 ||
    Object.keys(found.amounts).length > 0 || found.by.length > 0 || !!found.measure;
  const previous = input.context?.previous;
  if (previous && named) return build(previous.intent, 'context', 'high', carriedSlots(previous.slots, found));

  // No cue, but the words name what to count or whom: "billing calls since Nov 1", "id card $$", "spanish speakers on mobile", "A-3".
  if (found.action_id) return build('impact', 'words', 'low');
  if (found.amounts.fix_pct !== undefined || found.amounts.cost_per_call !== undefined) return build('savings', 'words', 'low');
  // "The cost of billing" could be today's or a year's: that still asks. A count, or any measure over named days, is the cube's.
  if (found.measure && (found.measure === 'calls' || Object.keys(found.dates).length > 0)) return build('cube', 'words', 'low');
  // A cube-only group (a language, a device, an age) is what is breaking for them; a segment with a journey still asks what about.
  const cubeOnly = !!found.language || found.filters.length > 0;
  if ((cubeOnly || (group && found.journeys.length === 0)) && found.segments.every((s) => s.length === 1)) return build('today', 'words', 'low');
  // Days asked for ("show me the last 3 days") are what broke then; not a date alone ("todya" is a mistyped command in Slack),
  // nor with words Leak does not know ("the weather today").
  if (Object.keys(found.dates).length > 0 && found.journeys.length === 0 && !found.unread.length && found.request) return build('today', 'words', 'low');

  if (found.journeys.length === 1 || found.segments.length > 0) {
    const subject = found.journeys[0] ?? found.segments[0].join(' or ');
    return {
      kind: 'clarify',
      slot: 'intent',
      prompt: `What would you like to know about ${subject}?`,
      options: ABOUT_A_JOURNEY.map((i) => ({ label: INTENT_LABELS[i], resolution: build(i, 'choice', 'high') })),
    };
  }
  return unknown('not_understood');
}

/** "What about pharmacy?": the previous answer's slots, less the ones this question names and the dates. */
function carriedSlots(previous: Slots, found: Found): Slots {
  const { date: _d, from: _f, to: _t, since: _s, ...rest } = previous;
  const carried: Slots = { ...rest };
  if (found.journeys.length) delete carried.journey;
  if (found.segments.length) delete carried.segment;
  if (found.language) delete carried.language;
  for (const f of found.filters) delete carried[f.dim];
  if (found.action_id) delete carried.action_id;
  if (found.member_id) delete carried.member_id;
  if (found.amounts.fix_pct !== undefined) delete carried.fix_pct;
  if (found.amounts.cost_per_call !== undefined) delete carried.cost_per_call;
  if (found.measure) delete carried.measure;
  if (found.by.length) delete carried.by;
  return carried;
}

/**
 * What to remember when a person picks a clarifying option: these words meant this intent and
 * these slots. Dates (a "since" too) are left out: they are read from the words again, against that day's today.
 */
export function learnedPhrase(question: string, chosen: AnswerResolution, input: Pick<AskInput, 'today' | 'vocabulary'>): LearnedPhrase {
  const found = readQuestion(question, input.today, tablesFor(input.vocabulary));
  const { date: _d, from: _f, to: _t, since: _s, ...slots } = chosen.slots;
  return { phrase: found.key, intent: chosen.intent, slots };
}

/** Whether a word means something to the resolver (a cue, a journey, a date or number word): "what" does, "todya" does not. */
export function isKnownWord(word: string, vocabulary: AskInput['vocabulary']): boolean {
  return tablesFor(vocabulary).lexicon.words.has(word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''));
}

/**
 * The first question pays for compiling compromise's and chrono's code paths (~100 ms); a process that
 * answers questions calls this once at start so no person waits for it.
 */
export function warmUpResolver(vocabulary: AskInput['vocabulary']): void {
  const input = { today: '2026-01-15', timeZone: 'UTC', vocabulary };
  for (const q of ["What's breaking right now?", 'is fixing billing worth ten percent at $7.50 a call since the 9th', 'cost by device last 14 days']) resolveQuestion(q, input);
}
