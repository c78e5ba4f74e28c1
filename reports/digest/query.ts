/**
 * What a digest says, read from the domain: the day's leaks and the trend (src/leakage), savings
 * (src/savings), the agents who took the leaked calls (src/contact-center), change notes
 * (src/annotations), the spike scan and open alerts (src/alerts), root cause (src/root-cause) and
 * next-best actions (src/actions). Grain: one digest = one complete local day, plus the 28 days
 * ending on it for the trend chart.
 */
import { queryToday, type TodayResult } from '../../src/leakage/today.ts';
import { queryOpenAlerts, type OpenAlertRow } from '../../src/alerts/open-alerts.ts';
import { scanSpikes } from '../../src/alerts/spike-scan.ts';
import type { Spike } from '../../src/alerts/types.ts';
import { listAnnotations } from '../../src/annotations/annotations.ts';
import { recommendActions, type Recommendation } from '../../src/actions/recommendations.ts';
import { explainJourney } from '../../src/root-cause/explain-journey.ts';
import type { Context } from '../../src/context.ts';
import { addDays, zoneClock } from '../../src/time.ts';
import { dailyCallsByJourney, listLeakingJourneys, listSegmentCalls, type DailyPoint, type SegmentCalls } from '../../src/leakage/trend.ts';
import { listJourneySavings, type JourneySavings } from '../../src/savings/savings.ts';
import { listLeakedCallAgents, type AgentLoad } from '../../src/contact-center/leaked-call-agents.ts';

export const TREND_DAYS = 28;

export type Annotation = { date: string; text: string };

/** What the charts draw: cheap gold reads, so rendering can start before the slower insight queries. */
export type ChartData = {
  date: string;
  time_zone: string;
  today: TodayResult;
  /** Every journey the store knows, sorted: the colour domain, so colours never shift between charts. */
  all_journeys: string[];
  /** First day of the trend window (the chart's x domain starts here even when it is empty). */
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
  /** The insight scan's spikes for the day, largest extra cost first. */
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

export function queryDigest(ctx: Context, date: string): DigestData {
  const chart = queryChartData(ctx, date);
  return { ...chart, ...queryInsights(ctx, chart) };
}

export function queryChartData(ctx: Context, date: string): ChartData {
  const today = queryToday(ctx, date);
  const from = addDays(date, -(TREND_DAYS - 1));
  const top = today.journeys[0]?.journey ?? null;
  return {
    date,
    time_zone: ctx.config.timeZone,
    today,
    all_journeys: listLeakingJourneys(ctx),
    trend_from: from,
    daily: dailyCallsByJourney(ctx, from, date),
    top_journey: top,
    top_segments: top ? listSegmentCalls(ctx, date, top) : [],
    annotations: listAnnotations(ctx.store, { from, to: date }).map((a) => ({ date: a.date, text: a.journey ? `${a.journey}: ${a.text}` : a.text })),
  };
}

/**
 * `agents: false` skips the agents list: only the operations view shows it, and it is the one read
 * left that joins silver row by row (it grows with the day's leaked calls), so the executive view
 * does not pay for it.
 */
export function queryInsights(ctx: Context, chart: ChartData, opts: { agents?: boolean } = {}): DigestInsights {
  const { date, today } = chart;
  const leaking = today.journeys.length > 0;
  const spikes = leaking ? scanSpikes(ctx, { date }) : [];
  return {
    savings: listJourneySavings(ctx, date),
    agents: opts.agents === false ? [] : listLeakedCallAgents(ctx, date),
    spikes,
    open_alerts: queryOpenAlerts(ctx, 5),
    root_cause: spikes[0] ? { journey: spikes[0].journey, headline: explainJourney(ctx, { date, journey: spikes[0].journey }).headline } : null,
    actions: leaking ? recommendActions(ctx, { date }).slice(0, 3) : [],
  };
}
