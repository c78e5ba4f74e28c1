/**
 * Which clarifying choices teach the workspace a phrase. A choice about what the words meant (which
 * answer, which segment "MAPD" meant, which of two named journeys) is worth remembering; a choice that
 * only filled a gap the thread would fill another time ("why is this happening?" with no journey yet,
 * "since when?") is not: remembering it would pin every later thread to this one's journey or date.
 */
import { readQuestion } from './read.ts';
import { learnedPhrase } from './resolve.ts';
import type { AnswerResolution, AskInput, ClarifyResolution, LearnedPhrase } from './types.ts';
import { tablesFor } from './vocabulary.ts';

/**
 * `path` is every clarifying question answered on the way to `chosen`, first to last. Undefined when
 * nothing about the words was learnt; otherwise the phrase, its intent and the slots the words or the
 * choices gave (a journey taken from the thread is left out).
 */
export function learnFromChoice(
  question: string,
  path: ClarifyResolution[],
  chosen: AnswerResolution,
  input: Pick<AskInput, 'today' | 'vocabulary'>,
): LearnedPhrase | undefined {
  const found = readQuestion(question, input.today, tablesFor(input.vocabulary));
  const aboutTheWords = path.length > 0 && path.every((c) => c.slot === 'intent' || c.slot === 'segment' || (c.slot === 'journey' && found.journeys.length > 1));
  if (!aboutTheWords) return undefined;
  const learned = learnedPhrase(question, chosen, input);
  if (found.journeys.length === 0 && !path.some((c) => c.slot === 'journey')) delete learned.slots.journey;
  return learned;
}
