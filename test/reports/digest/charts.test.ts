import { beforeAll, describe, expect, it } from 'vitest';
import { createChartRenderer, inkRatio, type ChartRenderer } from '../../../reports/charts/render.ts';
import { readPngSize } from '../../../reports/charts/png.ts';
import { assignJourneyColors, OKABE_ITO } from '../../../reports/charts/theme.ts';
import { planDigestCharts, renderDigestCharts } from '../../../reports/digest/chart.ts';
import { buildDigest } from '../../../reports/digest/build.ts';
import { buildDigestBlocks } from '../../../reports/digest/blocks.ts';
import { renderDigestMarkdown } from '../../../reports/digest/markdown.ts';
import { queryChartData } from '../../../reports/digest/query.ts';
import { formatMoney, plural } from '../../../src/format.ts';
import { makeDeps } from '../../helpers/store.ts';
import { seedLeakage } from './seed-store.ts';

const DATE = '2026-11-23';

/** The trend chart is one panel per journey: as wide as the others, taller with each journey. */
function expectPanelChart(png: Buffer, journeys: number) {
  const { width, height } = readPngSize(png)!;
  expect(width).toBeGreaterThanOrEqual(1300);
  expect(width).toBeLessThanOrEqual(1500);
  expect(height).toBeGreaterThan(journeys * 2 * 46);
}
let renderer: ChartRenderer;
const seeded = makeDeps({ now: '2026-11-24T14:00:00Z' });

beforeAll(async () => {
  renderer = createChartRenderer();
  await seedLeakage(seeded, { endDate: DATE, days: 30, stepUpOn: '2026-11-16' });
});

describe('digest charts', () => {
  it('renders three PNGs about 720 px wide at 2x (the bar charts exactly 720 × 380), each with something drawn on it', async () => {
    const charts = await renderDigestCharts(renderer, queryChartData(seeded, DATE));
    expect(charts.map((c) => c.key)).toEqual(['daily-by-journey', 'top-journey-segments', 'cost-by-journey']);
    for (const c of charts) {
      expect(c.notice).toBeUndefined();
      expect(readPngSize(c.png!)).toEqual({ width: c.width, height: c.height });
      if (c.key === 'daily-by-journey') expectPanelChart(c.png!, 4);
      else expect({ width: c.width, height: c.height }).toEqual({ width: 1440, height: 760 });
      expect(c.alt.length).toBeGreaterThan(20);
      expect(c.alt.length).toBeLessThanOrEqual(1000);
    }
  });

  it('writes out the numbers each chart shows, computed from the store', async () => {
    const data = queryChartData(seeded, DATE);
    const [daily, segments, cost] = await renderDigestCharts(renderer, data);
    const billing = data.span.journeys.find((j) => j.journey === 'billing')!;
    expect(cost.text).toContain(`billing: ${formatMoney(billing.cost)} (${billing.calls} calls)`);
    const top = data.top_segments[0];
    expect(segments.text[0]).toBe(`${top.segment}: ${top.calls} calls (${formatMoney(top.cost)})`);
    const billingTotal = data.daily.filter((p) => p.journey === 'billing').reduce((s, p) => s + p.calls, 0);
    expect(daily.text[0]).toMatch(new RegExp(`^billing: ${billingTotal.toLocaleString('en-US')} calls over Oct 27–Nov 23`));
    expect(data.daily).toHaveLength(28 * data.all_journeys.length);
  });

  it('marks change notes on the trend chart and lists them in its text', async () => {
    const data = { ...queryChartData(seeded, DATE), annotations: [{ date: '2026-11-21', text: 'Billing portal release 4.2' }] };
    const [daily] = await renderDigestCharts(renderer, data);
    expect(daily.text.at(-1)).toBe('Marked change on Nov 21: Billing portal release 4.2');
    expect(daily.alt).toContain('with 1 marked change.');
    expectPanelChart(daily.png!, 4);
  });

  it('posts no chart for a day without data, and says so in the message and the Markdown', async () => {
    const empty = makeDeps({ now: '2026-11-24T14:00:00Z' });
    const digest = await buildDigest(empty, { date: DATE, role: 'ops', renderer });
    expect(digest.charts.every((c) => c.png === undefined && c.notice)).toBe(true);
    const message = JSON.stringify(buildDigestBlocks(digest).blocks);
    expect(message).toContain('no chart. No leaked calls between 2026-10-27 and 2026-11-23');
    expect(message).not.toContain('images in the thread');
    const md = renderDigestMarkdown(digest);
    expect(md).not.toContain('![');
    expect(md).toContain('No chart: No leaked calls on 2026-11-23, so there is no cost chart.');
  });

  it('treats a chart that renders blank as missing', async () => {
    const data = queryChartData(seeded, DATE);
    // A real render of a spec that draws nothing: what a broken spec or lost data looks like.
    const blank: ChartRenderer = { render: () => renderer.render({ data: { values: [] }, mark: 'point', config: { title: {} } } as never) };
    const charts = await renderDigestCharts(blank, data);
    for (const c of charts) {
      expect(c.png).toBeUndefined();
      expect(c.notice).toMatch(/rendered blank, so it was not posted/);
    }
  });

  it("starts the trend at the store's first day of data: days before it are not drawn as zeros", async () => {
    const young = makeDeps({ now: '2026-11-24T14:00:00Z' });
    await seedLeakage(young, { endDate: DATE, days: 10 });
    const data = queryChartData(young, DATE);
    expect(data.trend_from).toBe('2026-11-14');
    expect(Math.min(...data.daily.map((p) => Date.parse(p.date)))).toBe(Date.parse('2026-11-14'));
    const [daily] = await renderDigestCharts(renderer, data);
    expect(daily.text[0]).toMatch(/^billing: [\d,]+ calls over Nov 14–Nov 23, /);
    expect(daily.alt).toContain('2026-11-14 to 2026-11-23');
    const [spec] = planDigestCharts(data);
    expect(JSON.stringify(spec.spec)).toContain('From Nov 14 (the first day of data) to Nov 23');
  });

  it('gives every journey its own panel on its own scale, biggest first, so a small one is as findable as a big one', () => {
    const data = queryChartData(seeded, DATE);
    const spec = planDigestCharts(data)[0].spec as unknown as { facet: { row: { sort: string[] } }; resolve: unknown; data: { values: { kind: string; panel: string }[] } };
    const panels = spec.facet.row.sort;
    expect(panels.map((p) => p.split(' · ')[0])).toEqual(['billing', 'id_card', 'pharmacy', 'login']);
    expect(panels[3]).toMatch(/^login · [\d,]+ calls over Oct 27–Nov 23 · \d+ on Nov 23$/);
    expect(spec.resolve).toEqual({ scale: { y: 'independent' } });
    for (const p of panels) expect(spec.data.values.filter((v) => v.kind === 'point' && v.panel === p)).toHaveLength(28);
    // More journeys than panels: the smallest share one "other journeys" panel, and the text still names each.
    const many = { ...data, daily: [...data.daily, ...Array.from({ length: 6 }, (_, i) => data.daily.filter((p) => p.journey === 'login').map((p) => ({ ...p, journey: `tiny_${i}`, calls: 1 }))).flat()] };
    const [planned] = planDigestCharts(many);
    const rows = (planned.spec as unknown as { facet: { row: { sort: string[] } } }).facet.row.sort;
    expect(rows).toHaveLength(8);
    expect(rows[7]).toMatch(/^3 other journeys · 84 calls over/);
    expect(planned.text.filter((t) => t.startsWith('tiny_'))).toHaveLength(6);
  });

  it("says '1 call' and '1,030 calls'", () => {
    expect([plural(1, 'call'), plural(1030, 'call'), plural(0, 'call'), plural(86.4, 'fewer call')]).toEqual(['1 call', '1,030 calls', '0 calls', '86 fewer calls']);
  });

  it('draws text with the shipped font (system fonts are off, so no font would mean no text)', async () => {
    const titleOnly = await renderer.render({ title: 'Leaked calls 1,234 $5.0K', data: { values: [] }, mark: 'point' } as never);
    const blank = await renderer.render({ data: { values: [] }, mark: 'point' } as never);
    expect(blank.inkRatio).toBe(0);
    expect(titleOnly.inkRatio).toBeGreaterThan(0.002);
  });

  it('measures ink: white is blank, a dark pixel is not', () => {
    const white = Buffer.alloc(400, 255);
    expect(inkRatio(white)).toBe(0);
    white[0] = 0;
    expect(inkRatio(white)).toBe(0.01);
  });

  it('gives each journey the same Okabe-Ito colour whatever subset or order a chart sees', () => {
    const a = assignJourneyColors(['pharmacy', 'billing', 'id_card']);
    const b = assignJourneyColors(['id_card', 'billing', 'pharmacy', 'billing']);
    expect(a.of('billing')).toBe(OKABE_ITO[0]);
    for (const j of ['billing', 'id_card', 'pharmacy']) expect(a.of(j)).toBe(b.of(j));
    expect(new Set(a.range).size).toBe(3);
  });
});
