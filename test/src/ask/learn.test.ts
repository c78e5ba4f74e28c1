/**
 * The pieces the wiring uses around a clarifying question: what a choice teaches (only what the words
 * meant, never a thread's journey or a date), a stored question read back with its nested choices,
 * and an answer with its journey or date changed.
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../../db/open-db.ts';
import { openAskStore } from '../../../src/ask/ask-store.ts';
import { withSlots } from '../../../src/ask/argv.ts';
import { nextContext } from '../../../src/ask/context.ts';
import { learnFromChoice } from '../../../src/ask/learn.ts';
import { commandLine, isKnownWord, resolveQuestion } from '../../../src/ask/resolve.ts';
import type { AnswerResolution, ClarifyResolution } from '../../../src/ask/types.ts';
import { INPUT, answer, clarify } from './ask-input.ts';

/** Follows the labels through nested clarifying questions; returns the questions passed and the answer. */
function choose(question: string, labels: string[], input = INPUT): { path: ClarifyResolution[]; chosen: AnswerResolution } {
  const path: ClarifyResolution[] = [];
  let r = resolveQuestion(question, input);
  for (const label of labels) {
    const c = clarify(r);
    path.push(c);
    r = c.options.find((o) => o.label === label)!.resolution;
  }
  return { path, chosen: answer(r) };
}

describe('learnFromChoice', () => {
  it('learns what the words meant: which answer, which segment, which of two named journeys', () => {
    const intent = choose('what is the cost of billing', ['whether it is worth fixing']);
    expect(learnFromChoice('what is the cost of billing', intent.path, intent.chosen, INPUT)).toEqual({ phrase: 'what is the cost of billing', intent: 'savings', slots: { journey: 'billing' } });
    const segment = choose('how are medicare folks doing', ['MAPD New']);
    expect(learnFromChoice('how are medicare folks doing', segment.path, segment.chosen, INPUT)?.slots.segment).toBe('MAPD New');
    const two = choose('why billing or pharmacy', ['pharmacy']);
    expect(learnFromChoice('why billing or pharmacy', two.path, two.chosen, INPUT)).toEqual({ phrase: 'why billing or pharmacy', intent: 'why', slots: { journey: 'pharmacy' } });
  });

  it('learns nothing from a choice that filled a gap the thread fills another time', () => {
    const anaphor = choose('why is this happening', ['billing']);
    expect(learnFromChoice('why is this happening', anaphor.path, anaphor.chosen, INPUT)).toBeUndefined();
    const since = choose('did the billing fix work', [clarify(resolveQuestion('did the billing fix work', INPUT)).options[0].label]);
    expect(since.chosen.slots.since).toBeDefined();
    expect(learnFromChoice('did the billing fix work', since.path, since.chosen, INPUT)).toBeUndefined();
    expect(learnFromChoice('whats breaking', [], answer(resolveQuestion('whats breaking', INPUT)), INPUT)).toBeUndefined();
  });

  it('leaves out a journey that came from the thread, not the words', () => {
    const context = nextContext(undefined, answer(resolveQuestion('why is pharmacy leaking', INPUT)), { journey: 'pharmacy' });
    const input = { ...INPUT, context };
    const tie = clarify(resolveQuestion('is it worth fixing and why', input));
    expect(tie.slot).toBe('intent');
    const chosen = answer(tie.options[0].resolution);
    expect(chosen.slots.journey).toBe('pharmacy');
    expect(learnFromChoice('is it worth fixing and why', [tie], chosen, input)?.slots.journey).toBeUndefined();
  });
});

describe('stored questions and changed answers', () => {
  it('reads a clarifying question back with its nested choices, and an unreadable row as undefined', () => {
    const store = openStore(':memory:');
    const ask = openAskStore(store);
    const c = clarify(resolveQuestion('show me the impact', INPUT));
    const id = ask.recordQuestion({ workspace: 'T1', user: 'U1', question: 'show me the impact', resolution: c });
    const back = ask.loadQuestion(id)!;
    expect(back).toMatchObject({ id, workspace: 'T1', threadKey: null, question: 'show me the impact' });
    expect(back.resolution).toEqual(c);
    expect(clarify(clarify(back.resolution).options[0].resolution).slot).toBe('since');
    store.sqlite.prepare("UPDATE ask_questions SET resolution = '{\"kind\":\"clarify\"}' WHERE id = ?").run(id);
    expect(ask.loadQuestion(id)).toBeUndefined();
    expect(ask.loadQuestion(id + 1)).toBeUndefined();
    store.close();
  });

  it('changes an answer\'s journey or date, making its command line again', () => {
    const r = answer(resolveQuestion('is fixing billing worth 10% for spanish speakers', INPUT));
    expect(r.notes).toHaveLength(1);
    expect(commandLine(withSlots(r, { date: '2026-11-18' }).argv)).toBe('savings billing 10 --date 2026-11-18');
    expect(withSlots(r, { date: '2026-11-18' }).notes).toEqual(r.notes);
    const pharmacy = withSlots(r, { journey: 'pharmacy' });
    expect([commandLine(pharmacy.argv), pharmacy.source, pharmacy.notes]).toEqual(['savings pharmacy 10 --date 2026-11-20', 'choice', undefined]);
    expect(commandLine(withSlots(r, { journey: undefined }).argv)).toBe('savings 10 --date 2026-11-20');
    // An answer about a tracked action becomes one about the journey chosen in place.
    const action = answer(resolveQuestion('did A-3 work', INPUT));
    expect(commandLine(action.argv)).toBe('impact A-3 --date 2026-11-20');
    expect(commandLine(withSlots(action, { date: '2026-11-18' }).argv)).toBe('impact A-3 --date 2026-11-18');
    expect(commandLine(withSlots(action, { journey: 'billing' }).argv)).toBe('impact billing --date 2026-11-20');
  });

  it('knows the words of questions from words it does not know', () => {
    expect(['what', "what's", 'Billing', 'yesterday', 'who'].map((w) => isKnownWord(w, INPUT.vocabulary))).toEqual([true, true, true, true, true]);
    expect(['todya', 'sgments', 'tody'].map((w) => isKnownWord(w, INPUT.vocabulary))).toEqual([false, false, false]);
  });
});
