/**
 * chrono-node parsers for the dates people ask about that casual chrono does not read: a day of the
 * month alone ("on the 18th", "on the twelfth"), quarters ("Q4", "Q3 2026", "last quarter"), periods to
 * date ("mtd", "ytd", "month to date"), the start of a period ("since the start of the month"),
 * "the week before last" and weekends. Calendar periods: weeks start on Sunday, as chrono's "this week".
 */
import * as chrono from 'chrono-node';
import nlp from 'compromise';
import { addDays, daysInMonth, isoWeekday } from '../time.ts';

export type Unit = 'week' | 'month' | 'quarter' | 'year';

export const todayOf = (context: chrono.ParsingContext) => context.refDate.toISOString().slice(0, 10);
const parts = (d: string) => ({ year: +d.slice(0, 4), month: +d.slice(5, 7), day: +d.slice(8, 10) });
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The calendar period of this unit holding the date: [first day, last day]. */
export function periodOf(unit: Unit, date: string): [string, string] {
  const { year, month } = parts(date);
  switch (unit) {
    case 'week': {
      const sunday = addDays(date, -(isoWeekday(date) % 7));
      return [sunday, addDays(sunday, 6)];
    }
    case 'month':
      return [ymd(year, month, 1), ymd(year, month, daysInMonth(year, month))];
    case 'quarter': {
      const first = month - ((month - 1) % 3);
      return [ymd(year, first, 1), ymd(year, first + 2, daysInMonth(year, first + 2))];
    }
    case 'year':
      return [ymd(year, 1, 1), ymd(year, 12, 31)];
  }
}

/** The period `back` periods before the one holding the date (1: last week, 2: the week before last). */
export function periodBefore(unit: Unit, date: string, back: number): [string, string] {
  let p = periodOf(unit, date);
  for (let i = 0; i < back; i++) p = periodOf(unit, addDays(p[0], -1));
  return p;
}

/** A range result, its end never after today (a period still running ends today). */
function rangeResult(context: chrono.ParsingContext, match: RegExpMatchArray, from: string, to: string, tag: string): chrono.ParsingResult {
  const today = todayOf(context);
  const end = to > today ? today : to;
  const result = context.createParsingResult(match.index!, match[0], parts(from), parts(end));
  result.addTag(tag);
  return result;
}

const MONTHS = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';

/** The most recent day of that number up to today ("the 31st" on Dec 5 is Oct 31). */
function dayOfMonth(context: chrono.ParsingContext, day: number) {
  const today = parts(todayOf(context));
  let { year, month } = today;
  if (!Number.isInteger(day) || day < 1 || day > 31) return null;
  if (day > today.day) [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
  while (day > daysInMonth(year, month)) [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
  return context.createParsingComponents({ year, month, day }).addTag('leak/dayOfMonth');
}

/** "the 18th", "on 18th". */
export const dayOfMonthParser: chrono.Parser = {
  pattern: () => new RegExp(`(?:\\bthe\\s+|\\bon\\s+)(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?${MONTHS})`, 'i'),
  extract: (context, match) => dayOfMonth(context, Number(match[1])),
};

/**
 * "on the twelfth", "since the twenty-first": an ordinal word that ends the phrase (so "the first thing"
 * is no date); compromise reads its value.
 */
export const ordinalDayParser: chrono.Parser = {
  pattern: () => /\bthe\s+([a-z]+(?:-[a-z]+)?(?:st|nd|rd|th))(?=\s*$|\s*[?.!,;]|\s+(?:and|to|through|until|or|vs|versus)\b)/i,
  extract: (context, match) => {
    const term = nlp(match[1]);
    if (!term.has('#Ordinal') && !term.has('#Value')) return null;
    const [value] = term.numbers().get() as number[];
    return value === undefined ? null : dayOfMonth(context, value);
  },
};

const QUARTER_WORDS: Record<string, number> = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4 };

/** "Q4", "q3 2026", "Q1 '26", "the third quarter", "this quarter", "last quarter". */
export const quarterParser: chrono.Parser = {
  pattern: () =>
    /\b(?:q([1-4])(?:\s*(?:of\s+)?'?(\d{4}|\d{2}))?|(first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter(?:\s+(?:of\s+)?(\d{4}))?|(this|current|last|previous|prior)\s+quarter)\b/i,
  extract: (context, match) => {
    const today = todayOf(context);
    if (match[5]) {
      const [from, to] = /^(this|current)$/i.test(match[5]) ? periodOf('quarter', today) : periodBefore('quarter', today, 1);
      return rangeResult(context, match, from, to, 'leak/quarter');
    }
    const q = match[1] ? Number(match[1]) : QUARTER_WORDS[match[3].toLowerCase()];
    const yearText = match[2] ?? match[4];
    let year = yearText ? Number(yearText.length === 2 ? `20${yearText}` : yearText) : parts(today).year;
    // Without a year, the latest such quarter that has begun.
    if (!yearText && ymd(year, q * 3 - 2, 1) > today) year--;
    const [from, to] = periodOf('quarter', ymd(year, q * 3 - 2, 1));
    return rangeResult(context, match, from, to, 'leak/quarter');
  },
};

const TO_DATE: Record<string, Unit> = { wtd: 'week', mtd: 'month', qtd: 'quarter', ytd: 'year' };

/** "mtd", "ytd", "month to date", "year-to-date". */
export const toDateParser: chrono.Parser = {
  pattern: () => /\b(?:(wtd|mtd|qtd|ytd)|(week|month|quarter|year)[\s-]+to[\s-]+date)\b/i,
  extract: (context, match) => {
    const unit = match[1] ? TO_DATE[match[1].toLowerCase()] : (match[2].toLowerCase() as Unit);
    const today = todayOf(context);
    return rangeResult(context, match, periodOf(unit, today)[0], today, 'leak/toDate');
  },
};

/** "the start of the month", "beginning of this year": the first day of the current period. */
export const startOfParser: chrono.Parser = {
  pattern: () => /\b(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+|this\s+)?(week|month|quarter|year)\b/i,
  extract: (context, match) => context.createParsingComponents(parts(periodOf(match[1].toLowerCase() as Unit, todayOf(context))[0])).addTag('leak/startOf'),
};

/** "the week before last", "the month before last". */
export const beforeLastParser: chrono.Parser = {
  pattern: () => /\b(?:the\s+)?(week|month|quarter|year)\s+before\s+last\b/i,
  extract: (context, match) => {
    const [from, to] = periodBefore(match[1].toLowerCase() as Unit, todayOf(context), 2);
    return rangeResult(context, match, from, to, 'leak/beforeLast');
  },
};

/** The latest weekend that has begun (Saturday and Sunday); "last weekend" on a weekend is the one before. */
export function weekendRange(today: string, last: boolean): [string, string] {
  let saturday = addDays(today, -((isoWeekday(today) + 1) % 7));
  if (last && saturday >= addDays(today, -1)) saturday = addDays(saturday, -7);
  return [saturday, addDays(saturday, 1)];
}
