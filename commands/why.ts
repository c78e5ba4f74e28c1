/**
 * "Why is this happening?" Where one journey's leaked calls concentrate, when the current spike
 * began, and the change notes recorded near that start. Default journey: the day's biggest leak.
 */
import { explainJourney, type WhyResult } from '../src/root-cause/explain-journey.ts';
import { FACTORS, type Factor } from '../src/root-cause/leak-shares.ts';
import { LeakError } from '../src/errors.ts';
import { formatCount, formatPct, formatPerDay, renderTable } from '../src/format.ts';
import { addDays } from '../src/time.ts';
import { dateArg, journeyArg } from './args.ts';
import { findBiggestLeak, listJourneys } from '../src/leakage/journeys.ts';
import { defineCommand, EVERYWHERE } from './command.ts';
import type { Context } from '../src/context.ts';

/** A journey from the argument, or the biggest leak of the date; one line naming the choices if neither. */
function journeyOrBiggest(value: string | undefined, ctx: Context, date: string, usage: string): string {
  const given = journeyArg(value, ctx);
  if (given) return given;
  const biggest = findBiggestLeak(ctx, date);
  if (biggest) return biggest;
  const known = listJourneys(ctx);
  throw new LeakError('not_found', `No leaked calls on ${date} or the 7 days before: name a journey${known.length ? ` (${known.join(', ')})` : ''}. Usage: ${usage}`);
}

const span = (w: { from: string; to: string }) => (w.from === w.to ? w.from : `${w.from}..${w.to}`);

const TITLES: Record<Factor, string> = { error_message: 'error message', device: 'device', channel: 'channel', segment: 'segment', language: 'language' };

const WINDOW_TEXT: Record<WhyResult['window']['basis'], string> = {
  since_spike_start: 'since the spike began (complete days, its last 14 at most)',
  date: 'on the date (no spike to explain)',
  last_7_days: 'over the 7 days to the date (none on the date itself)',
};

export default defineCommand({
  name: 'why',
  summary: 'Why is this happening: where a journey’s leaks concentrate, when the spike began, changes noted near then',
  args: { positionals: [{ name: 'JOURNEY', description: "the journey to explain (default: the day's biggest leak)" }], options: [] },
  query: true,
  surfaces: EVERYWHERE,
  examples: [{ line: 'why billing', what: 'what drives a journey’s leak', onStart: true }],
  parse: (parsed, ctx) => {
    const date = dateArg(parsed, ctx);
    return { date, journey: journeyOrBiggest(parsed.positionals[0], ctx, date, parsed.usage) };
  },
  run: (args: { date: string; journey: string }, ctx) => explainJourney(ctx, args),
  renderText: (r: WhyResult) => {
    const lines = [r.headline, ''];
    lines.push(`Shares of ${formatCount(r.window.calls)} leaked calls ${WINDOW_TEXT[r.window.basis]}, ${span(r.window)}:`);
    for (const f of FACTORS) {
      const shares = r.shares[f];
      if (!shares.length) continue;
      const before = r.before_window !== null;
      const top = shares.slice(0, 5).map((s) => [s.label, formatCount(s.calls), formatPct(s.pct), ...(before ? [formatPct(s.before_pct)] : [])]);
      if (shares.length > 5) top.push([`(${shares.length - 5} more)`, formatCount(shares.slice(5).reduce((s, x) => s + x.calls, 0)), '', ...(before ? [''] : [])]);
      lines.push('', renderTable([TITLES[f], 'calls', 'share', ...(before ? ['before spike'] : [])], top));
    }
    lines.push('');
    if (r.before_window) lines.push(`"before spike" = share of the ${formatCount(r.before_window.calls)} leaked calls ${r.before_window.from}..${r.before_window.to}.`);
    if (r.spike) {
      const before = span({ from: r.spike.before_from, to: addDays(r.spike.start, -1) });
      lines.push(`Spike: began ${r.spike.start}; ${formatPerDay(r.spike.before_per_day)}/day over ${before} → ${formatPerDay(r.spike.after_per_day)}/day over ${span(r.window)} (${formatPct(r.spike.rise_pct, true)}).`);
    }
    else lines.push(`No upward shift in the daily series${r.series ? ` (${r.series.from}..${r.series.to})` : ''}.`);
    lines.push(r.annotations.length ? `Notes near then: ${r.annotations.map((a) => `${a.date} ${a.text}${a.journey ? ` [${a.journey}]` : ''}`).join('; ')}` : "No change notes near then (add one with 'leak note YYYY-MM-DD TEXT').");
    return lines.join('\n');
  },
});
