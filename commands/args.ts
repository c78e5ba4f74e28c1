/** Argument checks shared by commands: each failure is one line naming what is valid. */
import { LeakError } from '../src/errors.ts';
import { isIsoDate, zoneClock } from '../src/time.ts';
import { MEMBER_ID_FORMS, normalizeMemberId } from '../src/member-id.ts';
import type { OptionSpec, ParsedArgs } from './command.ts';
import type { Context } from '../src/context.ts';
import { hasJourney, listJourneys } from '../src/leakage/journeys.ts';

export const badArgument = (message: string) => new LeakError('bad_argument', message);

/** --date, or today in LEAK_TZ. */
export function dateArg(parsed: ParsedArgs, ctx: Context, name = 'date'): string {
  const v = parsed.values[name];
  if (v === undefined) return zoneClock(ctx.config.timeZone).today(ctx.now());
  if (typeof v !== 'string' || !isIsoDate(v)) throw badArgument(`--${name} must be a date written YYYY-MM-DD, e.g. 2026-11-20 (got ${JSON.stringify(v)}).`);
  return v;
}

/** A number option within [min, max], or the default. */
export function numberArg(parsed: ParsedArgs, name: string, min: number, max: number, fallback?: number): number | undefined {
  const v = parsed.values[name];
  if (v === undefined) return fallback;
  const n = typeof v === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v.trim()) ? Number(v) : Number.NaN;
  if (!(n >= min && n <= max)) throw badArgument(`--${name} must be a number from ${min} to ${max} (got ${JSON.stringify(v)}).`);
  return n;
}

/** Validates a journey name against the store; undefined means "all journeys" when allowed. */
export function journeyArg(value: string | undefined, ctx: Context): string | undefined {
  if (value === undefined) return undefined;
  const journey = value.trim().toLowerCase();
  if (hasJourney(ctx, journey)) return journey;
  const known = listJourneys(ctx);
  if (known.includes(journey)) return journey;
  throw badArgument(
    known.length
      ? `Unknown journey "${value}". Known journeys: ${known.join(', ')}.`
      : `Unknown journey "${value}": the store has no digital events yet (import or simulate data first).`,
  );
}

/** A member id in any form a person types, as its canonical form; a one-line error listing the accepted forms. */
export function memberIdArg(raw: string | undefined, usage: string): string {
  if (raw === undefined) throw badArgument(`Which member? Usage: ${usage} (ids like ${MEMBER_ID_FORMS}).`);
  const id = normalizeMemberId(raw);
  if (!id) throw badArgument(`"${raw}" is not a member id. Accepted forms: ${MEMBER_ID_FORMS}.`);
  return id;
}

/** --from/--to, each defaulting to --date, in order (cube, agents, interactions). */
export function rangeArgs(parsed: ParsedArgs, ctx: Context): { from: string; to: string } {
  const date = dateArg(parsed, ctx);
  const given = (name: 'from' | 'to') => (parsed.values[name] === undefined ? undefined : dateArg(parsed, ctx, name));
  const [fromGiven, toGiven] = [given('from'), given('to')];
  // A lone --from runs to --date (or itself, if later); a lone --to starts at --date (or itself, if earlier).
  const from = fromGiven ?? (toGiven && toGiven < date ? toGiven : date);
  const to = toGiven ?? (from > date ? from : date);
  if (from > to) throw badArgument(`--from ${from} is after --to ${to}; give the earlier date first.`);
  return { from, to };
}

export const RANGE_OPTIONS: OptionSpec[] = [
  { name: 'from', type: 'string', value: 'YYYY-MM-DD', description: 'first day (default: --date)' },
  { name: 'to', type: 'string', value: 'YYYY-MM-DD', description: 'last day (default: --date)' },
];
