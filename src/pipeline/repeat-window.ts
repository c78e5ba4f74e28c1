/**
 * The repeat-call look-back, defined once: a call is a repeat when its member had another call
 * starting in the 7 days (168 hours) before it. A call's look-back that reaches before the store's
 * first call date is not known to be a non-repeat (the member may have called the day before the
 * history starts), so repeat rates count only calls from the history's 8th day on.
 */
import type Database from 'better-sqlite3';
import { addDays } from '../time.ts';
import { readCallSpan } from './call-span.ts';

export const REPEAT_LOOKBACK_DAYS = 7;
export const REPEAT_LOOKBACK_MS = REPEAT_LOOKBACK_DAYS * 86_400_000;

/**
 * The first local date whose calls' repeat flags are known: the store's first call date + 7 days
 * (days, not 168 hours: across a daylight-saving change in the first week, a call in that day's
 * first hour looks at most an hour further back). null for a store without calls. Read from the
 * store each time, so importing older calls moves it back and every repeat rate follows.
 */
export function readRepeatKnownFrom(sqlite: Database.Database): string | null {
  return repeatKnownFrom(readCallSpan(sqlite).first);
}

/** The same from the store's first call date, for a caller that has read it already. */
export const repeatKnownFrom = (first: string | null): string | null => (first === null ? null : addDays(first, REPEAT_LOOKBACK_DAYS));

/** When repeat rates start being known, and why not before: for answers that exclude the warm-up days. */
export function describeRepeatWarmUp(knownFrom: string): string {
  return `repeat rates count calls from ${knownFrom} on (earlier, the 7-day look-back reaches before the first call in the store, ${addDays(knownFrom, -REPEAT_LOOKBACK_DAYS)})`;
}
