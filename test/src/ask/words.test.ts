/** The readers under the resolver: dates (chrono with its extensions), the person's numbers, spelling, vocabulary. */
import { describe, expect, it } from 'vitest';
import { findAmounts } from '../../../src/ask/amounts.ts';
import { dateSlots, findDates } from '../../../src/ask/dates.ts';
import { commandLine, resolveQuestion } from '../../../src/ask/resolve.ts';
import { SHORTHAND } from '../../../src/ask/everyday-words.ts';
import { buildLexicon, correctWord, readWords, tokenize } from '../../../src/ask/tokens.ts';
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
    // Calendar periods: "last week" is the week before this one (Sunday to Saturday); "the last week" and "past week" end today.
    ['what broke last week', { from: '2026-11-08', to: '2026-11-14' }],
    ['in the last week', { from: '2026-11-14', to: '2026-11-20' }],
    ['past week', { from: '2026-11-14', to: '2026-11-20' }],
    ['last month', { from: '2026-10-01', to: '2026-10-31' }],
    ['the week before last', { from: '2026-11-01', to: '2026-11-07' }],
    ['compare this week to last week', { from: '2026-11-08', to: '2026-11-20' }],
    ['this week vs last week', { from: '2026-11-08', to: '2026-11-20' }],
    ['what broke over the weekend', { from: '2026-11-14', to: '2026-11-15' }],
    ['cost in q4', { from: '2026-10-01', to: '2026-11-20' }],
    ['Q1', { from: '2026-01-01', to: '2026-03-31' }],
    ["q3 '25", { from: '2025-07-01', to: '2025-09-30' }],
    ['the third quarter of 2025', { from: '2025-07-01', to: '2025-09-30' }],
    ['last quarter', { from: '2026-07-01', to: '2026-09-30' }],
    ['this quarter', { from: '2026-10-01', to: '2026-11-20' }],
    ['calls mtd', { from: '2026-11-01', to: '2026-11-20' }],
    ['cost ytd', { from: '2026-01-01', to: '2026-11-20' }],
    ['year to date', { from: '2026-01-01', to: '2026-11-20' }],
    ['since the start of the month', { since: '2026-11-01', from: '2026-11-01', to: '2026-11-20' }],
    ['why was billing bad on the twelfth', { date: '2026-11-12' }],
    ['since the twenty-first', { since: '2026-10-21', from: '2026-10-21', to: '2026-11-20' }],
    ['november eighteenth', { date: '2026-11-18' }],
    // Not dates: an ordinal inside a phrase, a rate, a fraction.
    ["what's the first thing to fix", {}],
    ['how much could we save in a year', {}],
    ['what if we fix 1/3 of billing', {}],
  ])('%s', (text, expected) => expect(slotsOf(text)).toEqual(expected));

  it('reads a quarter without a year as the latest one that has begun', () => {
    expect(slotsOf('q4', '2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(slotsOf('last quarter', '2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(slotsOf('last weekend', '2026-11-22')).toEqual({ from: '2026-11-14', to: '2026-11-15' });
    expect(slotsOf('this weekend', '2026-11-22')).toEqual({ from: '2026-11-21', to: '2026-11-22' });
  });

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
    ['if we fixed pharmacy by half', { fix_pct: 50 }],
    ['cut pharmacy calls in half', { fix_pct: 50 }],
    ['cut billing calls by a third', { fix_pct: 33.3 }],
    ['fixed a quarter of claims', { fix_pct: 25 }],
    ['two thirds of pharmacy', { fix_pct: 66.7 }],
    ['fix 1/3 of billing', { fix_pct: 33.3 }],
    ['20% or half', { fix_pct: 20 }],
    ['at a buck fifty per call', { cost_per_call: 1.5 }],
    ['a dollar a call', { cost_per_call: 1 }],
  ])('%s', (text, expected) => expect(findAmounts(text)).toEqual(expected));

  it('reads no fraction inside a date ("last quarter")', () => {
    expect(findAmounts('cost by journey last quarter', [{ start: 16, end: 28 }])).toEqual({});
    expect(findAmounts('cost by journey last quarter')).toEqual({ fix_pct: 25 });
  });
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

  it('counts two swapped letters as one edit', () => {
    const lexicon = buildLexicon(['agents', 'alerts', 'worth', 'savings']);
    expect(['agnets', 'alrets', 'wroth', 'savigns'].map((w) => correctWord(w, lexicon))).toEqual(['agents', 'alerts', 'worth', 'savings']);
    expect(correctWord('wrath', lexicon)).toBeUndefined();
  });

  it('expands shorthand and "$$", and never corrects a number word', () => {
    const lexicon = buildLexicon(['yesterday', 'eighteen', 'money']);
    expect(readWords("wat broke y'day", lexicon, SHORTHAND).text).toBe('what broke yesterday');
    expect(readWords("where's the $$ going", lexicon, SHORTHAND).text).toBe("where's the money going");
    expect(readWords('november eighteenth', lexicon, SHORTHAND).tokens.map((t) => t.word)).toEqual(['november', 'eighteenth']);
  });

  it('tags function words as plain, from compromise', () => {
    expect(tokenize('why is the dental thing so bad').filter((t) => t.plain).map((t) => t.word)).toEqual(['why', 'is', 'the', 'so']);
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
    const refills = answer(resolveQuestion('why are refills leaking', input));
    expect(commandLine(refills.argv)).toBe('why --date 2026-11-20');
    expect(refills.notes).toEqual(['I did not understand "refills", so it is not part of this answer.']);
  });

  it('names languages present in the store in English', () => {
    expect(commandLine(answer(resolveQuestion('who is hurting among vietnamese speakers', INPUT)).argv)).toBe('cube --measure calls --by segment --where language=vi --date 2026-11-20');
    const noVi = { ...INPUT, vocabulary: { ...INPUT.vocabulary, languages: ['en', 'es'] } };
    const vi = answer(resolveQuestion('who is hurting among vietnamese speakers', noVi));
    expect([commandLine(vi.argv), vi.notes, vi.confidence]).toEqual(['segments --date 2026-11-20', ['I did not understand "vietnamese", so it is not part of this answer.'], 'low']);
  });

  it('still understands questions before the store has any data', () => {
    const empty = { ...INPUT, vocabulary: { journeys: [], segments: [], languages: [] } };
    expect(commandLine(answer(resolveQuestion('why is pharmacy leaking', empty)).argv)).toBe('why pharmacy --date 2026-11-20');
  });
});
