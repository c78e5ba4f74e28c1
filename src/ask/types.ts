/**
 * The shapes of a resolved question, shared by the offline resolver, the optional LLM resolver and
 * the persistence module. zod schemas guard every shape that crosses a boundary (the store, an LLM).
 */
import * as z from 'zod';

/** The read-only answers a question can map onto: exactly the query commands of the same names. */
export const INTENTS = ['today', 'segments', 'journey', 'member', 'savings', 'why', 'actions', 'impact', 'alerts', 'agents', 'interactions', 'cube'] as const;
export type Intent = (typeof INTENTS)[number];

// The cube's measures and dimensions are the leakage domain's: a question can name exactly those.
export { DIMENSIONS, MEASURES, type Dimension, type Measure } from '../leakage/cube.ts';
import { DIMENSIONS, MEASURES } from '../leakage/cube.ts';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** Slots: only those that apply to the intent are present. Formats: journey slugs as stored, member ids canonical, dates YYYY-MM-DD. */
export const slotsSchema = z
  .object({
    journey: z.string().min(1),
    segment: z.string().min(1),
    /** Two-letter language code (es), from "Spanish speakers"; applied as a cube filter. */
    language: z.string().regex(/^[a-z]{2,3}$/),
    /** Cube filters by the store's values: "on mobile", "on the website", "seniors" (two age groups: either). */
    device: z.string().min(1),
    channel: z.string().min(1),
    age_group: z.array(z.string().min(1)).min(1),
    /** A tracked action ("did A-3 work?"): impact answers for it instead of a journey and date. */
    action_id: z.string().regex(/^A-\d{1,9}$/),
    member_id: z.string().regex(/^M-\d{6,9}$/),
    date: isoDate,
    from: isoDate,
    to: isoDate,
    since: isoDate,
    fix_pct: z.number().min(0).max(100),
    cost_per_call: z.number().min(0).max(10_000),
    measure: z.enum(MEASURES),
    by: z.array(z.enum(DIMENSIONS)).min(1).max(3),
    /** alerts only: every alert, or the per-rule noise share. */
    view: z.enum(['all', 'quality']),
  })
  .partial()
  .strict();
export type Slots = z.infer<typeof slotsSchema>;
export type SlotName = keyof Slots;

/** Something only the store can supply: the wiring picks it, then calls fillNeeds(). */
export const needsSchema = z.object({
  slot: z.literal('member_id'),
  /** A member who leaked on this journey on this date (the most recent leaked call is a fair pick). */
  journey: z.string().optional(),
  date: isoDate,
  note: z.string(),
});
export type Needs = z.infer<typeof needsSchema>;

export const answerSchema = z.object({
  kind: z.literal('answer'),
  intent: z.enum(INTENTS),
  slots: slotsSchema,
  /** The equivalent command line for the CLI, e.g. ['savings', 'billing', '10', '--date', '2026-11-20']. */
  argv: z.array(z.string()),
  /** low: chosen from weak cues only (the LLM resolver, when configured, gets a try). */
  confidence: z.enum(['high', 'low']),
  /** How it was resolved: from the words, a learned phrase, the thread's context, or the LLM. */
  source: z.enum(['words', 'learned', 'context', 'llm', 'choice']),
  needs: needsSchema.optional(),
  /** Plain sentences about what the answer does not cover (e.g. a segment the command cannot filter by). */
  notes: z.array(z.string()).optional(),
});
export type AnswerResolution = z.infer<typeof answerSchema>;

/** A choice resolves to an answer, or to the next question (impact: which journey, then since when). */
export type ClarifyOption = { label: string; resolution: AnswerResolution | ClarifyResolution };
export type ClarifyResolution = {
  kind: 'clarify';
  /** The slot being asked about, or 'intent' when the question fits two answers. */
  slot: SlotName | 'intent';
  prompt: string;
  options: ClarifyOption[];
};
export type UnknownResolution = { kind: 'unknown'; suggestions: string[]; reason: 'not_understood' | 'refused' };
export type Resolution = AnswerResolution | ClarifyResolution | UnknownResolution;

/** A stored resolution read back (a clarifying question's buttons answer from it): every kind, nested choices too. */
const unknownSchema = z.object({ kind: z.literal('unknown'), suggestions: z.array(z.string()), reason: z.enum(['not_understood', 'refused']) });
const clarifySchema: z.ZodType<ClarifyResolution> = z.lazy(() =>
  z.object({
    kind: z.literal('clarify'),
    slot: z.union([slotsSchema.keyof(), z.literal('intent')]),
    prompt: z.string(),
    options: z.array(z.object({ label: z.string(), resolution: z.union([answerSchema, clarifySchema]) })),
  }),
);
export const resolutionSchema: z.ZodType<Resolution> = z.union([answerSchema, clarifySchema, unknownSchema]);

/** What the previous answer in a thread was about, read from its JSON by focusOfAnswer(). */
export const focusSchema = z
  .object({ journey: z.string(), date: isoDate, segment: z.string(), member_id: z.string(), since: isoDate })
  .partial();
export type Focus = z.infer<typeof focusSchema>;

export const threadContextSchema = z.object({ previous: answerSchema, about: focusSchema });
export type ThreadContext = z.infer<typeof threadContextSchema>;

/** A correction remembered for a workspace: these words meant this intent and these slots. */
export type LearnedPhrase = { phrase: string; intent: Intent; slots: Slots };

export type Vocabulary = {
  /** Journey slugs present in the store (billing, id_card, …). */
  journeys: string[];
  /** Segments present in the store (MAPD New, Medicaid, …). */
  segments: string[];
  /** Language codes present in the store (en, es, …). */
  languages: string[];
  /** Devices and channels of leaked calls in the store (mobile, desktop, …; app, web); the simulator's when absent. */
  devices?: string[];
  channels?: string[];
};

export type AskInput = {
  /** The day "today" means (the CLI's --date), YYYY-MM-DD in LEAK_TZ. */
  today: string;
  /** LEAK_TZ. Dates are calendar dates in it; `today` already says which day it is there. */
  timeZone: string;
  vocabulary: Vocabulary;
  context?: ThreadContext;
  learned?: LearnedPhrase[];
};
