/** The readers under the resolver: dates (chrono with its extensions), the person's numbers, spelling, vocabulary. */
import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../../src/ask/amounts.ts';
import { dateSlots, findDates } from '../../../src/ask/dates.ts';
import { commandLine, resolveQuestion } from '../../../src/ask/resolve.ts';
import { buildLexicon, correctWord, tokenize } from '../../../src/ask/tokens.ts';
import { DIMENSIONS, MEASURES } from '../../../src/ask/types.ts';
import { INPUT, answer } from './ask-input.ts';

const slotsOf = (text: string, today = '2026-11-20') => dateSlots(findDates(text, today), today);

describe('dates in words', () => {
  it.each([
    ['what broke today', { date: '2026-11-20' }],
    ['yesterday', { date: '2026-11-19' }],
    ['this week', { from: '2026-11-15', to: '2026-11-20' }],
    ['in the last 14 days', { from: '2026-11-07', to: '2026-11-20' }],
    ['past 30 days', { from: '2026-10-22', to: '2026-11-20' }],
    ['since Nov 9', { since: '2026-11-09', from: '2026-11-09', to: '2026-11-20' }],
    ['what broke on the 18th?', { date: '2026-11-18' }],
    ['on 18th', { date: '2026-11-18' }],
    ['since the 9th', { since: '2026-11-09', from: '2026-11-09', to: '2026-11-20' }],
    ['the 25th', { date: '2026-10-25' }],
    ['the 9th of november', { date: '2026-11-09' }],
    ['in october', { from: '2026-10-01', to: '2026-10-31' }],
    ['this month', { from: '2026-11-01', to: '2026-11-20' }],
    ['between nov 1 and nov 15', { from: '2026-11-01', to: '2026-11-15' }],
    ['monday', { date: '2026-11-16' }],
    ['dec 5', { date: '2025-12-05' }],
    ['at 7.50 a call', {}],
    ['savings billing 10', {}],
  ])('%s', (text, expected) => expect(slotsOf(text)).toEqual(expected));

  it('reads "the 18th" early in a month as in last month, and "the 31st" as the latest month that has one', () => {
    expect(slotsOf('on the 31st', '2026-12-05')).toEqual({ date: '2026-10-31' });
    expect(slotsOf('on the 18th', '2026-12-05')).toEqual({ date: '2026-11-18' });
    expect(slotsOf('on the 31st', '2026-10-05')).toEqual({ date: '2026-08-31' });
  });

  it('uses the given today as the reference, not the clock', () => {
    expect(slotsOf('yesterday', '2025-03-01')).toEqual({ date: '2025-02-28' });
    expect(slotsOf('last 3 days', '2024-01-01')).toEqual({ from: '2023-12-30', to: '2024-01-01' });
  });
});

describe("the person's numbers", () => {
  it.each([
    ['fix billing by ten percent at seven dollars fifty a call', { fix_pct: 10, cost_per_call: 7.5 }],
    ['10% at $7.50 per call', { fix_pct: 10, cost_per_call: 7.5 }],
    ['nine dollars and twenty five cents per call', { cost_per_call: 9.25 }],
    ['seven fifty a call', { cost_per_call: 7.5 }],
    ['eight bucks a call', { cost_per_call: 8 }],
    ['twenty-five percent', { fix_pct: 25 }],
    ['fifteen per cent', { fix_pct: 15 }],
    ['25 pct', { fix_pct: 25 }],
    ['at $8.00/call', { cost_per_call: 8 }],
    ['$7 and 10%', { cost_per_call: 7, fix_pct: 10 }],
    ['last 14 days for M-104382', {}],
    ['top 5 journeys', {}],
  ])('%s', (text, expected) => expect(findAmounts(text)).toEqual(expected));
});

describe('words and spelling', () => {
  it('tokenises contractions, possessives and hyphens', () => {
    expect(tokenize("What's M-104382's bill-pay status?").map((t) => t.word)).toEqual(['whats', 'm-104382', 'bill', 'pay', 'status']);
  });

  it('corrects a word one or two edits from a known word, but not short words or real words kept as they are', () => {
    const lexicon = buildLexicon(['billing', 'breaking', 'pharmacy', 'agent', 'ages', 'chats', 'cost'], ['charts', 'most']);
    expect(correctWord('biling', lexicon)).toBe('billing');
    expect(correctWord('braking', lexicon)).toBe('breaking');
    expect(correctWord('pharmacey', lexicon)).toBe('pharmacy');
    expect(correctWord('agens', lexicon)).toBe('agent');
    expect(correctWord('charts', lexicon)).toBeUndefined();
    expect(correctWord('most', lexicon)).toBeUndefined();
    expect(correctWord('cots', lexicon)).toBeUndefined();
    expect(correctWord('completely', lexicon)).toBeUndefined();
  });

});

describe("the store's vocabulary", () => {
  it('matches a journey the synonyms do not know by its own slug words', () => {
    const input = { ...INPUT, vocabulary: { ...INPUT.vocabulary, journeys: [...INPUT.vocabulary.journeys, 'enrollment_form'] } };
    expect(commandLine(answer(resolveQuestion('why is the enrollment form leaking', input)).argv)).toBe('why enrollment_form --date 2026-11-20');
    expect(commandLine(answer(resolveQuestion('who is enrollment_form hurting', input)).argv)).toBe('segments enrollment_form --date 2026-11-20');
  });

  it('maps a synonym only onto journeys the store has', () => {
    const input = { ...INPUT, vocabulary: { ...INPUT.vocabulary, journeys: ['billing'] } };
    expect(commandLine(answer(resolveQuestion('why are refills leaking', input)).argv)).toBe('why --date 2026-11-20');
  });

  it('names languages present in the store in English', () => {
    expect(commandLine(answer(resolveQuestion('who is hurting among vietnamese speakers', INPUT)).argv)).toBe('cube --measure calls --by segment --where language=vi --date 2026-11-20');
    const noVi = { ...INPUT, vocabulary: { ...INPUT.vocabulary, languages: ['en', 'es'] } };
    expect(commandLine(answer(resolveQuestion('who is hurting among vietnamese speakers', noVi)).argv)).toBe('segments --date 2026-11-20');
  });

  it('still understands questions before the store has any data', () => {
    const empty = { ...INPUT, vocabulary: { journeys: [], segments: [], languages: [] } };
    expect(commandLine(answer(resolveQuestion('why is pharmacy leaking', empty)).argv)).toBe('why pharmacy --date 2026-11-20');
  });
});
