/**
 * Which days a scheduled digest covers: every complete day since the last digest to the same channel
 * (or folder), read from the ledger, so Monday's covers Friday to Sunday, and changing the schedule
 * (weekdays to daily, 08:00 to 07:00) never skips a day. The first digest of a channel covers the
 * previous complete day only. After a long outage the span is capped, and the digest says which
 * days it left out.
 */
import type { Store } from '../../db/open-db.ts';
import { lastCoveredDay } from '../../src/bookkeeping/digest-ledger.ts';
import { addDays } from '../../src/time.ts';
import { previousCompleteDay, TREND_DAYS } from './query.ts';

/** The most days one digest covers: its trend chart shows 28. */
export const MAX_SPAN_DAYS = TREND_DAYS;

export type DigestSpan = {
  from: string;
  to: string;
  /** What the digest says about its days, under the title (absent for an ordinary one-day digest). */
  coverage?: string;
};

/** The next digest's days for `channel` at `now`, or null when every complete day is already covered. */
export function planDigestSpan(store: Store, channel: string, timeZone: string, now: number): DigestSpan | null {
  const to = previousCompleteDay(timeZone, now);
  const last = lastCoveredDay(store, channel);
  if (last === undefined) {
    return { from: to, to, coverage: 'the first digest here: it covers the previous day only; each later one covers every complete day since the one before' };
  }
  if (last >= to) return null;
  const from = addDays(last, 1);
  const earliest = addDays(to, -(MAX_SPAN_DAYS - 1));
  if (from < earliest) {
    return {
      from: earliest,
      to,
      coverage: `no digest since ${last}: ${from} to ${addDays(earliest, -1)} are in no digest (leak digest --date YYYY-MM-DD writes any of them)`,
    };
  }
  return from === to ? { from, to } : { from, to, coverage: `every complete day since the last digest (${last})` };
}
