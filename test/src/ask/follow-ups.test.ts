/**
 * A thread's follow-ups: the executive conversation in words, each question taking its journey and
 * date from what the previous answer was about (focusOfAnswer reads that from the command's JSON),
 * short follow-ups ("what about pharmacy?") reusing the previous question, and learned phrases.
 */
import { describe, expect, it } from 'vitest';
import { focusOfAnswer, nextContext } from '../../../src/ask/context.ts';
import { commandLine, fillNeeds, learnedPhrase, resolveQuestion } from '../../../src/ask/resolve.ts';
import type { AnswerResolution, ThreadContext } from '../../../src/ask/types.ts';
import { INPUT, answer, clarify } from './ask-input.ts';

/** Answers shaped like the commands' --json output (only the fields focusOfAnswer reads matter). */
const ANSWERS: Record<string, unknown> = {
  today: { date: '2026-11-20', journeys: [{ journey: 'billing', calls: 910 }, { journey: 'pharmacy', calls: 400 }] },
  segments: { journey: 'billing', date: '2026-11-20', segments: [{ segment: 'MAPD New', calls: 500 }] },
  journey: { member_id: 'M-104382', date: '2026-11-20' },
  savings: { journey: 'billing', date: '2026-11-20' },
  why: { journey: 'billing', date: '2026-11-20' },
  actions: {
    date: '2026-11-20', journey: 'billing', recommendations: [{ journey: 'billing' }],
    open_actions: [{ journey: 'billing', status: 'shipped', ship_date: '2026-11-12' }, { journey: 'pharmacy', status: 'shipped', ship_date: '2026-11-15' }],
  },
};

/** Asks each question in one thread, carrying the context as the wiring will. */
function converse(questions: string[], context?: ThreadContext) {
  return questions.map((q) => {
    const r = answer(resolveQuestion(q, { ...INPUT, context }));
    const shown = r.needs ? fillNeeds(r, '104382') : r;
    context = nextContext(context, shown, ANSWERS[r.intent] ?? {});
    return commandLine(shown.argv);
  });
}

describe('follow-ups in a thread', () => {
  it('carries the executive conversation in words', () => {
    expect(converse([
      'What was breaking on Nov 20?', 'Who is this hurting?', 'Show me what this feels like', 'Is this worth fixing?',
      'Why is this happening?', 'What should my teams do next?', 'How do we know it worked?',
    ])).toEqual([
      'today --date 2026-11-20', 'segments billing --date 2026-11-20', 'journey M-104382 --date 2026-11-20', 'savings billing --date 2026-11-20',
      'why billing --date 2026-11-20', 'actions billing --date 2026-11-20', 'impact billing 2026-11-12 --date 2026-11-20',
    ]);
  });

  it('takes the day of the thread, not today, and asks for "since" when no action shipped and the day is today', () => {
    const today = answer(resolveQuestion('what was breaking yesterday', INPUT));
    const context = nextContext(undefined, today, ANSWERS.today);
    expect(context.about).toEqual({ journey: 'billing', date: '2026-11-19' });
    expect(commandLine(answer(resolveQuestion('Why is this happening?', { ...INPUT, context })).argv)).toBe('why billing --date 2026-11-19');
    // A day before today is the natural "since"; the thread's own day when it is today gives an empty "after" window, so it asks.
    expect(commandLine(answer(resolveQuestion('How do we know it worked?', { ...INPUT, context })).argv)).toBe('impact billing 2026-11-19 --date 2026-11-20');
    const sameDay = nextContext(undefined, answer(resolveQuestion("what's breaking", INPUT)), ANSWERS.today);
    expect(clarify(resolveQuestion('How do we know it worked?', { ...INPUT, context: sameDay })).slot).toBe('since');
  });

  it('reuses the previous question for short follow-ups, changing only what they name', () => {
    expect(converse(['is fixing billing worth it at 20%', 'what about pharmacy?', 'and yesterday', 'at $9 a call'])).toEqual([
      'savings billing 20 --date 2026-11-20', 'savings pharmacy 20 --date 2026-11-20', 'savings pharmacy 20 --date 2026-11-19', 'savings pharmacy 20 --cost 9 --date 2026-11-19',
    ]);
    expect(converse(['cost by device this week', 'and for medicaid'])).toEqual([
      'cube --measure cost --by device --from 2026-11-15 --to 2026-11-20', 'cube --measure cost --by device --where segment=Medicaid --date 2026-11-20',
    ]);
  });

  it('carries fractions, breakdowns, trends and groups through a thread', () => {
    expect(converse(['is fixing billing worth it', 'what about by half', 'and a third?', 'break that down by device', 'is it getting worse', 'same for seniors', 'show me one'])).toEqual([
      'savings billing --date 2026-11-20', 'savings billing 50 --date 2026-11-20', 'savings billing 33.3 --date 2026-11-20',
      'cube --measure calls --by device --where journey=billing --date 2026-11-20',
      'cube --measure calls --by date --where journey=billing --from 2026-11-07 --to 2026-11-20',
      'cube --measure calls --by date --where journey=billing --where age_group=65-74 --where age_group=75+ --from 2026-11-07 --to 2026-11-20',
      'journey M-104382 --date 2026-11-20',
    ]);
    expect(converse(['did A-3 work', 'and A-4?'])).toEqual(['impact A-3 --date 2026-11-20', 'impact A-4 --date 2026-11-20']);
  });

  it('answers a question with its own journey and date even inside a thread', () => {
    const context = nextContext(undefined, answer(resolveQuestion('What was breaking on Nov 18?', INPUT)), ANSWERS.today);
    expect(commandLine(answer(resolveQuestion('why is pharmacy leaking today', { ...INPUT, context })).argv)).toBe('why pharmacy --date 2026-11-20');
    expect(commandLine(answer(resolveQuestion("What's breaking right now?", { ...INPUT, context })).argv)).toBe('today --date 2026-11-20');
  });

  it('reads the focus of each answer from its JSON, ignoring shapes it does not know', () => {
    const today = answer(resolveQuestion('whats breaking', INPUT));
    expect(focusOfAnswer(today, ANSWERS.today)).toEqual({ journey: 'billing', date: '2026-11-20' });
    expect(focusOfAnswer(today, { journeys: [] })).toEqual({ date: '2026-11-20' });
    expect(focusOfAnswer(today, 'not json')).toEqual({ date: '2026-11-20' });
    const segments = answer(resolveQuestion('who is billing hurting', INPUT));
    expect(focusOfAnswer(segments, ANSWERS.segments)).toEqual({ journey: 'billing', date: '2026-11-20', segment: 'MAPD New' });
  });
});

describe('learned phrases', () => {
  it('resolves words a person once clarified directly, with dates read again', () => {
    const first = clarify(resolveQuestion('how are medicare folks doing', INPUT));
    expect(first.slot).toBe('segment');
    const picked = first.options.find((o) => o.label === 'MAPD Tenured')!.resolution as AnswerResolution;
    const learned = learnedPhrase('how are medicare folks doing', picked, INPUT);
    expect(learned).toEqual({ phrase: 'how are medicare folks doing', intent: 'cube', slots: { measure: 'calls', by: ['journey'], segment: 'MAPD Tenured' } });
    const again = answer(resolveQuestion('How are Medicare folks doing?', { ...INPUT, today: '2026-11-25', learned: [learned] }));
    expect(again.source).toBe('learned');
    expect(commandLine(again.argv)).toBe("cube --measure calls --by journey --where 'segment=MAPD Tenured' --date 2026-11-25");
    // Other words are not affected.
    expect(resolveQuestion('how are medicare people doing', { ...INPUT, learned: [learned] }).kind).not.toBe('answer');
  });
});
