/**
 * Asking: the one way every face (`leak ask`, `/leak <question>`, mentions, DMs, Slack's buttons)
 * answers a question in words. The resolver (src/ask/) reads it with the thread's subject and the
 * workspace's learned phrases; the answer's command line is parsed and run exactly as the CLI and /leak
 * do (the command's own module, parseCommandArgs, run); the question, the thread's new subject and the
 * answer are stored. Nothing is computed
 * here: the answer is the command's own result, and only the question commands can be reached.
 */
import { openAskStore, type AskStore } from '../src/ask/ask-store.ts';
import { nextContext } from '../src/ask/context.ts';
import { createLlmResolver, resolveWithFallback } from '../src/ask/llm.ts';
import { commandLine, fillNeeds, resolveQuestion } from '../src/ask/resolve.ts';
import { pickLeakedMember, readVocabulary } from '../src/ask/store-reads.ts';
import { type AnswerResolution, type AskInput, type ClarifyResolution, type Resolution, type UnknownResolution, type Vocabulary } from '../src/ask/types.ts';
import type { Context } from '../src/context.ts';
import { LeakError } from '../src/errors.ts';
import { jsonReplacer } from '../src/format.ts';
import { zoneClock } from '../src/time.ts';
import type { Store } from '../db/open-db.ts';
import { ANSWER_COMMANDS } from './answer-commands.ts';
import { runsIn, type AnyCommand } from './command.ts';
import { parseCommandArgs } from './parse-args.ts';

/** Who asks where: the workspace (its learned phrases), the person, and the conversation whose subject follow-ups keep. */
export type AskPlace = { workspace: string; user: string; threadKey?: string };

export type AskedAnswer = {
  kind: 'answer';
  /** The stored question's id: what 👍/👎 and the buttons under the answer refer to. */
  id: number;
  question: string;
  resolution: AnswerResolution;
  cmd: AnyCommand;
  /** What the command returned, and the same as the JSON its --json prints. */
  result: unknown;
  json: unknown;
  /** The equivalent command line, without `leak`. */
  command: string;
};
export type AskedClarify = { kind: 'clarify'; id: number; question: string; resolution: ClarifyResolution };
export type AskedUnknown = { kind: 'unknown'; id: number; question: string; resolution: UnknownResolution };
export type Asked = AskedAnswer | AskedClarify | AskedUnknown;

/** The answer as the CLI's --json prints it, as data. */
export const toJson = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value, jsonReplacer)));

// The store's journeys, segments and languages change only with an import: read them once a minute at most.
const VOCABULARY_FOR_MS = 60_000;
const vocabularies = new WeakMap<Store, { at: number; vocabulary: Vocabulary }>();

export function vocabularyOf(store: Store): Vocabulary {
  const cached = vocabularies.get(store);
  if (cached && performance.now() - cached.at < VOCABULARY_FOR_MS) return cached.vocabulary;
  const vocabulary = readVocabulary(store);
  vocabularies.set(store, { at: performance.now(), vocabulary });
  return vocabulary;
}

// Its statements are prepared once per store and clock (a quarter of a millisecond each time otherwise).
const askStores = new WeakMap<Store, WeakMap<() => number, AskStore>>();

/** The asking tables (threads, questions, 👍/👎, learned phrases) of the context's store. */
export function askStoreOf(ctx: Context): AskStore {
  const byClock = askStores.get(ctx.store) ?? new WeakMap<() => number, AskStore>();
  askStores.set(ctx.store, byClock);
  let ask = byClock.get(ctx.now);
  if (!ask) byClock.set(ctx.now, (ask = openAskStore(ctx.store, ctx.now)));
  return ask;
}

/** What the resolver needs: "today" (the CLI's --date, else today in LEAK_TZ), the store's words, the thread and the workspace. */
export function askInput(ctx: Context, place: AskPlace, today?: string): AskInput {
  const ask = askStoreOf(ctx);
  return {
    today: today ?? zoneClock(ctx.config.timeZone).today(ctx.now()),
    timeZone: ctx.config.timeZone,
    vocabulary: vocabularyOf(ctx.store),
    context: place.threadKey ? ask.loadContext(place.threadKey) : undefined,
    learned: ask.learnedPhrases(place.workspace),
  };
}

/** The offline resolver, and the LLM after it only when LEAK_LLM_* is configured and the offline one was unsure. */
export async function resolveAsked(question: string, ctx: Context, input: AskInput): Promise<Resolution> {
  if (!ctx.config.llm) return resolveQuestion(question, input);
  return resolveWithFallback(question, input, createLlmResolver(ctx.config.llm));
}

/** Resolves and answers a question: `leak ask` and every Slack surface start here. */
export async function askQuestion(question: string, ctx: Context, place: AskPlace, today?: string): Promise<Asked> {
  const input = askInput(ctx, place, today);
  return answerResolution(question, await resolveAsked(question, ctx, input), ctx, place);
}

/**
 * Records a resolution and, for an answer, runs its command line through the registry and keeps the
 * thread's new subject. Used for a question just resolved, a clarifying choice and an in-place change.
 */
export async function answerResolution(question: string, resolution: Resolution, ctx: Context, place: AskPlace): Promise<Asked> {
  const ask = askStoreOf(ctx);
  const record = (r: Resolution) => ask.recordQuestion({ workspace: place.workspace, threadKey: place.threadKey, user: place.user, question, resolution: r });
  if (resolution.kind === 'clarify') return { kind: 'clarify', id: record(resolution), question, resolution };
  if (resolution.kind === 'unknown') return { kind: 'unknown', id: record(resolution), question, resolution };

  let r = resolution;
  if (r.needs) {
    const member = pickLeakedMember(ctx.store, r.needs);
    if (!member) {
      record(r);
      const on = r.needs.journey ? ` on ${r.needs.journey}` : '';
      throw new LeakError('not_found', `No member leaked${on} on ${r.needs.date}, so there is no example to show: ask about a member by id, e.g. "show me M-104382's journey".`);
    }
    r = fillNeeds(r, member);
  }
  const id = record(r);
  // Only the read-only answers, and only those Slack may run too: never import, export, digest, simulate or a command that acts.
  const cmd = (await ANSWER_COMMANDS[r.intent]()).default;
  if (cmd.name !== r.argv[0] || !runsIn(cmd, 'slack')) throw new LeakError('bad_argument', `"${commandLine(r.argv)}" is not a question Leak answers.`);
  const inv = parseCommandArgs(cmd, r.argv.slice(1), ctx);
  if (inv.help) throw new LeakError('bad_argument', `"${commandLine(r.argv)}" is not a question Leak answers.`);
  const result = await inv.cmd.run(inv.args, ctx);
  const json = toJson(result);
  if (place.threadKey) ask.saveContext(place.threadKey, nextContext(ask.loadContext(place.threadKey), r, json));
  return { kind: 'answer', id, question, resolution: r, cmd: inv.cmd, result, json, command: commandLine(r.argv) };
}
