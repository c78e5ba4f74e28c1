/**
 * The digest's daily trend chart: leaked calls a day, one small panel per journey.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatCount, plural } from '../../src/format.ts';
import { addDays, daysBetween } from '../../src/time.ts';
import { CHART_WIDTH, type JourneyColors } from '../charts/theme.ts';
import { colorScale, onDays, shortDate, type Planned } from './chart-parts.ts';
import { TREND_DAYS, type ChartData } from './query.ts';

/** Panels beyond this many journeys are summed into one "other journeys" panel (the text still lists each). */
const MAX_PANELS = 8;
const OTHER_COLOR = '#8C8C8C';
const PANEL_HEIGHT = 46;

/**
 * Small multiples: one panel per journey, biggest first, on a shared date axis, each with its own
 * count axis, so a journey of 1 call a day is as findable (and its shape as readable) as one of 60,
 * and lines never hide under each other. Each panel's header names the journey with its total and
 * last day. The window starts at the store's first day of data (trend_from), never with made-up
 * zeros; the days the digest covers are shaded.
 */
export function planDaily(data: ChartData, colors: JourneyColors): Planned {
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
  const ranked = [...totals].sort((a, b) => b[1].sum - a[1].sum || a[0].localeCompare(b[0]));
  const window = `${shortDate(first)}–${shortDate(data.date)}`;
  const text = [
    ...ranked.map(([j, t]) => `${j}: ${plural(t.sum, 'call')} over ${window}, ${formatCount(t.last)} on ${shortDate(data.date)}, peak ${formatCount(t.peak.calls)} on ${shortDate(t.peak.date)}`),
    ...data.annotations.map((a) => `Marked change on ${shortDate(a.date)}: ${a.text}`),
  ];
  const hasCalls = ranked.some(([, t]) => t.sum > 0);

  const shown = ranked.slice(0, ranked.length > MAX_PANELS ? MAX_PANELS - 1 : MAX_PANELS).map(([j]) => j);
  const others = ranked.slice(shown.length).map(([j]) => j);
  const otherName = `${others.length} other journeys`;
  const panelOf = new Map<string, string>();
  const sums = new Map<string, { sum: number; last: number }>();
  for (const j of [...shown, ...others]) {
    const key = shown.includes(j) ? j : otherName;
    const t = totals.get(j)!;
    const s = sums.get(key) ?? { sum: 0, last: 0 };
    sums.set(key, { sum: s.sum + t.sum, last: s.last + t.last });
  }
  const keys = [...shown, ...(others.length ? [otherName] : [])];
  for (const key of keys) {
    const s = sums.get(key)!;
    panelOf.set(key, `${key} · ${plural(s.sum, 'call')} over ${window} · ${formatCount(s.last)} on ${shortDate(data.date)}`);
  }
  const byPanel = new Map<string, number>();
  for (const p of data.daily) {
    const key = shown.includes(p.journey) ? p.journey : otherName;
    const k = `${key}|${p.date}`;
    byPanel.set(k, (byPanel.get(k) ?? 0) + p.calls);
  }
  const points = [...byPanel].map(([k, calls]) => {
    const [key, date] = k.split('|');
    return { kind: 'point', panel: panelOf.get(key)!, journey: key, date, calls };
  });
  // The covered days, shaded in every panel (from the window's start when the span begins before the data).
  // Each day's point sits at its midnight; a day's slot runs half a day either side of it.
  const half = 12 * 3_600_000;
  const at = (d: string) => Date.parse(`${d}T00:00:00Z`);
  const bands = keys.map((key) => ({ kind: 'band', panel: panelOf.get(key)!, date: Math.max(at(data.from), at(first)) - half, end: at(data.date) + half }));
  // A note on a journey goes in that journey's panel; a note on no journey in every panel.
  const notes = data.annotations.flatMap((a) => {
    const journey = keys.find((k) => a.text.startsWith(`${k}: `));
    // A note in the later half of the window hangs to the left of its rule, so no label runs past the panel.
    const side = a.date >= addDays(first, Math.floor((daysBetween(first, data.date) + 1) / 2)) ? 'right' : 'left';
    return (journey ? [journey] : keys).map((key) => ({ kind: 'note', side, panel: panelOf.get(key)!, date: a.date, text: journey ? a.text.slice(journey.length + 2) : a.text }));
  });
  // Headroom in a panel with a note, so its label sits above the line rather than on it: an invisible
  // point at 1.6 × the panel's peak stretches that panel's own scale.
  const peak = new Map<string, number>();
  for (const p of points) peak.set(p.panel, Math.max(peak.get(p.panel) ?? 0, p.calls));
  const room = [...new Set(notes.map((n) => n.panel))].map((panel) => ({ kind: 'room', panel, date: at(data.date), calls: Math.max(1, peak.get(panel) ?? 0) * 1.6 }));
  const label = (side: 'left' | 'right') => ({
    transform: [{ filter: `datum.kind === 'note' && datum.side === '${side}'` }],
    mark: { type: 'text' as const, align: side, baseline: 'top' as const, dx: side === 'left' ? 4 : -4, y: 0, color: '#333333', fontSize: 10, limit: 280 },
    encoding: { x, text: { field: 'text' } },
  });
  const x = { field: 'date', type: 'temporal' as const, title: null, scale: { type: 'utc' as const, domain: [at(first) - half, at(data.date) + half] }, axis: { format: '%b %d', labelAngle: 0, tickCount: 7, grid: false } };
  const only = (kind: string) => [{ filter: `datum.kind === '${kind}'` }];
  const palette = { domain: [...colors.domain, otherName], range: [...colors.range, OTHER_COLOR] };
  const layers = [
    { transform: only('band'), mark: { type: 'rect' as const, color: '#EDEDED' }, encoding: { x, x2: { field: 'end' } } },
    {
      transform: only('point'),
      mark: { type: 'line' as const, strokeWidth: 2, point: { size: 12 } },
      encoding: {
        x,
        y: { field: 'calls', type: 'quantitative' as const, title: null, scale: { zero: true, nice: true }, axis: { format: ',d', tickCount: 3, tickMinStep: 1, grid: true } },
        color: { field: 'journey', type: 'nominal' as const, scale: palette, legend: null },
      },
    },
    ...(notes.length
      ? [
          { transform: only('room'), mark: { type: 'point' as const, opacity: 0 }, encoding: { x, y: { field: 'calls', type: 'quantitative' as const } } },
          { transform: only('note'), mark: { type: 'rule' as const, color: '#555555', strokeDash: [4, 3] }, encoding: { x } },
          label('left'),
          label('right'),
        ]
      : []),
  ];
  const days = data.span.days.length;
  // Two short lines: without a canvas Vega over-estimates text width, and a long line would widen the picture.
  const subtitle = [
    `${first === addDays(data.date, -(TREND_DAYS - 1)) ? 'Last 28 days' : `From ${shortDate(first)} (the first day of data)`} to ${shortDate(data.date)} · ${data.time_zone}`,
    `Each journey on its own scale · shaded: ${days > 1 ? `the ${days} days covered` : 'the day covered'}`,
  ];
  return {
    key: 'daily-by-journey',
    file: 'daily-by-journey.png',
    title,
    alt: `Line charts, one per journey, each on its own scale: leaked calls per day, ${first} to ${data.date}${data.annotations.length ? `, with ${plural(data.annotations.length, 'marked change')}` : ''}. ${text.slice(0, 3).join('. ')}.`,
    text,
    empty: `No leaked calls between ${first} and ${data.date}, so there is no trend chart.`,
    spec: hasCalls
      ? ({
          title: { text: title, subtitle },
          data: { values: [...bands, ...points, ...notes, ...room] },
          facet: {
            row: {
              field: 'panel',
              type: 'nominal',
              sort: keys.map((k) => panelOf.get(k)!),
              title: null,
              header: { labelOrient: 'top', labelAnchor: 'start', labelAngle: 0, labelAlign: 'left', labelFontSize: 12, labelFontWeight: 'bold', labelColor: '#1A1A1A', labelPadding: 0, labelLimit: CHART_WIDTH - 90 },
            },
          },
          spacing: 22,
          resolve: { scale: { y: 'independent' } },
          spec: { width: CHART_WIDTH - 90, height: PANEL_HEIGHT, layer: layers },
        } as TopLevelSpec)
      : null,
  };
}

