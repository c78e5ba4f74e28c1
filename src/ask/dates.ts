/**
 * Dates in words, read by chrono-node with the question's "today" as the reference instant.
 * chrono is extended through its own mechanisms: a parser for a day of the month alone ("on the
 * 18th", which casual chrono misses) and refiners that drop times without a date ("at 7.50 a call"),
 * move a date without a year or a bare weekday out of the future (questions are about data already
 * in), and turn periods into ranges ending today ("last 14 days" = the 14 days up to today).
 */
import * as chrono from 'chrono-node';
import { addDays, daysInMonth } from '../time.ts';

export type DateMention = {
  from: string;
  to: string;
  /** A period ("this week", "last 14 days", "in October"), not one day. */
  range: boolean;
  /** Preceded by since / after / from / starting ("since Nov 9"). */
  since: boolean;
  index: number;
  text: string;
};

const iso = (c: chrono.ParsingComponents) =>
  `${c.get('year')}-${String(c.get('month')).padStart(2, '0')}-${String(c.get('day')).padStart(2, '0')}`;
const parts = (d: string) => ({ year: +d.slice(0, 4), month: +d.slice(5, 7), day: +d.slice(8, 10) });
const todayOf = (context: chrono.ParsingContext) => context.refDate.toISOString().slice(0, 10);

const MONTHS = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';

/** "the 18th", "on 18th": the most recent day of that number up to today. */
const dayOfMonthParser: chrono.Parser = {
  pattern: () => new RegExp(`(?:\\bthe\\s+|\\bon\\s+)(\\d{1,2})(?:st|nd|rd|th)\\b(?!\\s+(?:of\\s+)?${MONTHS})`, 'i'),
  extract: (context, match) => {
    const day = Number(match[1]);
    const today = parts(todayOf(context));
    let { year, month } = today;
    if (day < 1 || day > 31) return null;
    // This month's if it has come, else the latest month that has the day ("the 31st" on Dec 5 is Oct 31).
    if (day > today.day) [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
    while (day > daysInMonth(year, month)) [year, month] = month === 1 ? [year - 1, 12] : [year, month - 1];
    return context.createParsingComponents({ year, month, day }).addTag('leak/dayOfMonth');
  },
};

const hasDate = (r: chrono.ParsingResult) =>
  (['year', 'month', 'day', 'weekday'] as const).some((c) => r.start.isCertain(c)) ||
  [...r.tags()].some((t) => t.startsWith('casualReference') || t === 'result/relativeDate') ||
  /^(this|last|past)\s+(week|month|year)/i.test(r.text);

const setDay = (context: chrono.ParsingContext, d: string) => context.createParsingComponents(parts(d));

const periodRefiner: chrono.Refiner = {
  refine: (context, results) =>
    results.filter(hasDate).map((r) => {
      const today = todayOf(context);
      const text = r.text.toLowerCase();
      const monthOnly = r.start.isCertain('month') && !r.start.isCertain('day') && !r.start.isCertain('weekday');
      // Not in the future: a date without a year is last year's; a bare weekday is last week's.
      if (!r.end && iso(r.start) > today) {
        if (!r.start.isCertain('year') && r.start.isCertain('month')) r.start = setDay(context, `${r.start.get('year')! - 1}${iso(r.start).slice(4)}`);
        else if (r.start.isCertain('weekday') && !r.start.isCertain('day')) r.start = setDay(context, addDays(iso(r.start), -7));
      }
      if (r.end) return r;
      const start = iso(r.start);
      const upToToday = (end: string) => (end > today ? today : end);
      if (/^(last|past)\s/.test(text) && r.tags().has('result/relativeDate')) {
        // chrono gives the day N units back; the period is the N units ending today.
        r.start = setDay(context, addDays(start, 1));
        r.end = setDay(context, today);
      } else if (/^this\s+week/.test(text)) r.end = setDay(context, upToToday(addDays(start, 6)));
      else if (/^this\s+(month|year)/.test(text)) r.end = setDay(context, today);
      else if (monthOnly) {
        const { year, month } = parts(start);
        r.start = setDay(context, `${start.slice(0, 8)}01`);
        r.end = setDay(context, upToToday(`${start.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, '0')}`));
      }
      return r;
    }),
};

const parser = chrono.casual.clone();
parser.parsers.push(dayOfMonthParser);
parser.refiners.push(periodRefiner);

const SINCE_BEFORE = /\b(since|after|from|starting|beginning)\s+(on\s+|the\s+)?$/i;

/** Every date in the text, relative to `today` (YYYY-MM-DD). */
export function findDates(text: string, today: string): DateMention[] {
  const results = parser.parse(text, { instant: new Date(`${today}T12:00:00Z`), timezone: 0 }, { forwardDate: false });
  return results.map((r) => {
    const from = iso(r.start as chrono.ParsingComponents);
    const to = r.end ? iso(r.end as chrono.ParsingComponents) : from;
    return { from, to, range: from !== to || r.end != null, since: SINCE_BEFORE.test(text.slice(0, r.index)), index: r.index, text: r.text };
  });
}

export type DateSlots = { date?: string; from?: string; to?: string; since?: string };

/** One day, a range, or a "since" day (a range to today except in an impact question). */
export function dateSlots(mentions: DateMention[], today: string): DateSlots {
  if (!mentions.length) return {};
  if (mentions.length >= 2) {
    const all = mentions.flatMap((m) => [m.from, m.to]).sort();
    return { from: all[0], to: all[all.length - 1] };
  }
  const [m] = mentions;
  if (m.since && !m.range) return { since: m.from, from: m.from, to: m.from > today ? m.from : today };
  if (m.range) return { from: m.from, to: m.to };
  return { date: m.from };
}
