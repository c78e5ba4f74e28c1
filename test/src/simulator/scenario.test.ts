import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, zoneClock } from '../../../src/time.ts';
import { ELIGIBILITY_MESSAGE } from '../../../src/simulator/pools.ts';
import { scanThresholds } from '../../../src/alerts/thresholds.ts';
import { queryAgents } from '../../../src/contact-center/agents.ts';
import { queryInteractions } from '../../../src/contact-center/interactions.ts';
import { ANCHOR, END, simulatedStore } from '../../helpers/simulated.ts';

/**
 * The default scenario at 2% scale, read back from what the pipeline computed (digital_call_leakage
 * and gold), scaled up: the story must emerge from the data, nothing here reads the scenario's numbers.
 */
const SCALE = 0.02;
let world: ReturnType<typeof simulatedStore>;
const spikeStart = addDays(ANCHOR, -14);

beforeAll(() => {
  world = simulatedStore({ seed: 7, scale: SCALE, days: 22 });
});

const all = <T>(sql: string, ...params: unknown[]) => world.deps.store.sqlite.prepare(sql).all(...params) as T[];
const one = <T>(sql: string, ...params: unknown[]) => world.deps.store.sqlite.prepare(sql).get(...params) as T;

/** Mean leaked calls a day per journey over [from, to], from gold, at full scale. */
function perDay(from: string, to: string): Map<string, number> {
  const days = Number(one<{ n: number }>(`SELECT julianday(?) - julianday(?) + 1 AS n`, to, from).n);
  const rows = all<{ journey: string; calls: number }>(
    'SELECT journey, sum(calls) AS calls FROM daily_leakage_summary WHERE date BETWEEN ? AND ? GROUP BY journey', from, to);
  return new Map(rows.map((r) => [r.journey, r.calls / days / SCALE]));
}

describe('default scenario, computed through the pipeline', () => {
  it('billing is the top leak, near 5,000 calls a day; id card ~3,000; pharmacy ~4,000; ~12K in all', () => {
    const recent = perDay(spikeStart, addDays(ANCHOR, -1));
    const ranked = [...recent].sort((a, b) => b[1] - a[1]);
    expect(ranked[0][0]).toBe('billing');
    expect(recent.get('billing')).toBeGreaterThan(4700);
    expect(recent.get('billing')).toBeLessThan(5300);
    expect(recent.get('id_card')).toBeGreaterThan(2800);
    expect(recent.get('id_card')).toBeLessThan(3200);
    expect(recent.get('pharmacy')).toBeGreaterThan(3750);
    expect(recent.get('pharmacy')).toBeLessThan(4250);
    const total = [...recent.values()].reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(11_500);
    expect(total).toBeLessThan(12_800);
  });

  it('billing rose about 14% in the first week of the incident against the week before it', () => {
    const before = perDay(addDays(spikeStart, -7), addDays(spikeStart, -1)).get('billing')!;
    const during = perDay(spikeStart, addDays(spikeStart, 6)).get('billing')!;
    const trend = (100 * (during - before)) / before;
    expect(trend).toBeGreaterThan(10);
    expect(trend).toBeLessThan(18);
    // Other journeys stay flat, so the rise is billing's own.
    const pharmacy = perDay(addDays(spikeStart, -7), addDays(spikeStart, -1)).get('pharmacy')!;
    expect(Math.abs(perDay(spikeStart, addDays(spikeStart, 6)).get('pharmacy')! / pharmacy - 1)).toBeLessThan(0.05);
  });

  it('about 78% of billing leaks carry the eligibility message and about 82% are on mobile, mostly MAPD', () => {
    const s = one<{ eligible: number; mobile: number; mapd: number }>(
      `SELECT 100.0 * avg(coalesce(error_message, '') = ?) AS eligible, 100.0 * avg(device = 'mobile') AS mobile,
         100.0 * avg(plan = 'MAPD') AS mapd
       FROM digital_call_leakage WHERE journey = 'billing' AND local_date BETWEEN ? AND ?`,
      ELIGIBILITY_MESSAGE, spikeStart, addDays(ANCHOR, -1));
    expect(s.eligible).toBeGreaterThan(75);
    expect(s.eligible).toBeLessThan(81);
    expect(s.mobile).toBeGreaterThan(79);
    expect(s.mobile).toBeLessThan(85);
    expect(s.mapd).toBeGreaterThan(55);
  });

  it('Spanish speakers are over-represented in ID card leaks; repeat callers and Monday peaks exist', () => {
    const members = one<{ es: number }>(`SELECT 100.0 * avg(language = 'es') AS es FROM member_profiles`).es;
    const idCard = one<{ es: number }>(`SELECT 100.0 * avg(language = 'es') AS es FROM digital_call_leakage WHERE journey = 'id_card'`).es;
    expect(members).toBeGreaterThan(12);
    expect(idCard).toBeGreaterThan(members + 10);
    // After a week of history, so a repeat within 7 days can be seen.
    const repeat = one<{ r: number }>('SELECT avg(is_repeat) AS r FROM digital_call_leakage WHERE local_date >= ?', spikeStart).r;
    expect(repeat).toBeGreaterThan(0.15);
    expect(repeat).toBeLessThan(0.35);
    const byWeekday = all<{ wd: string; calls: number }>(
      `SELECT strftime('%w', local_date) AS wd, count(*) * 1.0 / count(DISTINCT local_date) AS calls FROM call_logs_cleaned
       WHERE local_date < ? GROUP BY wd ORDER BY calls DESC`, ANCHOR);
    expect(byWeekday[0].wd).toBe('1');
  });
});

describe('the contact center in the default scenario', () => {
  const FIRST = addDays(ANCHOR, -22);
  const range = { from: FIRST, to: ANCHOR };

  it('handle times differ by type, with a long tail: video longest, chat shortest, a few calls over 50 minutes', () => {
    const rows = all<{ interaction: string; s: number }>(
      "SELECT interaction, (ended_at - started_at) / 1000 AS s FROM call_logs_cleaned WHERE disposition != 'abandoned' ORDER BY interaction, s");
    const of = (t: string) => rows.filter((r) => r.interaction === t).map((r) => r.s);
    const median = (t: string) => of(t)[Math.floor(of(t).length / 2)] / 60;
    expect(median('video')).toBeGreaterThan(median('voice'));
    expect(median('voice')).toBeGreaterThan(median('chat'));
    expect(median('voice')).toBeGreaterThan(5);
    expect(median('voice')).toBeLessThan(9);
    expect(median('email')).toBeGreaterThan(5);
    expect(median('email')).toBeLessThan(10);
    const over = rows.filter((r) => r.s > 3000).length / rows.length;
    expect(over).toBeGreaterThan(0.001);
    expect(over).toBeLessThan(0.006);
    expect(of('chat').filter((s) => s > 3000)).toEqual([]);
  });

  it('every operational alert rule fires over the history, at a believable rate', () => {
    // The checks a running Leak makes, once an hour over the history: each alert is counted once (its dedupe key).
    const clock = zoneClock(world.deps.config.timeZone);
    const keys = new Map<string, Set<string>>();
    for (let t = clock.startOfDay(FIRST) + 3_600_000; t <= END; t += 3_600_000) {
      for (const a of scanThresholds({ ...world.deps, now: () => t }, t)) keys.set(a.rule, (keys.get(a.rule) ?? new Set()).add(a.dedupeKey));
    }
    const count = (rule: string) => keys.get(rule)?.size ?? 0;
    const interactions = one<{ n: number }>('SELECT count(*) AS n FROM call_logs_cleaned').n;
    const days = 22.7;
    // Long: a few in a thousand interactions, about one or two a day at this scale.
    expect(count('long_interaction') / interactions).toBeGreaterThan(0.001);
    expect(count('long_interaction') / interactions).toBeLessThan(0.006);
    expect(count('failed_interaction') / interactions).toBeGreaterThan(0.06);
    expect(count('failed_interaction') / interactions).toBeLessThan(0.14);
    // A bot or a fraud probe: every few days, not every day.
    expect(count('member_failed_repeat')).toBeGreaterThanOrEqual(3);
    expect(count('member_failed_repeat')).toBeLessThan(days);
    // Agents over 25% failed: one struggling agent again and again; others once in a while, by chance.
    const agentDays = [...(keys.get('agent_failed_rate') ?? [])].map((k) => k.split(':')[1]);
    const perAgent = [...new Set(agentDays)].map((a) => agentDays.filter((x) => x === a).length).sort((a, b) => b - a);
    expect(perAgent[0]).toBeGreaterThanOrEqual(3);
    expect(perAgent[1] ?? 0).toBeLessThan(perAgent[0]);
    const agentsSeen = one<{ n: number }>("SELECT count(DISTINCT agent_id) AS n FROM call_logs_cleaned WHERE agent_id != ''").n;
    expect(agentDays.length / (agentsSeen * days)).toBeLessThan(0.05);
  });

  it('agents and interactions have something to show: one agent stands out, calls over 3000 s, the longest over 50 minutes', () => {
    const agents = queryAgents(world.deps, { ...range, minCalls: 20 });
    expect(agents.total.over_3000s).toBeGreaterThan(0);
    const [worst, next] = agents.highest_failed;
    expect(worst.failed_pct).toBeGreaterThan(1.8 * agents.lowest_failed[0].failed_pct);
    expect(worst.failed_pct).toBeGreaterThan(next.failed_pct + 5);
    expect(worst.avg_handle_seconds).toBeGreaterThan(agents.total.avg_handle_seconds!);
    expect(agents.without_agent).toBeGreaterThan(0);
    const interactions = queryInteractions(world.deps, range);
    const avg = Object.fromEntries(interactions.interactions.map((i) => [i.interaction, i.avg_seconds]));
    expect(avg.video).toBeGreaterThan(avg.voice);
    expect(avg.voice).toBeGreaterThan(avg.chat);
    expect(interactions.longest!.seconds).toBeGreaterThan(3000);
    expect(['voice', 'video']).toContain(interactions.longest!.interaction);
  });
});

describe('the incident starts with a Tuesday release', () => {
  it('on the first Tuesday at or after 14 days before the anchor: 8 to 14 days of it by the anchor', async () => {
    const { incidentStart } = await import('../../../src/simulator/scenario.ts');
    const { isoWeekday, daysBetween } = await import('../../../src/time.ts');
    expect(incidentStart('2026-11-24')).toBe('2026-11-10'); // a Tuesday anchor: exactly 14 days back
    expect(incidentStart('2026-11-29')).toBe('2026-11-17'); // a Sunday anchor: 12 days back
    for (let anchor = '2026-11-23'; anchor <= '2026-11-29'; anchor = addDays(anchor, 1)) {
      const start = incidentStart(anchor);
      expect(isoWeekday(start)).toBe(2);
      expect(daysBetween(start, anchor)).toBeGreaterThanOrEqual(8);
      expect(daysBetween(start, anchor)).toBeLessThanOrEqual(14);
    }
  });
});
