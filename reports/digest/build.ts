/**
 * One digest, rendered once and shown three ways (Block Kit, Markdown, PNGs): the figures and
 * sentences are decided here, per role, so Slack and the Markdown file never disagree.
 */
import type { Context } from '../../src/context.ts';
import { formatCount, formatMoney, formatPct, plural } from '../../src/format.ts';
import type { ChartRenderer } from '../charts/render.ts';
import type { DigestRole } from '../../src/digest-channels.ts';
import { renderDigestCharts, type DigestChart } from './chart.ts';
import { queryChartData, queryInsights, type DigestData } from './query.ts';
import { spanLabel } from '../../src/leakage/span.ts';
import { recommendationTakeButton } from '../../src/actions/from-recommendation.ts';

export type DigestFact = { label: string; value: string };
export type DigestSection = { title: string; lines: string[] };
/** A recommended fix: one line to read, and the button value that creates the tracked action. */
export type DigestAction = { line: string; value: string };
export type Digest = {
  /** The first day covered; `date` is the last (the same day for a one-day digest). */
  from: string;
  date: string;
  role: DigestRole;
  late: boolean;
  title: string;
  subtitle: string;
  headline: string;
  facts: DigestFact[];
  sections: DigestSection[];
  actions: DigestAction[];
  charts: DigestChart[];
  data: DigestData;
};

const ROLE_NAME: Record<DigestRole, string> = { exec: 'Executive view: cost and savings', ops: 'Operations view: calls, agents and alerts' };

export type BuildDigestOptions = {
  /** The last complete day covered. */
  date: string;
  /** The first day covered (default: `date`): every complete day since the previous digest. */
  from?: string;
  role: DigestRole;
  late?: boolean;
  /** What the schedule says about the days covered (the first digest of a channel, every day since the last one…). */
  coverage?: string;
  renderer: ChartRenderer;
};

export async function buildDigest(ctx: Context, opts: BuildDigestOptions): Promise<Digest> {
  const from = opts.from ?? opts.date;
  const chartData = queryChartData(ctx, opts.date, from);
  const rendering = renderDigestCharts(opts.renderer, chartData);
  // Awaited below; this only keeps a failed render from going unhandled when a query throws first.
  rendering.catch(() => undefined);
  // One turn of the event loop lets the SVGs be built and handed to resvg's threads; the insight
  // queries then run on the main thread while the charts rasterise and encode off it.
  await new Promise((resolve) => setImmediate(resolve));
  const data: DigestData = { ...chartData, ...queryInsights(ctx, chartData, { agents: opts.role === 'ops' }) };
  const charts = await rendering;
  const late = opts.late ?? false;
  const days = data.span.days.length;
  const covers = days === 1 ? `whole day in ${data.time_zone}` : `${days} whole days in ${data.time_zone}`;
  const notes = [opts.coverage, late && 'posted late: the bot was not running at the scheduled time'].filter(Boolean);
  return {
    from,
    date: opts.date,
    role: opts.role,
    late,
    title: `Leak digest for ${spanLabel(from, opts.date)}${late ? ' (late)' : ''}`,
    subtitle: [`${ROLE_NAME[opts.role]} · ${covers}`, ...notes].join(' · '),
    headline: data.span.headline,
    facts: opts.role === 'exec' ? execFacts(data) : opsFacts(data),
    sections: [...daySections(data), ...(opts.role === 'exec' ? [...execSections(data), ...spikeSections(data, 3)] : opsSections(data))],
    actions: data.actions.map((r) => toDigestAction(r, opts.date)),
    charts: opts.role === 'exec' ? [...charts].sort((a, b) => chartOrder(a) - chartOrder(b)) : charts,
    data,
  };
}

// Executives read cost first; the cost chart leads their thread.
const chartOrder = (c: DigestChart) => (c.key === 'cost-by-journey' ? 0 : 1);

/** One day against the 7-day mean; several against the same weekdays a week (or weeks) earlier. */
const trendOf = (d: DigestData) => (pct: number | null) => (pct === null ? 'no earlier week to compare' : `${formatPct(pct, true)} vs ${d.span.trend_basis}`);

const shortDay = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });

/** A digest over several days lists them one by one, then the total: no day disappears into a sum. */
function daySections(d: DigestData): DigestSection[] {
  if (d.span.days.length < 2) return [];
  const lines = d.span.days.map(
    (day) => `${shortDay(day.date)}: ${plural(day.calls, 'leaked call')}, ${formatMoney(day.cost)}${day.top_journey ? `; biggest ${day.top_journey} (${formatCount(day.top_journey_calls)})` : ''}`,
  );
  const total = d.span.total;
  lines.push(`Total over ${d.span.days.length} days: ${plural(total.calls, 'leaked call')}, ${formatMoney(total.cost)} (${trendOf(d)(total.trend_pct)})`);
  return [{ title: 'Day by day', lines }];
}

function execFacts(d: DigestData): DigestFact[] {
  const annual = d.savings.reduce((s, r) => s + r.annual_cost, 0);
  return [
    { label: 'Cost of leaked calls', value: `${formatMoney(d.span.total.cost)} (${trendOf(d)(d.span.total.trend_pct)})` },
    { label: 'Leaked calls', value: formatCount(d.span.total.calls) },
    { label: 'Yearly cost at the 7-day rate', value: annual > 0 ? `${formatMoney(annual)} (the most that fixing every leak could save)` : 'not enough history yet' },
  ];
}

function opsFacts(d: DigestData): DigestFact[] {
  return [
    { label: 'Leaked calls', value: `${formatCount(d.span.total.calls)} (${trendOf(d)(d.span.total.trend_pct)})` },
    { label: 'Journeys leaking', value: formatCount(d.span.journeys.length) },
    { label: 'Cost', value: formatMoney(d.span.total.cost) },
  ];
}

function execSections(d: DigestData): DigestSection[] {
  const annual = new Map(d.savings.map((s) => [s.journey, s.annual_cost]));
  return [
    {
      title: 'Top leaks by cost',
      lines: d.span.journeys.slice(0, 5).map((j) => {
        const yearly = annual.get(j.journey);
        return `${j.journey}: ${formatMoney(j.cost)} from ${plural(j.calls, 'call')}; most affected ${j.top_segment ?? 'n/a'}; ${trendOf(d)(j.trend_pct)}${yearly ? `; ${formatMoney(yearly)} a year at its 7-day rate` : ''}`;
      }),
    },
  ].filter((s) => s.lines.length > 0);
}

/** The button value names the recommendation and the day it was computed for; a click computes it again from the store. */
function toDigestAction(r: DigestData['actions'][number], date: string): DigestAction {
  const { value } = recommendationTakeButton(r, 0, date);
  return {
    line: `${r.title}: about ${formatMoney(r.savings_per_year)} a year (${plural(r.calls_avoided_per_day, 'fewer call')} a day), ${r.owner_team}, effort ${r.effort}`,
    value,
  };
}

/** The insight scan's spikes and, for the top one, why: the same sentences the alerts post. */
function spikeSections(d: DigestData, max: number): DigestSection[] {
  if (!d.span.journeys.length) return [];
  const spikes: DigestSection = {
    title: 'Spikes',
    lines: d.spikes.length ? d.spikes.slice(0, max).map((s) => s.text) : [`No unusual spikes ${d.from === d.date ? `on ${d.date}` : `on any day from ${d.from} to ${d.date}`} against the same weekday in earlier weeks.`],
  };
  return d.root_cause ? [spikes, { title: `Why ${d.root_cause.journey} is up`, lines: [d.root_cause.headline] }] : [spikes];
}

function opsSections(d: DigestData): DigestSection[] {
  return [
    {
      title: 'Top leaks by calls',
      lines: d.span.journeys.slice(0, 5).map((j) => `${j.journey}: ${plural(j.calls, 'call')} (${trendOf(d)(j.trend_pct)}); most affected ${j.top_segment ?? 'n/a'}; ${formatMoney(j.cost)}`),
    },
    ...spikeSections(d, 5),
    {
      title: 'Open alerts',
      lines: d.open_alerts.length ? d.open_alerts.map((a) => a.text) : ['None open.'],
    },
    {
      title: 'Agents who took the most leaked calls',
      lines: d.agents.map((a) => `${a.agent_id}: ${plural(a.calls, 'call')}, ${a.avg_handle_minutes.toFixed(1)} min average handle time`),
    },
  ].filter((s) => s.lines.length > 0);
}
