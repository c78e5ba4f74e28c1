/**
 * The digest's three charts as Vega-Lite specs, each with its alt text and the numbers it shows
 * in words (the text equivalent that goes in the message). A chart with no data, or one that
 * renders blank, comes back with a notice and no PNG, so it is never posted.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatMoney, plural } from '../../src/format.ts';
import { MIN_INK_RATIO, type ChartRenderer } from '../charts/render.ts';
import { assignJourneyColors, CHART_WIDTH, type JourneyColors } from '../charts/theme.ts';
import type { ChartData } from './query.ts';
import { colorScale, onDays, shortDate, type DigestChart, type Planned } from './chart-parts.ts';
import { planDaily } from './chart-daily.ts';

export { type ChartKey, type DigestChart } from './chart-parts.ts';

/** The three charts' specs (null when there is nothing to draw), in posting order. */
export function planDigestCharts(data: ChartData): Planned[] {
  const colors = assignJourneyColors(data.all_journeys);
  return [planDaily(data, colors), planSegments(data, colors), planCost(data, colors)];
}

export async function renderDigestCharts(renderer: ChartRenderer, data: ChartData): Promise<DigestChart[]> {
  const planned = planDigestCharts(data);
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

function planSegments(data: ChartData, colors: JourneyColors): Planned {
  const j = data.top_journey;
  const rows = data.top_segments.filter((s) => s.calls > 0);
  const when = onDays(data);
  const title = j ? `${j}: leaked calls by member segment` : 'Top journey by member segment';
  const text = rows.map((s) => `${s.segment}: ${plural(s.calls, 'call')} (${formatMoney(s.cost)})`);
  return {
    key: 'top-journey-segments',
    file: 'top-journey-segments.png',
    title,
    alt: `Bar chart: ${j ?? 'the top journey'}'s leaked calls ${when} by member segment. ${text.join('; ')}.`,
    text,
    empty: `No leaked calls ${when}, so there is no segment chart.`,
    spec:
      j && rows.length
        ? ({
            title: { text: title, subtitle: data.from === data.date ? `${shortDate(data.date)} · the day's biggest leak` : `${shortDate(data.from)}–${shortDate(data.date)} · the biggest leak over these days` },
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
  const when = onDays(data);
  const rows = data.span.journeys.map((x) => ({ journey: x.journey, cost: x.cost, calls: x.calls, label: formatMoney(x.cost) }));
  const title = 'Cost of leaked calls by journey';
  const text = rows.map((r) => `${r.journey}: ${formatMoney(r.cost)} (${plural(r.calls, 'call')})`);
  return {
    key: 'cost-by-journey',
    file: 'cost-by-journey.png',
    title,
    alt: `Bar chart: cost of leaked calls ${when} by journey. ${text.join('; ')}.`,
    text,
    empty: `No leaked calls ${when}, so there is no cost chart.`,
    spec: rows.length
      ? ({
          title: { text: title, subtitle: `${data.from === data.date ? shortDate(data.date) : `${shortDate(data.from)}–${shortDate(data.date)}`} · total ${formatMoney(data.span.total.cost)}` },
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
