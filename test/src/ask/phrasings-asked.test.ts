/**
 * The resolver against questions as people type them to a bot (phrasings-asked.ts): each resolves to
 * its command line, clarifying question or refusal, and an answer says what it did not understand or
 * could not apply, and nothing about words it did.
 */
import { describe, expect, it } from 'vitest';
import { commandLine, resolveQuestion } from '../../../src/ask/resolve.ts';
import type { Resolution } from '../../../src/ask/types.ts';
import { INPUT } from './ask-input.ts';
import { ASKED, type Expected } from './phrasings-asked.ts';
import { PHRASINGS } from './phrasings.ts';

function outcome(r: Resolution): Expected {
  if (r.kind === 'answer') return commandLine(r.argv);
  if (r.kind === 'clarify') return { clarify: r.slot };
  return r.reason;
}

describe('resolveQuestion: questions as asked', () => {
  it.each(ASKED)('%s', (question, expected, note) => {
    const r = resolveQuestion(question, INPUT);
    expect(outcome(r)).toEqual(expected);
    const notes = r.kind === 'answer' ? (r.notes ?? []) : [];
    if (note) expect(notes.some((n) => note.test(n)), JSON.stringify(notes)).toBe(true);
    else expect(notes.filter((n) => /did not understand/.test(n))).toEqual([]);
  });

  it('says nothing about words it understood in any of the phrasings', () => {
    const noted = PHRASINGS.flatMap(([q]) => {
      const r = resolveQuestion(q, INPUT);
      return r.kind === 'answer' ? (r.notes ?? []).filter((n) => /did not understand/.test(n)).map((n) => `${q}: ${n}`) : [];
    });
    expect(noted).toEqual([]);
  });
});
