import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { callRow, eventRow, load, memberRow, snapshot, table } from '../../helpers/leak-fixture.ts';

/** A leaked billing call for `member` at `start` (failure 5 minutes before, its own session). */
let seq = 0;
function leakAt(member: string, start: string, journey = 'billing', extra: { s1?: string; end?: string; device?: string; channel?: string } = {}) {
  const id = `g${++seq}`;
  return {
    event: eventRow({ id: `${id}e`, member, ts: new Date(Date.parse(start) - 300_000).toISOString(), outcome: 'error', journey, device: extra.device, channel: extra.channel }),
    call: callRow({ id: `${id}c`, member, start, end: extra.end, s1: extra.s1 }),
  };
}
const rowsOf = (list: { event: string; call: string }[]) => ({ digital: list.map((l) => l.event), calls: list.map((l) => l.call) });

describe('daily_leakage_summary and segment_drilldown', () => {
  it('sum calls, cost, repeats, sentiment and handle time per grain (worked by hand)', async () => {
    const deps = makeDeps();
    const list = [
      leakAt('M-000001', '2026-11-20T14:00:00Z', 'billing', { s1: '0.5', end: '2026-11-20T14:10:00Z' }),
      leakAt('M-000001', '2026-11-20T16:00:00Z', 'billing', { end: '2026-11-20T16:02:00Z' }), // repeat, no sentiment
      leakAt('M-000002', '2026-11-20T15:00:00Z', 'pharmacy', { s1: '-0.5', end: '2026-11-20T15:10:00Z', device: 'desktop', channel: 'web' }),
      leakAt('M-000003', '2026-11-20T15:30:00Z', 'billing', { s1: '1', end: '2026-11-20T15:31:00Z', device: 'tablet' }),
    ];
    await load(deps, {
      members: [
        memberRow({ id: 'M-000001', plan: 'MAPD', enrolled: '2026-06-01' }),
        memberRow({ id: 'M-000002', plan: 'Commercial', enrolled: '2020-01-01' }),
        memberRow({ id: 'M-000003', plan: 'MAPD', enrolled: '2026-06-01' }),
      ],
      ...rowsOf(list),
    });
    expect(snapshot(deps.store).daily).toEqual([
      { date: '2026-11-20', journey: 'billing', segment: 'MAPD New', device: 'mobile', channel: 'app', calls: 2, cost: 16, repeats: 1, sentiment_end_sum: 0.5, sentiment_end_n: 1, handle_seconds: 720 },
      { date: '2026-11-20', journey: 'billing', segment: 'MAPD New', device: 'tablet', channel: 'app', calls: 1, cost: 8, repeats: 0, sentiment_end_sum: 1, sentiment_end_n: 1, handle_seconds: 60 },
      { date: '2026-11-20', journey: 'pharmacy', segment: 'Commercial', device: 'desktop', channel: 'web', calls: 1, cost: 8, repeats: 0, sentiment_end_sum: -0.5, sentiment_end_n: 1, handle_seconds: 600 },
    ]);
    expect(snapshot(deps.store).segments).toEqual([
      { date: '2026-11-20', journey: 'billing', segment: 'MAPD New', calls: 3, cost: 24, repeats: 1, members: 2, sentiment_end_sum: 1.5, sentiment_end_n: 2 },
      { date: '2026-11-20', journey: 'pharmacy', segment: 'Commercial', calls: 1, cost: 8, repeats: 0, members: 1, sentiment_end_sum: -0.5, sentiment_end_n: 1 },
    ]);
  });

  it('cost is leaked calls × LEAK_COST_PER_CALL', async () => {
    const deps = makeDeps({ env: { LEAK_COST_PER_CALL: '7.5' } });
    await load(deps, rowsOf([leakAt('M-000001', '2026-11-20T14:00:00Z'), leakAt('M-000002', '2026-11-20T14:00:00Z'), leakAt('M-000003', '2026-11-20T14:00:00Z')]));
    expect(snapshot(deps.store).segments.map((r) => [r.calls, r.cost])).toEqual([[3, 22.5]]);
  });
});

describe('day = local date of the call’s start in LEAK_TZ', () => {
  // 2026-11-21T04:59Z is 23:59 on the 20th in New York; 05:01Z is 00:01 on the 21st.
  const list = () => [leakAt('M-000001', '2026-11-21T04:59:00Z'), leakAt('M-000002', '2026-11-21T05:01:00Z')];

  it('a call at 23:59 and one at 00:01 local land on different days', async () => {
    const deps = makeDeps();
    await load(deps, rowsOf(list()));
    expect(table(deps.store, 'digital_call_leakage', 'call_id').map((r) => [r.local_date, r.local_minute])).toEqual([
      ['2026-11-20', 1439],
      ['2026-11-21', 1],
    ]);
    expect(snapshot(deps.store).segments.map((r) => [r.date, r.calls])).toEqual([['2026-11-20', 1], ['2026-11-21', 1]]);
  });

  it('in UTC both are on the 21st', async () => {
    const deps = makeDeps({ env: { LEAK_TZ: 'UTC' } });
    await load(deps, rowsOf(list()));
    expect(snapshot(deps.store).segments.map((r) => [r.date, r.calls])).toEqual([['2026-11-21', 2]]);
  });

  it('on DST change days in New York calls are bucketed by the offset in force at that instant', async () => {
    const deps = makeDeps();
    await load(deps, rowsOf([
      leakAt('M-000001', '2026-03-08T04:30:00Z'), // 23:30 EST on 03-07
      leakAt('M-000002', '2026-03-08T05:00:00Z'), // 00:00 EST on 03-08
      leakAt('M-000003', '2026-03-09T03:59:00Z'), // 23:59 EDT on 03-08
      leakAt('M-000004', '2026-03-09T04:00:00Z'), // 00:00 EDT on 03-09
      leakAt('M-000005', '2026-11-01T03:59:00Z'), // 23:59 EDT on 10-31
      leakAt('M-000006', '2026-11-01T05:30:00Z'), // 01:30 EDT on 11-01 (first)
      leakAt('M-000007', '2026-11-01T06:30:00Z'), // 01:30 EST on 11-01 (second)
      leakAt('M-000008', '2026-11-02T04:30:00Z'), // 23:30 EST on 11-01
      leakAt('M-000009', '2026-11-02T05:00:00Z'), // 00:00 EST on 11-02
    ]));
    expect(table(deps.store, 'digital_call_leakage', 'member_id').map((r) => [r.local_date, r.local_minute])).toEqual([
      ['2026-03-07', 1410],
      ['2026-03-08', 0],
      ['2026-03-08', 1439],
      ['2026-03-09', 0],
      ['2026-10-31', 1439],
      ['2026-11-01', 90],
      ['2026-11-01', 90],
      ['2026-11-01', 1410],
      ['2026-11-02', 0],
    ]);
    expect(snapshot(deps.store).segments.filter((r) => r.date === '2026-03-08' || r.date === '2026-11-01').map((r) => [r.date, r.calls])).toEqual([
      ['2026-03-08', 2],
      ['2026-11-01', 3],
    ]);
  });
});

describe('savings_model: the mean of the 7 days before each date (days before the first call not counted)', () => {
  it('worked by hand for a small history', async () => {
    const deps = makeDeps();
    // billing leaks: 11-10 ×2, 11-12 ×1, 11-17 ×4 (14:00Z is morning in New York).
    const days = ['10', '10', '12', '17', '17', '17', '17'];
    await load(deps, rowsOf(days.map((d, i) => leakAt(`M-00000${i + 1}`, `2026-11-${d}T14:00:00Z`))));
    const rows = table(deps.store, 'savings_model', 'date').map((r) => [r.date, r.calls, Number((r.baseline_calls_per_day as number).toFixed(4)), r.annual_cost]);
    const per = (n: number, d: number) => Number((n / d).toFixed(4));
    expect(rows).toEqual([
      ['2026-11-11', 0, 2, 2 * 8 * 365],
      ['2026-11-12', 1, 1, 1 * 8 * 365],
      ['2026-11-13', 0, 1, 1 * 8 * 365],
      ['2026-11-14', 0, 0.75, 0.75 * 8 * 365],
      ['2026-11-15', 0, 0.6, 0.6 * 8 * 365],
      ['2026-11-16', 0, 0.5, 0.5 * 8 * 365],
      ['2026-11-17', 4, per(3, 7), (3 / 7) * 8 * 365],
      ['2026-11-18', 0, per(5, 7), (5 / 7) * 8 * 365],
    ]);
  });

  it('a later non-leaked call (which extends the store’s last day) gives the same model as loading it first', async () => {
    const leak = rowsOf([leakAt('M-000001', '2026-11-10T14:00:00Z')]);
    const quiet = callRow({ id: 'quiet', member: 'M-000099', start: '2026-11-14T14:00:00Z' });
    const inc = makeDeps();
    await load(inc, leak);
    await load(inc, { calls: [quiet] });
    const fresh = makeDeps();
    await load(fresh, { digital: leak.digital, calls: [...leak.calls, quiet] });
    expect(table(fresh.store, 'savings_model', 'date').map((r) => r.date)).toEqual(['2026-11-11', '2026-11-12', '2026-11-13', '2026-11-14', '2026-11-15']);
    expect(snapshot(inc.store)).toEqual(snapshot(fresh.store));
  });

  it('an earlier non-leaked call (which moves the store’s first day) gives the same model as loading it first', async () => {
    const leak = rowsOf([leakAt('M-000001', '2026-11-10T14:00:00Z')]);
    const early = callRow({ id: 'early', member: 'M-000099', start: '2026-11-05T14:00:00Z' });
    const inc = makeDeps();
    await load(inc, leak);
    await load(inc, { calls: [early] });
    const fresh = makeDeps();
    await load(fresh, { digital: leak.digital, calls: [early, ...leak.calls] });
    // 11-11: the 7 days before run from 11-05 (the first call) → 6 days covered, 1 call.
    expect(table(fresh.store, 'savings_model', 'date').find((r) => r.date === '2026-11-11')).toMatchObject({ calls: 0, baseline_calls_per_day: 1 / 6 });
    expect(snapshot(inc.store)).toEqual(snapshot(fresh.store));
  });
});
