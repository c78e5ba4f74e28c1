/**
 * Dates in words, read by chrono-node with the question's "today" as the reference instant.
 * chrono is extended through its own mechanisms: parsers for what casual chrono misses (date-parsers.ts:
 * a day of the month alone, quarters, periods to date, "the week before last") and refiners that drop
 * times without a date ("at 7.50 a call"), a fraction read as a date ("1/3 of billing") and a future
 * "in a year" (a rate, not a day), move a date without a year or a bare weekday out of the future
 * (questions are about data already in), and turn periods into ranges: "last 14 days" and "past week"
 * end today, "last week", "last month" and "last year" are the calendar period before this one.
 */
import * as chrono from 'chrono-node';
import { addDays, daysInMonth } from '../time.ts';
import {
  beforeLastParser, dayOfMonthParser, ordinalDayParser, periodBefore, periodOf, quarterParser, startOfParser, toDateParser, todayOf, weekendRange, type Unit,
} from './date-parsers.ts';

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

const hasDate = (r: chrono.ParsingResult) =>
  (['year', 'month', 'day', 'weekday'] as const).some((c) => r.start.isCertain(c)) ||
  [...r.tags()].some((t) => t.startsWith('casualReference') || t === 'result/relativeDate') ||
  /^(this|last|past|current|previous|prior)\s+(week|month|quarter|year)/i.test(r.text);

const setDay = (context: chrono.ParsingContext, d: string) => context.createParsingComponents(parts(d));

/** Not a date: "1/3 of billing" is a fraction, "in a year" a rate ("what would we save in a year"). */
function isDate(context: chrono.ParsingContext, r: chrono.ParsingResult): boolean {
  if (!hasDate(r)) return false;
  if (/^\d{1,2}\/\d{1,2}$/.test(r.text) && /^\s+of\b/i.test(context.text.slice(r.index + r.text.length))) return false;
  return !(/^(in|within)\s/i.test(r.text) && iso(r.start as chrono.ParsingComponents) > todayOf(context));
}

const periodRefiner: chrono.Refiner = {
  refine: (context, results) =>
    results.filter((r) => isDate(context, r)).map((r) => {
      const today = todayOf(context);
      const text = r.text.toLowerCase();
      if ([...r.tags()].some((t) => t.startsWith('leak/') && t !== 'leak/dayOfMonth' && t !== 'leak/startOf')) return r;
      const calendar = (from: string, to: string) => {
        r.start = setDay(context, from);
        r.end = setDay(context, to > today ? today : to);
        return r;
      };
      if (/\bweekend\b/.test(text)) return calendar(...weekendRange(today, /\blast\b/.test(text)));
      // "last week" is the week before this one; "the last week" and "past week" are the 7 days to today (below).
      const previous = text.match(/^(?:last|previous|prior)\s+(week|month|quarter|year)$/);
      if (previous && !/\bthe\s+$/i.test(context.text.slice(0, r.index))) return calendar(...periodBefore(previous[1] as Unit, today, 1));
      if (/^(this|current)\s+quarter$/.test(text)) return calendar(periodOf('quarter', today)[0], today);
      const monthOnly = r.start.isCertain('month') && !r.start.isCertain('day') && !r.start.isCertain('weekday');
      // Not in the future: a date without a year is last year's; a bare weekday is last week's.
      if (!r.end && iso(r.start) > today) {
        if (!r.start.isCertain('year') && r.start.isCertain('month')) r.start = setDay(context, `${r.start.get('year')! - 1}${iso(r.start).slice(4)}`);
        else if (r.start.isCertain('weekday') && !r.start.isCertain('day')) r.start = setDay(context, addDays(iso(r.start), -7));
      }
      if (r.end) return r;
      const start = iso(r.start);
      const upToToday = (end: string) => (end > today ? today : end);
      if (/^(the\s+)?(last|past)\s/.test(text) && r.tags().has('result/relativeDate')) {
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
parser.parsers.push(dayOfMonthParser, ordinalDayParser, quarterParser, toDateParser, startOfParser, beforeLastParser);
parser.refiners.push(periodRefiner);

const SINCE_BEFORE = /\b(since|after|from|starting|beginning)\s+(on\s+|the\s+)?$/i;
/** "this week to last week": chrono joins two periods into one backwards range; each side is read on its own. */
const TWO_SIDES = /^(.+?)\s+(?:to|through|until|till|-|–)\s+(.+)$/i;

function parse(text: string, today: string) {
  return parser.parse(text, { instant: new Date(`${today}T12:00:00Z`), timezone: 0 }, { forwardDate: false });
}

/** Every date in the text, relative to `today` (YYYY-MM-DD). */
export function findDates(text: string, today: string): DateMention[] {
  return parse(text, today).map((r) => {
    let from = iso(r.start as chrono.ParsingComponents);
    let to = r.end ? iso(r.end as chrono.ParsingComponents) : from;
    const sides = r.end ? r.text.match(TWO_SIDES) : null;
    if (sides) {
      const days = [sides[1], sides[2]].flatMap((side) => parse(side, today)).flatMap((s) => [iso(s.start as chrono.ParsingComponents), iso((s.end ?? s.start) as chrono.ParsingComponents)]).sort();
      if (days.length) [from, to] = [days[0], days[days.length - 1]];
    }
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
  // "since Nov 9", and "since October": from its first day to today.
  if (m.since && (!m.range || (m.to < today && !TWO_SIDES.test(m.text)))) return { since: m.from, from: m.from, to: m.from > today ? m.from : today };
  if (m.range) return { from: m.from, to: m.to };
  return { date: m.from };
}
