/**
 * What a digest says, read from the domain: the day's leaks and the trend (src/leakage), savings
 * (src/savings), the agents who took the leaked calls (src/contact-center), change notes
 * (src/annotations), the spike scan and open alerts (src/alerts), root cause (src/root-cause) and
 * next-best actions (src/actions). Grain: one digest = one complete local day, plus the 28 days
 * ending on it for the trend chart. A digest may cover several complete days (every day since the one before,
 * e.g. Friday to Sunday on a Monday): then its figures are over the span, and the chart marks the span.
 */
import { querySpan, type SpanResult } from '../../src/leakage/span.ts';
import { queryOpenAlerts, type OpenAlertRow } from '../../src/alerts/open-alerts.ts';
import { scanSpikes } from '../../src/alerts/spike-scan.ts';
import type { Spike } from '../../src/alerts/types.ts';
import { listAnnotations } from '../../src/annotations/annotations.ts';
import { recommendActions, type Recommendation } from '../../src/actions/recommendations.ts';
import { explainJourney } from '../../src/root-cause/explain-journey.ts';
import type { Context } from '../../src/context.ts';
import { addDays, listDays, zoneClock } from '../../src/time.ts';
import { readCallSpan } from '../../src/pipeline/call-span.ts';
import { dailyCallsByJourney, listLeakingJourneys, listSegmentCalls, type DailyPoint, type SegmentCalls } from '../../src/leakage/trend.ts';
import { listJourneySavings, type JourneySavings } from '../../src/savings/savings.ts';
import { listLeakedCallAgents, type AgentLoad } from '../../src/contact-center/leaked-call-agents.ts';

export const TREND_DAYS = 28;

export type Annotation = { date: string; text: string };

/** What the charts draw: cheap gold reads, so rendering can start before the slower insight queries. */
export type ChartData = {
  /** The first and last day the digest covers (the same day for a one-day digest). */
  from: string;
  date: string;
  time_zone: string;
  span: SpanResult;
  /** Every journey the store knows, sorted: the colour domain, so colours never shift between charts. */
  all_journeys: string[];
  /**
   * First day of the trend window: 28 days before `date` (or the span's first day, if earlier), but never
   * before the store's first day of data, which would draw days without data as zeros.
   */
  trend_from: string;
  daily: DailyPoint[];
  top_journey: string | null;
  top_segments: SegmentCalls[];
  annotations: Annotation[];
};

export type DigestInsights = {
  savings: JourneySavings[];
  /** The operations view's agents who took the most leaked calls; empty in the executive view, which does not show them. */
  agents: AgentLoad[];
  /** The insight scan's spikes for each covered day, largest extra cost first. */
  spikes: Spike[];
  /** Alerts still open now (any rule), newest first: what operations has on its plate. */
  open_alerts: OpenAlertRow[];
  /** The root-cause line for the top spike's journey. */
  root_cause: { journey: string; headline: string } | null;
  /** The three best next actions by return on effort (next-best-actions), for the "I'll take it" buttons. */
  actions: Recommendation[];
};

export type DigestData = ChartData & DigestInsights;

/** The previous complete local day: what a morning digest reports on. */
export function previousCompleteDay(timeZone: string, now: number): string {
  return addDays(zoneClock(timeZone).today(now), -1);
}

export function queryChartData(ctx: Context, date: string, from = date): ChartData {
  const span = querySpan(ctx, from, date);
  const windowStart = [addDays(date, -(TREND_DAYS - 1)), from].sort()[0];
  // Before the store's first call there is no data, which is not the same as no leaks: a chart starts there, not at zero.
  const first = readCallSpan(ctx.store.sqlite).first;
  const trendFrom = first && first > windowStart && first <= date ? first : windowStart;
  const top = span.journeys[0]?.journey ?? null;
  return {
    from,
    date,
    time_zone: ctx.config.timeZone,
    span,
    all_journeys: listLeakingJourneys(ctx),
    trend_from: trendFrom,
    daily: dailyCallsByJourney(ctx, trendFrom, date),
    top_journey: top,
    top_segments: top ? listSegmentCalls(ctx, { from, to: date, journey: top }) : [],
    annotations: listAnnotations(ctx.store, { from: trendFrom, to: date }).map((a) => ({ date: a.date, text: a.journey ? `${a.journey}: ${a.text}` : a.text })),
  };
}

/**
 * `agents: false` skips the agents list: only the operations view shows it, and it is the one read
 * left that joins silver row by row (it grows with the day's leaked calls), so the executive view
 * does not pay for it. Over a span, the spike scan runs for each day (each against its own weekday).
 */
export function queryInsights(ctx: Context, chart: ChartData, opts: { agents?: boolean } = {}): DigestInsights {
  const { date, from, span } = chart;
  const leaking = span.journeys.length > 0;
  const spikes = leaking
    ? listDays(from, date)
        .flatMap((d) => scanSpikes(ctx, { date: d }))
        .sort((a, b) => b.extra_dollars - a.extra_dollars || b.date.localeCompare(a.date))
    : [];
  return {
    savings: listJourneySavings(ctx, date),
    agents: opts.agents === false ? [] : listLeakedCallAgents(ctx, date, 5, from),
    spikes,
    open_alerts: queryOpenAlerts(ctx, 5),
    root_cause: spikes[0] ? { journey: spikes[0].journey, headline: explainJourney(ctx, { date: spikes[0].date, journey: spikes[0].journey }).headline } : null,
    actions: leaking ? recommendActions(ctx, { date }).slice(0, 3) : [],
  };
}
