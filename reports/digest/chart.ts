/**
 * The digest's three charts as Vega-Lite specs, each with its alt text and the numbers it shows
 * in words (the text equivalent that goes in the message). A chart with no data, or one that
 * renders blank, comes back with a notice and no PNG, so it is never posted.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatCount, formatMoney } from '../../src/format.ts';
import { MIN_INK_RATIO, type ChartRenderer } from '../charts/render.ts';
import { assignJourneyColors, type JourneyColors } from '../charts/theme.ts';
import { addDays } from '../../src/time.ts';
import { TREND_DAYS, type ChartData } from './query.ts';

export type ChartKey = 'daily-by-journey' | 'top-journey-segments' | 'cost-by-journey';

export type DigestChart = {
  key: ChartKey;
  file: string;
  title: string;
  alt: string;
  /** The numbers the chart shows, one line each. */
  text: string[];
  /** Present only when the chart rendered with something on it. */
  png?: Buffer;
  width?: number;
  height?: number;
  /** Why there is no picture, in words for the message. */
  notice?: string;
};

type Planned = Omit<DigestChart, 'png' | 'width' | 'height' | 'notice'> & { spec: TopLevelSpec | null; empty: string };

export async function renderDigestCharts(renderer: ChartRenderer, data: ChartData): Promise<DigestChart[]> {
  const colors = assignJourneyColors(data.all_journeys);
  const planned = [planDaily(data, colors), planSegments(data, colors), planCost(data, colors)];
  // In parallel: each chart's rasterising runs off the main thread while the next one's SVG is built.
  return Promise.all(
    planned.map(async ({ spec, empty, ...chart }): Promise<DigestChart> => {
      if (!spec) return { ...chart, notice: empty };
      const r = await renderer.render(spec);
      if (r.inkRatio < MIN_INK_RATIO) return { ...chart, notice: `The "${chart.title}" chart rendered blank, so it was not posted.` };
      return { ...chart, png: r.png, width: r.width, height: r.height };
    }),
  );
}

/** "1 call", "1,030 calls": a count with its noun. */
export const plural = (n: number, noun: string) => `${formatCount(n)} ${noun}${Math.round(n) === 1 ? '' : 's'}`;

const colorScale = (colors: JourneyColors) => ({ domain: colors.domain, range: colors.range });
const shortDate = (d: string) => new Date(`${d}T00:00:00Z`).toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });

function planDaily(data: ChartData, colors: JourneyColors): Planned {
  const first = data.trend_from;
  const title = 'Leaked calls per day, by journey';
  const totals = new Map<string, { sum: number; last: number; peak: { date: string; calls: number } }>();
  for (const p of data.daily) {
    const t = totals.get(p.journey) ?? { sum: 0, last: 0, peak: { date: p.date, calls: -1 } };
    t.sum += p.calls;
    if (p.date === data.date) t.last = p.calls;
    if (p.calls > t.peak.calls) t.peak = { date: p.date, calls: p.calls };
    totals.set(p.journey, t);
  }
  const ranked = [...totals].sort((a, b) => b[1].sum - a[1].sum);
  const text = [
    ...ranked.map(([j, t]) => `${j}: ${plural(t.sum, 'call')} over ${shortDate(first)}–${shortDate(data.date)}, ${formatCount(t.last)} on ${shortDate(data.date)}, peak ${formatCount(t.peak.calls)} on ${shortDate(t.peak.date)}`),
    ...data.annotations.map((a) => `Marked change on ${shortDate(a.date)}: ${a.text}`),
  ];
  const hasCalls = ranked.some(([, t]) => t.sum > 0);
  const x = { field: 'date', type: 'temporal' as const, title: 'Date', scale: { type: 'utc' as const }, axis: { format: '%b %d', labelAngle: 0, tickCount: 7 } };
  const lines = {
    data: { values: data.daily },
    mark: { type: 'line' as const, strokeWidth: 2.5, point: { size: 18 } },
    encoding: {
      x,
      y: { field: 'calls', type: 'quantitative' as const, title: 'Leaked calls', axis: { format: ',d' }, scale: undefined as undefined | { domainMax: number } },
      color: { field: 'journey', type: 'nominal' as const, title: 'Journey', scale: colorScale(colors) },
    },
  };
  // Labels of changes in the later half of the window hang to the left of their rule, so no label
  // runs past the plot (which would make 'fit' shrink the chart); headroom keeps them off the lines.
  const mid = data.trend_from < data.date ? addDays(data.trend_from, TREND_DAYS / 2) : data.date;
  const notes = data.annotations.map((a) => ({ ...a, side: a.date >= mid ? 'right' : 'left' }));
  const label = (side: 'left' | 'right') => ({
    data: { values: notes },
    transform: [{ filter: `datum.side === '${side}'` }],
    mark: { type: 'text' as const, align: side === 'left' ? ('left' as const) : ('right' as const), baseline: 'top' as const, dx: side === 'left' ? 4 : -4, dy: 2, y: 0, color: '#333333', fontSize: 11, limit: 360 },
    encoding: { x, text: { field: 'text' } },
  });
  const rules = notes.length
    ? [{ data: { values: notes }, mark: { type: 'rule' as const, color: '#555555', strokeDash: [4, 3] }, encoding: { x } }, label('left'), label('right')]
    : [];
  if (notes.length) lines.encoding.y.scale = { domainMax: Math.max(1, ...data.daily.map((p) => p.calls)) * 1.15 };
  return {
    key: 'daily-by-journey',
    file: 'daily-by-journey.png',
    title,
    alt: `Line chart: leaked calls per day for each journey, ${first} to ${data.date}${data.annotations.length ? `, with ${plural(data.annotations.length, 'marked change')}` : ''}. ${text.slice(0, 3).join('. ')}.`,
    text,
    empty: `No leaked calls between ${first} and ${data.date}, so there is no trend chart.`,
    spec: hasCalls
      ? ({ title: { text: title, subtitle: `Last 28 days to ${shortDate(data.date)} · ${data.time_zone}` }, layer: [lines, ...rules] } as TopLevelSpec)
      : null,
  };
}

function planSegments(data: ChartData, colors: JourneyColors): Planned {
  const j = data.top_journey;
  const rows = data.top_segments.filter((s) => s.calls > 0);
  const title = j ? `${j}: leaked calls by member segment` : 'Top journey by member segment';
  const text = rows.map((s) => `${s.segment}: ${plural(s.calls, 'call')} (${formatMoney(s.cost)})`);
  return {
    key: 'top-journey-segments',
    file: 'top-journey-segments.png',
    title,
    alt: `Bar chart: ${j ?? 'the top journey'}'s leaked calls on ${data.date} by member segment. ${text.join('; ')}.`,
    text,
    empty: `No leaked calls on ${data.date}, so there is no segment chart.`,
    spec:
      j && rows.length
        ? ({
            title: { text: title, subtitle: `${shortDate(data.date)} · the day's biggest leak` },
            data: { values: rows },
            layer: [
              { mark: { type: 'bar', color: colors.of(j), cornerRadiusEnd: 2 } },
              { mark: { type: 'text', align: 'left', dx: 4, color: '#1A1A1A' }, encoding: { text: { field: 'calls', format: ',d' } } },
            ],
            encoding: {
              y: { field: 'segment', type: 'nominal', sort: null, title: 'Member segment', axis: { labelLimit: 200 } },
              x: { field: 'calls', type: 'quantitative', title: 'Leaked calls', axis: { format: ',d', tickMinStep: 1, tickCount: 6 } },
            },
          } as TopLevelSpec)
        : null,
  };
}

function planCost(data: ChartData, colors: JourneyColors): Planned {
  const rows = data.today.journeys.map((x) => ({ journey: x.journey, cost: x.cost, calls: x.calls, label: formatMoney(x.cost) }));
  const title = 'Cost of leaked calls by journey';
  const text = rows.map((r) => `${r.journey}: ${formatMoney(r.cost)} (${plural(r.calls, 'call')})`);
  return {
    key: 'cost-by-journey',
    file: 'cost-by-journey.png',
    title,
    alt: `Bar chart: cost of leaked calls on ${data.date} by journey. ${text.join('; ')}.`,
    text,
    empty: `No leaked calls on ${data.date}, so there is no cost chart.`,
    spec: rows.length
      ? ({
          title: { text: title, subtitle: `${shortDate(data.date)} · total ${formatMoney(data.today.total.cost)}` },
          data: { values: rows },
          layer: [
            { mark: { type: 'bar', cornerRadiusEnd: 2 }, encoding: { color: { field: 'journey', type: 'nominal', scale: colorScale(colors), legend: null } } },
            { mark: { type: 'text', align: 'left', dx: 4, color: '#1A1A1A' }, encoding: { text: { field: 'label' } } },
          ],
          encoding: {
            y: { field: 'journey', type: 'nominal', sort: null, title: 'Journey' },
            x: { field: 'cost', type: 'quantitative', title: 'Cost (USD)', axis: { format: '$,.0f', tickCount: 6 } },
          },
        } as TopLevelSpec)
      : null,
  };
}
