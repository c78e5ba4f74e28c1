/** Argument checks shared by commands: each failure is one line naming what is valid. */
import { LeakError } from '../src/errors.ts';
import { addDays, describeDateProblem, zoneClock } from '../src/time.ts';
import { MEMBER_ID_FORMS, normalizeMemberId } from '../src/member-id.ts';
import type { OptionSpec, ParsedArgs } from './command.ts';
import type { Context } from '../src/context.ts';
import { hasJourney, listJourneys } from '../src/leakage/journeys.ts';
import { requireCoverage } from '../src/leakage/coverage.ts';

export const badArgument = (message: string) => new LeakError('bad_argument', message);

/** A date a person typed for `label` (e.g. "--date"), checked: written YYYY-MM-DD, a real day, one Leak computes with. */
export function checkDateText(label: string, v: unknown): string {
  const problem = typeof v === 'string' ? describeDateProblem(v) : 'is not a date written YYYY-MM-DD';
  if (problem) throw badArgument(`${label} ${JSON.stringify(typeof v === 'string' ? v : '')} ${problem}${problem.startsWith('is not') ? ', e.g. 2026-11-20' : ''}.`);
  return v as string;
}

/**
 * --date, or today in LEAK_TZ. A date given is checked, then refused when the store holds no data
 * for it (the refusal names the dates it does hold): for the date itself, or for any of the
 * `reachBack` days before it that the answer reads (savings and actions measure the 7 days before
 * the date). `covered: false` leaves that check to the caller.
 */
export function dateArg(parsed: ParsedArgs, ctx: Context, name = 'date', opts: { covered?: boolean; reachBack?: number } = {}): string {
  const v = parsed.values[name];
  if (v === undefined) return zoneClock(ctx.config.timeZone).today(ctx.now());
  const date = checkDateText(`--${name}`, v);
  if (opts.covered === false) return date;
  const asked = `--${name} ${date}`;
  if (!opts.reachBack) requireCoverage(ctx, date, date, asked);
  else if (date !== zoneClock(ctx.config.timeZone).today(ctx.now())) requireCoverage(ctx, addDays(date, -opts.reachBack), addDays(date, -1), asked, false);
  return date;
}

/** A number option within [min, max] (a whole one when `whole`), or the default. */
export function numberArg(parsed: ParsedArgs, name: string, min: number, max: number, fallback?: number, whole = false): number | undefined {
  const v = parsed.values[name];
  if (v === undefined) return fallback;
  const n = typeof v === 'string' && /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(v.trim()) ? Number(v) : Number.NaN;
  if (!(n >= min && n <= max) || (whole && !Number.isInteger(n))) {
    throw badArgument(`--${name} must be a ${whole ? 'whole ' : ''}number from ${formatNumber(min)} to ${formatNumber(max)} (got ${JSON.stringify(v)}).`);
  }
  return n;
}

/** A whole-number option within [min, max], or the default. */
export const wholeArg = (parsed: ParsedArgs, name: string, min: number, max: number, fallback?: number) => numberArg(parsed, name, min, max, fallback, true);

const formatNumber = (n: number) => (Number.isInteger(n) ? n.toLocaleString('en-US') : String(n));

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
  const date = dateArg(parsed, ctx, 'date', { covered: false });
  const given = (name: 'from' | 'to') => (parsed.values[name] === undefined ? undefined : dateArg(parsed, ctx, name, { covered: false }));
  const [fromGiven, toGiven] = [given('from'), given('to')];
  // A lone --from runs to --date (or itself, if later); a lone --to starts at --date (or itself, if earlier).
  const from = fromGiven ?? (toGiven && toGiven < date ? toGiven : date);
  const to = toGiven ?? (from > date ? from : date);
  if (from > to) throw badArgument(`--from ${from} is after --to ${to}; give the earlier date first.`);
  const asked = from === to ? `${from}` : `${from} to ${to}`;
  if (Object.keys(parsed.values).some((k) => k === 'date' || k === 'from' || k === 'to')) requireCoverage(ctx, from, to, asked);
  return { from, to };
}

export const RANGE_OPTIONS: OptionSpec[] = [
  { name: 'from', type: 'string', value: 'YYYY-MM-DD', description: 'first day (default: --date)' },
  { name: 'to', type: 'string', value: 'YYYY-MM-DD', description: 'last day (default: --date)' },
];
