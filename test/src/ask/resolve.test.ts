/** The offline resolver, table-driven: every phrasing of phrasings.ts resolves to its answer, slots and command line. */
import { describe, expect, it } from 'vitest';
import { commandLine, resolveQuestion } from '../../../src/ask/resolve.ts';
import { INPUT, answer } from './ask-input.ts';
import { PHRASINGS } from './phrasings.ts';


describe('resolveQuestion: phrasings', () => {
  it('covers every intent with at least 100 phrasings', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(100);
    expect(new Set(PHRASINGS.map((p) => p[1]))).toEqual(new Set(['today', 'segments', 'journey', 'member', 'savings', 'why', 'actions', 'impact', 'alerts', 'agents', 'interactions', 'cube']));
  });

  it.each(PHRASINGS)('%s', (question, intent, slots, command) => {
    const r = answer(resolveQuestion(question, INPUT));
    expect({ intent: r.intent, slots: r.slots, command: commandLine(r.argv) }).toEqual({ intent, slots, command });
  });
});
