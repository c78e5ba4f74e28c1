/**
 * "How do we know it worked?" Daily leaked calls, cost and repeat-call rate in equal windows either
 * side of a date (a fix shipping, a release), and whether the change is larger than day-to-day noise.
 */
import { measureBeforeAfter, type BeforeAfter } from '../src/before-after/measure.ts';
import { formatMoney, formatPct, renderTable, round1 } from '../src/format.ts';
import { badArgument, checkDateText, dateArg, journeyArg, wholeArg } from './args.ts';
import { defineCommand, EVERYWHERE } from './command.ts';
import { listSegments } from '../src/leakage/journeys.ts';
import { requireCoverage } from '../src/leakage/coverage.ts';
import { zoneClock } from '../src/time.ts';
import { isActionImpact, queryActionImpact, type ActionImpact, type ActionImpactArgs } from '../src/actions/impact.ts';

const DEFAULT_IMPACT_DAYS = 14;

export type ImpactArgs = { date: string; journey: string; since: string; days: number; segment?: string; errorMessage?: string };

export default defineCommand({
  name: 'impact',
  summary: 'Did it work: daily calls, cost and repeat rate before vs after a date, and whether the change beats day-to-day noise',
  args: {
    positionals: [
      { name: 'JOURNEY|ACTION_ID', description: 'the journey a change touched, or a tracked action (A-3) for its outcome so far', required: true },
      { name: 'SINCE', description: 'the same as --since' },
    ],
    options: [
      { name: 'since', type: 'string', value: 'YYYY-MM-DD', description: 'first day of the "after" window (the fix shipped)' },
      { name: 'days', type: 'string', value: 'N', description: `days in each window, 1-90 (default ${DEFAULT_IMPACT_DAYS}; fewer if the store has fewer complete days)` },
      { name: 'segment', type: 'string', value: 'SEGMENT', description: 'only this member segment, e.g. "MAPD New"' },
      { name: 'error-message', type: 'string', value: 'TEXT', description: 'only leaks after this error message' },
    ],
  },
  query: true,
  surfaces: EVERYWHERE,
  examples: [
    { line: 'impact billing --since 2026-11-10', what: 'before and after a fix shipped' },
    { line: 'impact A-3', what: "a tracked action's outcome so far" },
  ],
  parse: (parsed, ctx): ImpactArgs | ActionImpactArgs => {
    const action = actionIdArgument(parsed.positionals[0]);
    if (action !== undefined) return { action, date: dateArg(parsed, ctx) };
    const [journeyText, sincePositional] = parsed.positionals;
    if (!journeyText) throw badArgument(`Which journey? Usage: ${parsed.usage}`);
    const journey = journeyArg(journeyText, ctx)!;
    const since = (parsed.values.since as string | undefined) ?? sincePositional;
    if (since === undefined) throw badArgument(`Since when? Give the date the change shipped. Usage: ${parsed.usage}`);
    const label = parsed.values.since === undefined ? 'SINCE' : '--since';
    checkDateText(label, since);
    // A date after the store's calls has no after window; one before them is answered with the store's days (measure.ts).
    if (since > zoneClock(ctx.config.timeZone).today(ctx.now())) requireCoverage(ctx, since, since, `${label} ${since}`);
    const segment = parsed.values.segment as string | undefined;
    if (segment !== undefined) {
      const known = listSegments(ctx, journey);
      if (!known.includes(segment)) throw badArgument(`Unknown segment "${segment}" for ${journey}. Segments: ${known.join(', ') || 'none yet'}.`);
    }
    return {
      date: dateArg(parsed, ctx),
      journey,
      since,
      days: wholeArg(parsed, 'days', 1, 90, DEFAULT_IMPACT_DAYS)!,
      segment,
      errorMessage: parsed.values['error-message'] as string | undefined,
    };
  },
  run: (a: ImpactArgs | ActionImpactArgs, ctx): BeforeAfter | ActionImpact =>
    'action' in a ? queryActionImpact(ctx, a) : measureBeforeAfter(ctx, { journey: a.journey, segment: a.segment, errorMessage: a.errorMessage, pivot: a.since, beforeDays: a.days, afterDays: a.days, asOf: a.date }),
  renderText: (r: BeforeAfter | ActionImpact) => {
    if (isActionImpact(r)) return renderActionImpactText(r);
    if (r.after.days === 0) return r.sentence;
    const rate = (w: { repeat_rate_pct: number | null; repeat_from: string | null; calls: number }) =>
      w.repeat_rate_pct !== null ? `${round1(w.repeat_rate_pct)}%` : w.repeat_from === null && w.calls > 0 ? 'unknown' : 'n/a';
    return [
      r.sentence,
      '',
      renderTable(
        ['', `before (${r.before.from}..${r.before.to})`, `after (${r.after.from}..${r.after.to})`, 'change'],
        [
          ['calls a day', String(r.before.calls_per_day), String(r.after.calls_per_day), formatPct(r.change.calls_pct, true)],
          ['cost a day', formatMoney(r.before.cost_per_day), formatMoney(r.after.cost_per_day), formatPct(r.change.cost_pct, true)],
          ['repeat rate', rate(r.before), rate(r.after), r.change.repeat_rate_points === null ? 'n/a' : `${r.change.repeat_rate_points > 0 ? '+' : ''}${r.change.repeat_rate_points} pts`],
        ],
      ),
      '',
      r.test
        ? `Welch's t-test on daily calls: t = ${r.test.t ?? '∞'}, df = ${r.test.df}, 95% threshold ${r.test.critical}.`
        : 'Fewer than 2 days a side: no test of day-to-day variation yet.',
    ].join('\n');
  },
});

/** An action id as `impact`'s first argument: A-3 or a3 (the prefix keeps it apart from journey names). */
function actionIdArgument(text: string | undefined): number | undefined {
  const m = /^a-?(\d{1,9})$/i.exec(text?.trim() ?? '');
  return m ? Number(m[1]) : undefined;
}

function renderActionImpactText(r: ActionImpact): string {
  const o = r.outcome;
  if (!o) return r.sentence;
  const rate = (s: { repeat_rate_pct: number | null; repeat_from: string | null }) => (s.repeat_rate_pct !== null ? `${round1(s.repeat_rate_pct)}%` : s.repeat_from === null ? 'unknown' : 'n/a');
  return [
    r.sentence,
    '',
    renderTable(
      ['', `before (${o.before.from}..${o.before.to})`, `after (${o.after.from}..${o.after.to})`],
      [
        ['calls a day', String(o.before.calls_per_day), String(o.after.calls_per_day)],
        ['cost a day', formatMoney(o.before.cost_per_day), formatMoney(o.after.cost_per_day)],
        ['repeat rate', rate(o.before), rate(o.after)],
      ],
    ),
    '',
    o.test
      ? `Welch's t-test on daily calls: t = ${Number.isFinite(o.test.t) ? o.test.t : '∞'}, df = ${o.test.df}, 95% threshold ${o.test.critical}. The ship day itself is left out.`
      : 'Fewer than 2 days after shipping: no test of day-to-day variation yet.',
  ].join('\n');
}
