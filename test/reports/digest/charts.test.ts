import { beforeAll, describe, expect, it } from 'vitest';
import { createChartRenderer, inkRatio, type ChartRenderer } from '../../../reports/charts/render.ts';
import { readPngSize } from '../../../reports/charts/png.ts';
import { assignJourneyColors, OKABE_ITO } from '../../../reports/charts/theme.ts';
import { plural, renderDigestCharts } from '../../../reports/digest/chart.ts';
import { buildDigest } from '../../../reports/digest/build.ts';
import { buildDigestBlocks } from '../../../reports/digest/blocks.ts';
import { renderDigestMarkdown } from '../../../reports/digest/markdown.ts';
import { queryDigest } from '../../../reports/digest/query.ts';
import { formatMoney } from '../../../src/format.ts';
import { makeDeps } from '../../helpers/store.ts';
import { seedLeakage } from './seed-store.ts';

const DATE = '2026-11-23';
let renderer: ChartRenderer;
const seeded = makeDeps({ now: '2026-11-24T14:00:00Z' });

beforeAll(async () => {
  renderer = createChartRenderer();
  await seedLeakage(seeded, { endDate: DATE, days: 30, stepUpOn: '2026-11-16' });
});

describe('digest charts', () => {
  it('renders three PNGs of the declared size (720 px at 2x), each with something drawn on it', async () => {
    const charts = await renderDigestCharts(renderer, queryDigest(seeded, DATE));
    expect(charts.map((c) => c.key)).toEqual(['daily-by-journey', 'top-journey-segments', 'cost-by-journey']);
    for (const c of charts) {
      expect(c.notice).toBeUndefined();
      expect(readPngSize(c.png!)).toEqual({ width: 1440, height: 760 });
      expect({ width: c.width, height: c.height }).toEqual({ width: 1440, height: 760 });
      expect(c.alt.length).toBeGreaterThan(20);
      expect(c.alt.length).toBeLessThanOrEqual(1000);
    }
  });

  it('writes out the numbers each chart shows, computed from the store', async () => {
    const data = queryDigest(seeded, DATE);
    const [daily, segments, cost] = await renderDigestCharts(renderer, data);
    const billing = data.today.journeys.find((j) => j.journey === 'billing')!;
    expect(cost.text).toContain(`billing: ${formatMoney(billing.cost)} (${billing.calls} calls)`);
    const top = data.top_segments[0];
    expect(segments.text[0]).toBe(`${top.segment}: ${top.calls} calls (${formatMoney(top.cost)})`);
    const billingTotal = data.daily.filter((p) => p.journey === 'billing').reduce((s, p) => s + p.calls, 0);
    expect(daily.text[0]).toMatch(new RegExp(`^billing: ${billingTotal.toLocaleString('en-US')} calls over Oct 27–Nov 23`));
    expect(data.daily).toHaveLength(28 * data.all_journeys.length);
  });

  it('marks change notes on the trend chart and lists them in its text', async () => {
    const data = { ...queryDigest(seeded, DATE), annotations: [{ date: '2026-11-21', text: 'Billing portal release 4.2' }] };
    const [daily] = await renderDigestCharts(renderer, data);
    expect(daily.text.at(-1)).toBe('Marked change on Nov 21: Billing portal release 4.2');
    expect(daily.alt).toContain('with 1 marked change.');
    expect(readPngSize(daily.png!)).toEqual({ width: 1440, height: 760 });
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
    const data = queryDigest(seeded, DATE);
    // A real render of a spec that draws nothing: what a broken spec or lost data looks like.
    const blank: ChartRenderer = { render: () => renderer.render({ data: { values: [] }, mark: 'point', config: { title: {} } } as never) };
    const charts = await renderDigestCharts(blank, data);
    for (const c of charts) {
      expect(c.png).toBeUndefined();
      expect(c.notice).toMatch(/rendered blank, so it was not posted/);
    }
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
