import { describe, expect, it } from 'vitest';
import { makeDeps } from '../helpers/store.ts';
import { callRow, eventRow, load, memberRow } from '../helpers/leak-fixture.ts';
import { queryToday } from '../../src/leakage/today.ts';
import { pctChange } from '../../src/format.ts';
import todayCommand from '../../commands/today.ts';
import { addDays } from '../../src/time.ts';
import { parseCommandArgs } from '../../commands/invocation.ts';
import simulateCommand from '../../commands/simulate.ts';

let seq = 0;
/** `n` leaked calls on local `date` for `journey`, by `owner` (else one member each), at 14:00Z + k minutes (morning in New York). */
function leaks(date: string, journey: string, n: number, owner?: string, hour = '14') {
  const digital: string[] = [];
  const calls: string[] = [];
  for (let k = 0; k < n; k++) {
    const id = `t${++seq}`;
    const member = owner ?? `M-${900000 + seq}`; // its own member, so no call borrows another's failure
    const start = Date.parse(`${date}T${hour}:00:00Z`) + k * 60_000;
    digital.push(eventRow({ id: `${id}e`, member, ts: new Date(start - 120_000).toISOString(), outcome: 'error', journey }));
    calls.push(callRow({ id: `${id}c`, member, start: new Date(start).toISOString() }));
  }
  return { digital, calls };
}
const merge = (...parts: { digital: string[]; calls: string[] }[]) => ({ digital: parts.flatMap((p) => p.digital), calls: parts.flatMap((p) => p.calls) });

const D = '2026-11-20';
async function history(env?: Record<string, string>, now?: string) {
  const deps = makeDeps({ env, now });
  const parts = [
    leaks(D, 'billing', 2, 'M-000001'), // MAPD Tenured
    leaks(D, 'billing', 1, 'M-000002'), // Commercial
    leaks(D, 'pharmacy', 1),
    leaks(D, 'id_card', 1),
    leaks(addDays(D, -8), 'billing', 5), // outside the 7 days before
    leaks(addDays(D, -18), 'billing', 1), // the store's first day: it does not shorten today's mean
    leaks(addDays(D, -1), 'claims', 1),
    ...[-7, -6, -5, -4, -3, -2, -1].map((d) => leaks(addDays(D, d), 'billing', 2)), // 14 → mean 2
    leaks(addDays(D, -7), 'pharmacy', 1),
    leaks(addDays(D, -5), 'pharmacy', 1),
    leaks(addDays(D, -1), 'pharmacy', 1), // 3 → mean 3/7
    leaks(addDays(D, 1), 'billing', 4), // after the day: ignored
  ];
  await load(deps, {
    members: [memberRow({ id: 'M-000001', plan: 'MAPD', enrolled: '2015-01-01' }), memberRow({ id: 'M-000002', plan: 'Commercial', enrolled: '2015-01-01' })],
    ...merge(...parts),
  });
  return deps;
}

describe('the trend (pctChange) = 100 × (calls − mean of the 7 days before) / mean, one decimal, null when the mean is 0', () => {
  it('worked examples', () => {
    expect(pctChange(2, 3)).toBe(50);
    expect(pctChange(3 / 7, 1)).toBe(133.3);
    expect(pctChange(3, 2)).toBe(-33.3);
    expect(pctChange(2, 0)).toBe(-100);
    expect(pctChange(2, 2)).toBe(0);
    expect(pctChange(0, 1)).toBeNull();
    expect(pctChange(0, 0)).toBeNull();
  });
});

describe('today --date', () => {
  it('answers a past day from gold: calls, cost, top segment and trend per journey, worked by hand', async () => {
    const deps = await history();
    const r = queryToday(deps, D);
    expect(r).toMatchObject({ date: D, time_zone: 'America/New_York', partial_through: null });
    // Same weekday (a Friday): D-7 and D-14 are in the store (its first day is D-18), D-21 and D-28 are not.
    // billing 3 against (2 + 0) / 2 = 1 → +200%; pharmacy 1 against (1 + 0) / 2 → +100%; id_card 0 on those days (and
    // the 7 before): means of 0, and no percentage of nothing.
    expect(r.journeys).toEqual([
      { journey: 'billing', calls: 3, cost: 24, top_segment: 'MAPD Tenured', trend_pct: 50, weekday_pct: 200, prior_mean: 2, weekday_mean: 1 },
      { journey: 'id_card', calls: 1, cost: 8, top_segment: 'Unknown', trend_pct: null, weekday_pct: null, prior_mean: 0, weekday_mean: 0 },
      { journey: 'pharmacy', calls: 1, cost: 8, top_segment: 'Unknown', trend_pct: 133.3, weekday_pct: 100, prior_mean: 0.43, weekday_mean: 0.5 },
    ]);
    // total: 5 calls against (14 + 3 + 1) / 7 a day → 100 × (5 − 18/7) / (18/7) = 94.4; against (3 + 0) / 2 Fridays → 233.3
    expect(r.total).toEqual({ calls: 5, cost: 40, trend_pct: 94.4, weekday_pct: 233.3, prior_mean: 2.57, weekday_mean: 1.5 });
    expect(r.headline).toBe('Your single biggest leak on 2026-11-20 is billing: 3 calls, $24, and it\'s spiking (+50.0% vs 7-day average, +200.0% vs the last 2 Fridays).');
  });

  it('follows LEAK_COST_PER_CALL', async () => {
    const deps = await history({ LEAK_COST_PER_CALL: '12.5' });
    expect(queryToday(deps, D).total).toEqual({ calls: 5, cost: 62.5, trend_pct: 94.4, weekday_pct: 233.3, prior_mean: 2.57, weekday_mean: 1.5 });
  });

  it('a day without leaks', async () => {
    const deps = await history();
    const r = queryToday(deps, '2026-12-25');
    expect(r).toMatchObject({ journeys: [], total: { calls: 0, cost: 0, trend_pct: null }, headline: 'No leaked calls on 2026-12-25.' });
  });

  it('says "1 call", not "1 calls"', async () => {
    const deps = makeDeps();
    await load(deps, leaks(D, 'billing', 1));
    expect(queryToday(deps, D).headline).toBe('Your single biggest leak on 2026-11-20 is billing: 1 call, $8, with no earlier week to compare.');
  });

  it('for today counts up to the current minute, and compares with the same hours of the 7 days before', async () => {
    // now = 10:00 in New York; calls at 09:00 (14:00Z) count, calls at 11:00 (16:00Z) do not yet.
    const deps = makeDeps({ now: `${D}T15:00:00Z` });
    await load(deps, merge(
      leaks(D, 'billing', 2, 'M-000001', '14'),
      leaks(D, 'billing', 3, 'M-000002', '16'),
      leaks(addDays(D, -1), 'billing', 7, 'M-000003', '14'),
      leaks(addDays(D, -1), 'billing', 7, 'M-000004', '16'),
      leaks(addDays(D, -18), 'claims', 1), // the store's first day: all 7 days before are held
    ));
    const r = queryToday(deps, D);
    expect(r.partial_through).toBe('10:00');
    // 2 so far against 7/7 = 1 a day by this hour → +100%
    expect(r.journeys).toEqual([{ journey: 'billing', calls: 2, cost: 16, top_segment: 'Unknown', trend_pct: 100, weekday_pct: null, prior_mean: 1, weekday_mean: 0 }]);
    expect(todayCommand.renderText(r)).toContain('2026-11-20 so far (through 10:00 America/New_York)');
  });

  it('for today counts only as far as the data reaches: a stream that stopped does not slide the trend, and the answer says since when', async () => {
    // Today's last call is at 09:01 in New York; the day before had 7 calls at 08:00-08:06 and 7 at 10:00-10:06.
    const stopped = merge(
      leaks(D, 'billing', 2, 'M-000001', '14'),
      leaks(addDays(D, -1), 'billing', 7, 'M-000003', '13'),
      leaks(addDays(D, -1), 'billing', 7, 'M-000004', '15'),
      leaks(addDays(D, -18), 'claims', 1), // the store's first day: all 7 days before are held
    );
    const at = async (nowUtc: string) => {
      const deps = makeDeps({ now: nowUtc });
      await load(deps, stopped);
      return queryToday(deps, D);
    };
    // At 09:10 and at 10:30 alike: 2 calls through 09:01 against 7/7 = 1 a day by 09:01 → +100%.
    // (Counting to the wall clock at 10:30 compared with 14/7 = 2 a day: 0%, sliding as the clock ran.)
    const early = await at(`${D}T14:10:00Z`);
    const late = await at(`${D}T15:30:00Z`);
    for (const r of [early, late]) {
      expect(r.partial_through).toBe('09:01');
      expect(r.journeys).toEqual([{ journey: 'billing', calls: 2, cost: 16, top_segment: 'Unknown', trend_pct: 100, weekday_pct: null, prior_mean: 1, weekday_mean: 0 }]);
    }
    expect([early.stale, early.data_note]).toEqual([false, null]);
    expect(late.stale).toBe(true);
    expect(late.data_note).toBe("No new data since 09:01 (now 10:30): today's counts and the trend's comparison hours stop there.");
    const text = todayCommand.renderText(late).split('\n');
    expect(text.slice(-2)).toEqual([
      '2026-11-20 so far (through 09:01 America/New_York, the newest data); trend compares the same hours of the 7 days before, and of the same weekday up to 4 weeks back.',
      "No new data since 09:01 (now 10:30): today's counts and the trend's comparison hours stop there.",
    ]);
  });

  it('for today with no data yet: nothing counted, and the newest data named', async () => {
    const deps = makeDeps({ now: `${addDays(D, 1)}T15:00:00Z` });
    await load(deps, leaks(D, 'billing', 3, 'M-000001', '14'));
    const r = queryToday(deps, addDays(D, 1));
    expect(r).toMatchObject({ partial_through: '00:00', stale: true, journeys: [], total: { calls: 0, trend_pct: null } });
    expect(r.data_note).toBe('No data yet today: the newest is from 2026-11-20 09:02, so nothing today is counted yet.');
  });

  it('a simulated store reaches as far as the simulator wrote, even through a quiet hour with no call', async () => {
    const deps = makeDeps({ now: '2026-11-24T08:20:00Z' });
    const inv = parseCommandArgs(simulateCommand, ['--days', '1', '--scale', '0.002', '--end', '2026-11-24T08:10:00Z'], deps);
    await inv.cmd.run(inv.args, deps);
    const newestCall = deps.store.sqlite.prepare("SELECT max(started_at) FROM call_logs_cleaned WHERE local_date = '2026-11-24'").pluck().get() as number;
    expect(newestCall).toBeLessThan(Date.parse('2026-11-24T08:10:00Z'));
    const r = queryToday(deps, '2026-11-24');
    // 03:10 in New York, where the simulator stopped; ten minutes ago, so not stale.
    expect([r.partial_through, r.stale, r.data_note]).toEqual(['03:10', false, null]);
  });

  it('a young store: the 7-day mean counts only the days it holds, never the days before its first call as zero', async () => {
    // The store starts the day before D with 4 billing calls: the mean is 4 a day, not 4/7.
    const deps = makeDeps();
    await load(deps, merge(leaks(addDays(D, -1), 'billing', 4), leaks(D, 'billing', 2)));
    const r = queryToday(deps, D);
    expect(r.journeys).toEqual([{ journey: 'billing', calls: 2, cost: 16, top_segment: 'Unknown', trend_pct: -50, weekday_pct: null, prior_mean: 4, weekday_mean: null }]);
    expect(r.headline).toBe("Your single biggest leak on 2026-11-20 is billing: 2 calls, $16, and it's easing (-50.0% vs 7-day average).");
  });

  it("judges spiking and easing against the same weekday: a quiet Sunday is the week's rhythm, not news", async () => {
    // Four weeks of 10 billing calls on weekdays and 4 on weekends; this Sunday has 4 again.
    const sunday = '2026-11-22';
    const weeks = Array.from({ length: 28 }, (_, i) => addDays(sunday, -28 + i)).map((d) => {
      const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
      return leaks(d, 'billing', weekday === 0 || weekday === 6 ? 4 : 10);
    });
    const deps = makeDeps();
    await load(deps, merge(...weeks, leaks(sunday, 'billing', 4)));
    const r = queryToday(deps, sunday);
    // 7 days before: 5 × 10 + 2 × 4 = 58 → mean 8.29, so 4 reads −51.7%; the last 4 Sundays had 4 each → 0%.
    expect(r.journeys[0]).toMatchObject({ calls: 4, trend_pct: -51.7, weekday_pct: 0 });
    expect(r.headline).toBe('Your single biggest leak on 2026-11-22 is billing: 4 calls, $32, in line with the last 4 Sundays (-51.7% vs 7-day average, 0.0% vs the last 4 Sundays).');
  });

  it('renders a readable table', async () => {
    const deps = await history();
    const text = todayCommand.renderText(queryToday(deps, D));
    expect(text.split('\n').slice(2)).toEqual([
      'journey   calls  cost   top segment  trend vs 7d  vs Fridays',
      '--------  -----  ----  ------------  -----------  ----------',
      'billing       3   $24  MAPD Tenured       +50.0%     +200.0%',
      'id_card       1    $8       Unknown          n/a         n/a',
      'pharmacy      1    $8       Unknown      +133.3%     +100.0%',
      'total         5   $40                     +94.4%     +233.3%',
      '',
      '2026-11-20, whole day (America/New_York); trend compares with the mean of the 7 days before, and with the same weekday up to 4 weeks back.',
    ]);
  });
});
