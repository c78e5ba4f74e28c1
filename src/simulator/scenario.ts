/**
 * The default scenario: how many sessions and calls of each kind a day brings at full scale
 * (a 5M-member plan), the weekly and daily rhythm, the billing incident that starts with a Tuesday
 * release 8 to 14 days before the world's anchor date, and shipped fixes. Nothing here is an
 * answer: these are the causes; the leakage figures come out of the pipeline.
 */
import { addDays, describeDateProblem, isoWeekday, type ZoneClock } from '../time.ts';
import { LeakError } from '../errors.ts';
import { JOURNEYS, type Journey } from './pools.ts';
import { Random, hash32 } from './random.ts';

export type Fix = { journey: string; date: string; pct: number };

export type StreamKind = 'leak' | 'quiet' | 'success' | 'spike' | 'unrelated';
export type Stream = { kind: StreamKind; journey: Journey; perDay: number; profile: 'digital' | 'calls' };

/** Failed sessions whose member phones in within minutes: the leakage, per journey, a day. */
const LEAK: Record<Journey, number> = { billing: 4386, id_card: 3000, pharmacy: 4000, claims: 90, find_care: 60, benefits: 80 };
/** Failed sessions that do not end in a leaked call (given up, retried, or called much later). */
const QUIET: Record<Journey, number> = { billing: 6000, id_card: 4500, pharmacy: 5000, claims: 2500, find_care: 1500, benefits: 1500 };
const SUCCESS: Record<Journey, number> = { billing: 14700, id_card: 8000, pharmacy: 13400, claims: 14700, find_care: 8000, benefits: 8000 };
/** The incident: extra billing failures on mobile for MAPD members, all with the eligibility error (+14%). */
export const SPIKE_PER_DAY = 614;
export const SPIKE_DAYS_BEFORE_ANCHOR = 14;
const TUESDAY = 2;

/**
 * The incident's first day: the first Tuesday (a release day) on or after SPIKE_DAYS_BEFORE_ANCHOR
 * days before the anchor. On a weekday start the spike is big enough to be told from a normal day
 * at the demo's scale (a weekend day brings about 40% fewer calls than a Tuesday), whatever day of
 * the week the world is anchored on; a Tuesday anchor keeps it exactly 14 days back.
 */
export function incidentStart(anchorDate: string): string {
  const earliest = addDays(anchorDate, -SPIKE_DAYS_BEFORE_ANCHOR);
  return addDays(earliest, (TUESDAY - isoWeekday(earliest) + 7) % 7);
}
const UNRELATED_CALLS = 16100;

export const STREAMS: Stream[] = [
  ...JOURNEYS.map((journey) => ({ kind: 'leak' as const, journey, perDay: LEAK[journey], profile: 'digital' as const })),
  ...JOURNEYS.map((journey) => ({ kind: 'quiet' as const, journey, perDay: QUIET[journey], profile: 'digital' as const })),
  ...JOURNEYS.map((journey) => ({ kind: 'success' as const, journey, perDay: SUCCESS[journey], profile: 'digital' as const })),
  { kind: 'spike', journey: 'billing', perDay: SPIKE_PER_DAY, profile: 'digital' },
  { kind: 'unrelated', journey: 'billing', perDay: UNRELATED_CALLS, profile: 'calls' },
];

/** Monday peak, quiet weekend; normalized so a week averages the per-day rates. */
const WEEKDAY_RAW = [1.22, 1.08, 1.04, 1.0, 0.96, 0.72, 0.66];
const WEEKDAY = WEEKDAY_RAW.map((f) => (f * 7) / WEEKDAY_RAW.reduce((a, b) => a + b, 0));
/** Local-hour shapes: digital has a morning and an evening peak; the contact center is business hours. */
const HOURLY = {
  digital: [0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.45, 0.8, 1.2, 1.5, 1.6, 1.55, 1.45, 1.4, 1.4, 1.35, 1.3, 1.25, 1.3, 1.4, 1.35, 1.05, 0.65, 0.3],
  calls: [0.05, 0.03, 0.02, 0.02, 0.03, 0.1, 0.3, 0.9, 1.8, 2.1, 2.1, 1.9, 1.7, 1.8, 1.8, 1.7, 1.5, 1.2, 0.8, 0.5, 0.35, 0.25, 0.15, 0.08],
};
/** Day-to-day wobble of each stream (sd of a multiplicative factor), so "normal variation" exists. */
const DAILY_NOISE = 0.04;

export type ScenarioOptions = { seed: number; scale: number; anchorDate: string; fixes: Fix[] };

/**
 * One local day's plan: how many items each stream brings that day, and the cumulative weight of
 * each minute of the day, so a minute's share is fixed without generating the rest of the day.
 */
export type DayPlan = { date: string; start: number; minutes: number; counts: number[]; cumulative: Record<'digital' | 'calls', Float64Array> };

export function planDay(opts: ScenarioOptions, clock: ZoneClock, date: string): DayPlan {
  const start = clock.startOfDay(date);
  const minutes = Math.round((clock.startOfDay(addDays(date, 1)) - start) / 60_000);
  const cumulative = {
    digital: new Float64Array(minutes + 1),
    calls: new Float64Array(minutes + 1),
  };
  for (let e = 0; e < minutes; e++) {
    const hour = Math.floor(clock.localMinute(start + e * 60_000) / 60);
    cumulative.digital[e + 1] = cumulative.digital[e] + HOURLY.digital[hour];
    cumulative.calls[e + 1] = cumulative.calls[e] + HOURLY.calls[hour];
  }
  const weekday = WEEKDAY[isoWeekday(date) - 1];
  const dayNumber = Date.parse(`${date}T00:00:00Z`) / 86_400_000;
  const spikeOn = date >= incidentStart(opts.anchorDate);
  const base = STREAMS.map((s, i) => {
    const noise = 1 + new Random(hash32(opts.seed, 0x646179, dayNumber, i)).normal(0, DAILY_NOISE);
    if (s.kind === 'spike' && !spikeOn) return 0;
    return s.perDay * opts.scale * weekday * noise;
  });
  // A shipped fix turns that share of the journey's calling failures into successful sessions.
  for (const fix of opts.fixes) {
    if (date < fix.date) continue;
    const leak = STREAMS.findIndex((s) => s.kind === 'leak' && s.journey === fix.journey);
    const success = STREAMS.findIndex((s) => s.kind === 'success' && s.journey === fix.journey);
    const spike = fix.journey === 'billing' ? STREAMS.findIndex((s) => s.kind === 'spike') : -1;
    for (const i of spike >= 0 ? [leak, spike] : [leak]) {
      const moved = (base[i] * fix.pct) / 100;
      base[i] -= moved;
      base[success] += moved;
    }
  }
  return { date, start, minutes, counts: base.map((n) => Math.round(n)), cumulative };
}

/** Items of stream `i` that start in minute `e` of the day: exact daily totals, spread by the hourly shape. */
export function countInMinute(plan: DayPlan, i: number, e: number): number {
  const cum = plan.cumulative[STREAMS[i].profile];
  const total = cum[plan.minutes];
  const n = plan.counts[i];
  return Math.floor((n * cum[e + 1]) / total) - Math.floor((n * cum[e]) / total);
}

/** Parses --fix journey:YYYY-MM-DD:PCT. */
export function parseFix(text: string): Fix {
  const m = /^([a-z][a-z0-9_]*):(\d{4}-\d{2}-\d{2}):(\d+(?:\.\d+)?)$/i.exec(text.trim());
  const usage = `--fix must be JOURNEY:YYYY-MM-DD:PCT, e.g. billing:2026-11-10:15 (journeys: ${JOURNEYS.join(', ')}; PCT 0–100)`;
  if (!m) throw new LeakError('bad_argument', `${usage}; got ${JSON.stringify(text)}.`);
  const problem = describeDateProblem(m[2]);
  if (problem) throw new LeakError('bad_argument', `--fix ${JSON.stringify(text)}: its date ${m[2]} ${problem}.`);
  const journey = m[1].toLowerCase();
  const pct = Number(m[3]);
  if (!(JOURNEYS as readonly string[]).includes(journey) || pct > 100) throw new LeakError('bad_argument', `${usage}; got ${JSON.stringify(text)}.`);
  return { journey, date: m[2], pct };
}
