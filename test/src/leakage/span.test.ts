import { beforeAll, describe, expect, it } from 'vitest';
import { querySpan, spanLabel } from '../../../src/leakage/span.ts';
import { queryToday } from '../../../src/leakage/today.ts';
import { makeDeps } from '../../helpers/store.ts';
import { seedLeakage } from '../../reports/digest/seed-store.ts';

const deps = makeDeps({ now: '2026-11-24T15:00:00Z' });
beforeAll(() => seedLeakage(deps, { endDate: '2026-11-23', days: 20, stepUpOn: '2026-11-21' }));

describe('leaked calls over a span of complete days', () => {
  it('one day gives the figures `today --date` gives for a complete day', () => {
    const span = querySpan(deps, '2026-11-23', '2026-11-23');
    const day = queryToday(deps, '2026-11-23');
    expect({ journeys: span.journeys, total: span.total, headline: span.headline }).toEqual({ journeys: day.journeys, total: day.total, headline: day.headline });
    expect(span.days).toHaveLength(1);
  });

  it('several days: sums per journey, each day on its own, and the trend against the same weekdays a week earlier', () => {
    const span = querySpan(deps, '2026-11-21', '2026-11-23');
    const days = ['2026-11-21', '2026-11-22', '2026-11-23'].map((d) => queryToday(deps, d));
    expect(span.days.map((d) => [d.date, d.calls])).toEqual(days.map((d) => [d.date, d.total.calls]));
    expect(span.days.map((d) => d.top_journey)).toEqual(days.map((d) => d.journeys[0].journey));
    expect(span.total.calls).toBe(days.reduce((s, d) => s + d.total.calls, 0));
    const billing = span.journeys.find((j) => j.journey === 'billing')!;
    expect(billing.calls).toBe(days.reduce((s, d) => s + d.journeys.find((j) => j.journey === 'billing')!.calls, 0));
    const prior = deps.store.sqlite.prepare("SELECT sum(calls) FROM segment_drilldown WHERE journey = 'billing' AND date BETWEEN '2026-11-14' AND '2026-11-16'").pluck().get() as number;
    expect(billing.trend_pct).toBe(Math.round((1000 * (billing.calls - prior)) / prior) / 10);
    expect(span.trend_basis).toBe('the same days a week earlier');
    expect(span.headline).toMatch(/^Your single biggest leak over Sat, Nov 21 – Mon, Nov 23, 2026 is billing: [\d,]+ calls, \$[\d.,K]+, and it's spiking \(\+[\d.]+% vs the same days a week earlier\)\.$/);
    // Over more than a week, the same weekdays two weeks earlier.
    expect(querySpan(deps, '2026-11-14', '2026-11-23').trend_basis).toBe('the same days 2 weeks earlier');
  });

  it('names a span the way people read dates', () => {
    expect(spanLabel('2026-11-20', '2026-11-20')).toBe('Fri, Nov 20, 2026');
    expect(spanLabel('2026-11-20', '2026-11-22')).toBe('Fri, Nov 20 – Sun, Nov 22, 2026');
    expect(spanLabel('2026-12-31', '2027-01-02')).toBe('Thu, Dec 31, 2026 – Sat, Jan 2, 2027');
  });
});
