/**
 * Which dates the store can answer for: from its first call's local date to its last. A question
 * about a date outside them is refused with those dates, rather than answered "no leaked calls" as
 * if the calls had been counted and found to be none. Today is always a fair question (its answer
 * says how far the data reaches), even before today's first call has arrived.
 */
import type { Context } from '../context.ts';
import { LeakError } from '../errors.ts';
import { zoneClock } from '../time.ts';
import { readCallSpan, type CallSpan } from '../pipeline/call-span.ts';

/** "the store holds calls from 2026-11-03 to 2026-11-24 (dates in America/New_York)", or that it holds none. */
export function describeCoverage(ctx: Context, span: CallSpan = readCallSpan(ctx.store.sqlite)): string {
  const { first, last } = span;
  if (!first || !last) return 'the store holds no calls yet (import data, or run npm start for a simulated demo)';
  return `the store holds calls from ${first} to ${last} (dates in ${ctx.config.timeZone})`;
}

/**
 * Refuses, in one line naming the dates the store holds, a question about days from `from` to `to`
 * (one day when they are equal) that lie wholly outside them, unless they include today and
 * `todayIsFair`. `asked` names the argument in the refusal ("--date 2030-01-01").
 */
export function requireCoverage(ctx: Context, from: string, to: string, asked: string, todayIsFair = true): void {
  const { first, last } = readCallSpan(ctx.store.sqlite);
  const today = zoneClock(ctx.config.timeZone).today(ctx.now());
  if (todayIsFair && from <= today && today <= to) return;
  if (first && last && from <= last && to >= first) return;
  const hint = first && last ? ` Try a date from ${first} to ${last}.` : '';
  throw new LeakError('not_found', `No data for ${asked}: ${describeCoverage(ctx, { first, last })}.${hint}`);
}
