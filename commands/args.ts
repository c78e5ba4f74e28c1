/** Argument checks shared by commands: each failure is one line naming what is valid. */
import { LeakError } from '../src/errors.ts';
import { isIsoDate, zoneClock } from '../src/time.ts';
import type { OptionSpec, ParsedArgs } from './types.ts';
import type { Context } from '../src/context.ts';

export const DATE_OPTION: OptionSpec = { name: 'date', type: 'string', value: 'YYYY-MM-DD', description: `day to answer for (default: today in LEAK_TZ)` };

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

/** Journeys the store has seen: the valid choices for a JOURNEY argument. */
export function knownJourneys(ctx: Context): string[] {
  return (ctx.store.sqlite.prepare('SELECT DISTINCT journey FROM digital_journeys_cleaned ORDER BY journey').pluck().all() as string[]);
}

/** Validates a journey name against the store; null means "all journeys" when allowed. */
export function journeyArg(value: string | undefined, ctx: Context): string | undefined {
  if (value === undefined) return undefined;
  const journey = value.trim().toLowerCase();
  // Fast path: a journey with leaks is in gold (small); else the first matching digital event. Listing every
  // journey scans all digital events (~100 ms at full scale), so only a refusal pays for it.
  const seen = ctx.store.sqlite.prepare(
    'SELECT EXISTS (SELECT 1 FROM segment_drilldown WHERE journey = @j) OR EXISTS (SELECT 1 FROM digital_journeys_cleaned WHERE journey = @j)',
  );
  if (seen.pluck().get({ j: journey })) return journey;
  const known = knownJourneys(ctx);
  if (!known.includes(journey)) {
    throw badArgument(
      known.length
        ? `Unknown journey "${value}". Known journeys: ${known.join(', ')}.`
        : `Unknown journey "${value}": the store has no digital events yet (import or simulate data first).`,
    );
  }
  return journey;
}

export function noMorePositionals(parsed: ParsedArgs, max: number, usage: string): void {
  if (parsed.positionals.length > max) throw badArgument(`Unexpected argument "${parsed.positionals[max]}". Usage: ${usage}`);
}
