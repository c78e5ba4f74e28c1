/**
 * Sources: gold segment_drilldown and savings_model (and today's queryToday over gold),
 * silver digital_call_leakage × call_logs_cleaned for the agents who took the leaked calls, ops annotations
 * for the change notes, the spike scan (src/alerts), root cause (src/root-cause) and next-best actions (src/actions).
 * Grain: one digest = one complete local day, plus the 28 days ending on it for the trend chart.
 */
import { queryToday, type TodayResult } from '../../commands/today.ts';
import { queryOpenAlerts, type OpenAlertRow } from '../../src/alerts/open-alerts.ts';
import { scanSpikes, type Spike } from '../../src/alerts/spike-scan.ts';
import { listAnnotations } from '../../src/annotations/annotations.ts';
import { recommendActions, type Recommendation } from '../../src/actions/recommendations.ts';
import { explainJourney } from '../../src/root-cause/explain-journey.ts';
import type { Context } from '../../src/context.ts';
import { addDays, zoneClock } from '../../src/time.ts';

export const TREND_DAYS = 28;

export type DailyPoint = { date: string; journey: string; calls: number };
export type SegmentCalls = { segment: string; calls: number; cost: number };
export type JourneySavings = { journey: string; baseline_calls_per_day: number; annual_cost: number };
export type AgentLoad = { agent_id: string; calls: number; avg_handle_minutes: number };
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
  const { sqlite } = ctx.store;
  const today = queryToday(ctx, date);
  const from = addDays(date, -(TREND_DAYS - 1));
  const allJourneys = sqlite.prepare('SELECT DISTINCT journey FROM segment_drilldown ORDER BY journey').pluck().all() as string[];
  const rows = sqlite
    .prepare(
      `SELECT date, journey, sum(calls) AS calls FROM segment_drilldown
       WHERE date BETWEEN ? AND ? GROUP BY date, journey`,
    )
    .all(from, date) as DailyPoint[];
  const top = today.journeys[0]?.journey ?? null;
  const topSegments = top
    ? (sqlite
        .prepare(
          `SELECT segment, calls, cost FROM segment_drilldown WHERE date = ? AND journey = ?
           ORDER BY calls DESC, segment`,
        )
        .all(date, top) as SegmentCalls[])
    : [];
  return {
    date,
    time_zone: ctx.config.timeZone,
    today,
    all_journeys: allJourneys,
    trend_from: from,
    daily: zeroFill(rows, from, date),
    top_journey: top,
    top_segments: topSegments,
    annotations: listAnnotations(ctx.store, { from, to: date }).map((a) => ({ date: a.date, text: a.journey ? `${a.journey}: ${a.text}` : a.text })),
  };
}

/**
 * `agents: false` skips the agents list: only the operations view shows it, and it is the one read
 * left that joins silver row by row (it grows with the day's leaked calls), so the executive view
 * does not pay for it.
 */
export function queryInsights(ctx: Context, chart: ChartData, opts: { agents?: boolean } = {}): DigestInsights {
  const { sqlite } = ctx.store;
  const { date, today } = chart;
  const leaking = today.journeys.length > 0;
  const spikes = leaking ? scanSpikes(ctx, { date }) : [];
  const savings = sqlite
    .prepare(
      `SELECT journey, baseline_calls_per_day, annual_cost FROM savings_model
       WHERE date = ? AND annual_cost > 0 ORDER BY annual_cost DESC, journey`,
    )
    .all(date) as JourneySavings[];
  const agents = opts.agents === false ? [] : queryAgents(ctx, date);
  return {
    savings,
    agents,
    spikes,
    open_alerts: queryOpenAlerts(ctx, 5),
    root_cause: spikes[0] ? { journey: spikes[0].journey, headline: explainJourney(ctx, { date, journey: spikes[0].journey }).headline } : null,
    actions: leaking ? recommendActions(ctx, { date }).slice(0, 3) : [],
  };
}

/** A journey with no leaked calls on a day is a 0 on the chart, not a gap the line jumps across. */
function zeroFill(rows: DailyPoint[], from: string, to: string): DailyPoint[] {
  const journeys = [...new Set(rows.map((r) => r.journey))].sort();
  const byKey = new Map(rows.map((r) => [`${r.date}|${r.journey}`, r.calls]));
  const out: DailyPoint[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    for (const journey of journeys) out.push({ date: d, journey, calls: byKey.get(`${d}|${journey}`) ?? 0 });
  }
  return out;
}

/** The agents who took the most leaked calls on the date: silver leakage joined to each call's agent. */
function queryAgents(ctx: Context, date: string): AgentLoad[] {
  return ctx.store.sqlite
    .prepare(
      `SELECT c.agent_id, count(*) AS calls, round(avg(l.handle_seconds) / 60.0, 1) AS avg_handle_minutes
       FROM digital_call_leakage l JOIN call_logs_cleaned c ON c.call_id = l.call_id
       WHERE l.local_date = ? AND c.agent_id IS NOT NULL AND c.agent_id <> ''
       GROUP BY c.agent_id ORDER BY calls DESC, c.agent_id LIMIT 5`,
    )
    .all(date) as AgentLoad[];
}
