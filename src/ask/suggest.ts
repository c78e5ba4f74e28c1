/**
 * "I answer questions like…": three example questions close to what was asked (sharing its words,
 * naming its journey or member when it named one), else the start of the executive conversation.
 */
import type { Found } from './read.ts';
import type { UnknownResolution } from './types.ts';
import type { Tables } from './vocabulary.ts';
import { EXAMPLES } from './words.ts';

/** The sentence before the suggestions, in the terminal and Slack alike: a refused request says nothing was changed. */
export const suggestionsLead = (u: Pick<UnknownResolution, 'reason'>) =>
  u.reason === 'refused' ? 'I only answer questions, and changed nothing. I answer questions like:' : 'I answer questions like:';

export function suggestQuestions(found: Found | undefined, tables: Tables): string[] {
  const journey = found?.journeys[0] ?? tables.journeys[0] ?? 'billing';
  const asked = new Set((found?.words ?? []).filter((w) => w.length > 3));
  const ranked = EXAMPLES.filter((e) => !e.text.includes('{member}') || found?.member_id)
    .map((e, order) => {
      const cueWords = new Set(tables.intents.get(e.intent)!.words());
      const overlap = [...asked].filter((w) => cueWords.has(w)).length + (found?.scores.find((s) => s.intent === e.intent)?.score ?? 0);
      return { text: e.text.replace('{journey}', journey).replace('{member}', found?.member_id ?? ''), overlap, order };
    })
    .sort((a, b) => b.overlap - a.overlap || a.order - b.order);
  return ranked.slice(0, 3).map((r) => r.text);
}
