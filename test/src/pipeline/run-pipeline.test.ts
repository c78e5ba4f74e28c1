import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { callRow, eventRow, leaked, load, memberRow, shuffle, snapshot, type Rows } from '../../helpers/leak-fixture.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { registerSqlFunctions } from '../../../src/pipeline/sql-functions.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { queryToday } from '../../../src/leakage/today.ts';
import { addDays, zoneClock } from '../../../src/time.ts';

/**
 * Twelve days of a dozen members: failures followed by calls at various gaps (some inside the
 * window, some outside, some rescued by a completion), plus stray calls that only move repeat
 * flags and the store's first and last call dates. Deterministic.
 */
function dataset(): Required<Rows> {
  let s = 99;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const journeys = ['billing', 'id_card', 'pharmacy'];
  const members = Array.from({ length: 12 }, (_, i) => `M-${String(i + 1).padStart(6, '0')}`);
  const forms = (id: string, k: number) => [id, id.replace('-', '').toLowerCase(), id.replace('-', ''), ` ${id.slice(2)} `][k % 4];
  const digital: string[] = [];
  const calls: string[] = [];
  let n = 0;
  for (let d = 0; d < 12; d++) {
    const date = addDays('2026-11-09', d);
    for (let k = 0; k < 6; k++) {
      n++;
      const member = members[Math.floor(rand() * members.length)];
      const base = Date.parse(`${date}T${String(10 + Math.floor(rand() * 13)).padStart(2, '0')}:00:00Z`);
      const ts = (ms: number) => new Date(ms).toISOString();
      const journey = journeys[n % 3];
      digital.push(eventRow({ id: `e${n}`, member: forms(member, n), session: `s${n}`, ts: ts(base), outcome: rand() < 0.7 ? 'error' : 'abandon', journey, device: ['mobile', 'desktop', 'tablet'][n % 3], channel: n % 2 ? 'app' : 'web' }));
      if (rand() < 0.25) digital.push(eventRow({ id: `e${n}c`, member, session: `s${n}`, ts: ts(base + 600_000), outcome: 'complete', journey }));
      digital.push(eventRow({ id: `e${n}ok`, member, session: `s${n}`, ts: ts(base - 60_000), outcome: 'ok', journey }));
      const gap = [5, 15, 29, 30, 31, 45][Math.floor(rand() * 6)] * 60_000;
      calls.push(callRow({ id: `c${n}`, member: forms(member, n + 1), start: ts(base + gap), s1: (rand() * 2 - 1).toFixed(2) }));
      if (rand() < 0.3) calls.push(callRow({ id: `c${n}b`, member, start: ts(base + gap + 120_000) }));
    }
  }
  calls.push(callRow({ id: 'early', member: 'M-000001', start: '2026-11-02T15:00:00Z' }));
  calls.push(callRow({ id: 'late', member: 'M-000002', start: '2026-11-23T15:00:00Z' }));
  const plans = ['MAPD', 'Commercial', 'Medicaid', 'ACA'];
  const memberRows = members.slice(0, 11).map((id, i) => memberRow({ id, plan: plans[i % 4], enrolled: i % 2 ? '2026-01-15' : '2019-03-01', language: i % 3 ? 'en' : 'es', birth: String(1940 + i * 5) }));
  return { members: memberRows, digital, calls };
}

async function inOrder(env?: Record<string, string>) {
  const deps = makeDeps({ env });
  await load(deps, dataset());
  return deps;
}

describe('order independence: any arrival order gives the same silver leakage and gold, whole tables', () => {
  it('the dataset is not trivial: it has leaked and unleaked calls, repeats, several segments and days', async () => {
    const deps = await inOrder();
    const snap = snapshot(deps.store);
    const calls = deps.store.sqlite.prepare('SELECT count(*) FROM call_logs_cleaned').pluck().get() as number;
    expect(snap.leakage.length).toBeGreaterThan(20);
    expect(snap.leakage.length).toBeLessThan(calls);
    expect(snap.leakage.some((r) => r.is_repeat === 1)).toBe(true);
    expect(new Set(snap.leakage.map((r) => r.segment)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(snap.daily.map((r) => r.date)).size).toBeGreaterThanOrEqual(10);
    expect(snap.savings.length).toBeGreaterThan(10);
  });

  it('calls before digital events before members, each with its own pipeline run', async () => {
    const expected = snapshot((await inOrder()).store);
    const data = dataset();
    const deps = makeDeps();
    await load(deps, { calls: data.calls });
    await load(deps, { digital: data.digital });
    await load(deps, { members: data.members });
    expect(snapshot(deps.store)).toEqual(expected);
  });

  it('shuffled rows split across three files per source, interleaved, pipeline after every file', async () => {
    const expected = snapshot((await inOrder()).store);
    const data = dataset();
    const parts = <T>(list: T[]) => [list.filter((_, i) => i % 3 === 0), list.filter((_, i) => i % 3 === 1), list.filter((_, i) => i % 3 === 2)];
    const [d, c, m] = [parts(shuffle(data.digital, 3)), parts(shuffle(data.calls, 5)), parts(shuffle(data.members, 11))];
    const deps = makeDeps();
    for (let i = 2; i >= 0; i--) {
      await load(deps, { calls: c[i] });
      await load(deps, { members: m[i] });
      await load(deps, { digital: d[i] });
    }
    expect(snapshot(deps.store)).toEqual(expected);
  });

  it('today’s JSON is identical too', async () => {
    const a = await inOrder();
    const data = dataset();
    const b = makeDeps();
    await load(b, { calls: shuffle(data.calls), digital: shuffle(data.digital), members: data.members }, ['calls', 'digital', 'members']);
    for (const date of ['2026-11-15', '2026-11-20']) expect(queryToday(b, date)).toEqual(queryToday(a, date));
    expect(queryToday(a, '2026-11-20').total.calls).toBeGreaterThan(0);
  });
});

describe('idempotent loading', () => {
  it('the same file imported twice is recognised and changes nothing', async () => {
    const deps = makeDeps();
    const dir = tempDir();
    const data = dataset();
    const file = writeCsv(dir, 'calls.csv', CALL_HEADER, data.calls);
    await load(deps, { members: data.members, digital: data.digital });
    const first = await importCsvFile(deps.store, 'calls', file);
    runPipeline(deps.store, deps.config);
    const before = snapshot(deps.store);
    const again = await importCsvFile(deps.store, 'calls', file);
    expect(again.skipped).toEqual({ batchId: first.batchId });
    expect(again.loaded).toBe(0);
    expect(runPipeline(deps.store, deps.config).changedDays).toEqual([]);
    expect(snapshot(deps.store)).toEqual(before);
    expect(deps.store.sqlite.prepare('SELECT count(*) FROM call_logs_raw').pluck().get()).toBe(data.calls.length);
  });

  it('an overlapping file (same ids, different file) changes nothing either', async () => {
    const deps = await inOrder();
    const before = snapshot(deps.store);
    const data = dataset();
    const r = await load(deps, { calls: shuffle(data.calls).slice(0, 30), digital: data.digital.slice(10, 60) });
    expect(r.batches).toBe(2);
    expect(snapshot(deps.store)).toEqual(before);
  });

  it('running the pipeline again with nothing new does nothing', async () => {
    const deps = await inOrder();
    const before = snapshot(deps.store);
    expect(runPipeline(deps.store, deps.config)).toMatchObject({ batches: 0, changedDays: [], full: false });
    expect(snapshot(deps.store)).toEqual(before);
  });
});

describe('a corrected row replaces the old one, and the numbers follow', () => {
  const T = (hm: string) => `2026-11-20T${hm}:00Z`;
  const base = {
    digital: [eventRow({ id: 'e1', member: 'M-000001', ts: T('14:00'), outcome: 'error', journey: 'billing' })],
    calls: [callRow({ id: 'c1', member: 'M-000001', start: T('14:10') })],
  };

  it('a call moved outside the window stops being leaked; moved back, it leaks again', async () => {
    const deps = makeDeps();
    await load(deps, base);
    expect(leaked(deps.store)).toEqual({ c1: 'e1' });
    await load(deps, { calls: [callRow({ id: 'c1', member: 'M-000001', start: T('15:10') })] });
    expect(leaked(deps.store)).toEqual({});
    expect(queryToday(deps, '2026-11-20').total).toMatchObject({ calls: 0, cost: 0 });
    expect(snapshot(deps.store).daily).toEqual([]);
    await load(deps, { calls: [callRow({ id: 'c1', member: 'm1', start: T('14:20') })] });
    expect(leaked(deps.store)).toEqual({ c1: 'e1' });
  });

  it('a failure corrected to "ok" un-leaks its call; a journey correction re-attributes it', async () => {
    const deps = makeDeps();
    await load(deps, base);
    await load(deps, { digital: [eventRow({ id: 'e1', member: 'M-000001', ts: T('14:00'), outcome: 'error', journey: 'pharmacy' })] });
    expect(snapshot(deps.store).daily.map((r) => [r.journey, r.calls])).toEqual([['pharmacy', 1]]);
    await load(deps, { digital: [eventRow({ id: 'e1', member: 'M-000001', ts: T('14:00'), outcome: 'ok' })] });
    expect(leaked(deps.store)).toEqual({});
    expect(snapshot(deps.store).daily).toEqual([]);
  });

  it('a call re-assigned to another member follows that member’s failures', async () => {
    const deps = makeDeps();
    await load(deps, { ...base, digital: [...base.digital, eventRow({ id: 'e2', member: 'M-000002', ts: T('13:00'), outcome: 'error', journey: 'claims' })] });
    await load(deps, { calls: [callRow({ id: 'c1', member: 'M-000002', start: T('13:20') })] });
    expect(leaked(deps.store)).toEqual({ c1: 'e2' });
  });

  it('a member profile corrected from MAPD to Medicaid moves the call’s segment in gold', async () => {
    const deps = makeDeps();
    await load(deps, { ...base, members: [memberRow({ id: 'M-000001', plan: 'MAPD', enrolled: '2026-01-01' })] });
    expect(snapshot(deps.store).segments.map((r) => r.segment)).toEqual(['MAPD New']);
    await load(deps, { members: [memberRow({ id: '000001', plan: 'Medicaid', enrolled: '2026-01-01' })] });
    expect(snapshot(deps.store).segments.map((r) => r.segment)).toEqual(['Medicaid']);
  });

  it('within one file the later line for an id wins', async () => {
    const deps = makeDeps();
    await load(deps, { digital: base.digital, calls: [callRow({ id: 'c1', member: 'M-000001', start: T('14:10') }), callRow({ id: 'c1', member: 'M-000001', start: T('15:10') })] });
    expect(leaked(deps.store)).toEqual({});
    expect(deps.store.sqlite.prepare('SELECT count(*) FROM call_logs_cleaned').pluck().get()).toBe(1);
  });

  it('corrections applied in one pipeline run: the later file wins even when it sorts first by member', async () => {
    // Silver applies staged rows in member order; the raw_id guard must keep "later file wins".
    const deps = makeDeps();
    const dir = tempDir();
    const files = [
      writeCsv(dir, 'd1.csv', DIGITAL_HEADER, [eventRow({ id: 'e1', member: 'M-000009', ts: T('14:00'), outcome: 'error', journey: 'billing' })]),
      writeCsv(dir, 'd2.csv', DIGITAL_HEADER, [eventRow({ id: 'e1', member: 'M-000001', ts: T('13:00'), outcome: 'error', journey: 'pharmacy' })]),
      writeCsv(dir, 'c1.csv', CALL_HEADER, [callRow({ id: 'c1', member: 'M-000009', start: T('14:10') })]),
      writeCsv(dir, 'c2.csv', CALL_HEADER, [callRow({ id: 'c1', member: 'M-000001', start: T('13:10') })]),
    ];
    for (const [i, f] of files.entries()) await importCsvFile(deps.store, i < 2 ? 'digital' : 'calls', f);
    expect(runPipeline(deps.store, deps.config).batches).toBe(4);
    expect(deps.store.sqlite.prepare('SELECT member_id, journey FROM digital_journeys_cleaned').all()).toEqual([{ member_id: 'M-000001', journey: 'pharmacy' }]);
    expect(deps.store.sqlite.prepare('SELECT member_id FROM call_logs_cleaned').pluck().all()).toEqual(['M-000001']);
    expect(leaked(deps.store)).toEqual({ c1: 'e1' });
    expect(snapshot(deps.store).daily.map((r) => r.journey)).toEqual(['pharmacy']);
  });

  it('moving an earlier call away clears the repeat flag it gave a later leaked call', async () => {
    const deps = makeDeps();
    await load(deps, { ...base, calls: [...base.calls, callRow({ id: 'c0', member: 'M-000001', start: '2026-11-18T14:00:00Z' })] });
    expect(snapshot(deps.store).leakage.map((r) => [r.call_id, r.is_repeat])).toEqual([['c1', 1]]);
    await load(deps, { calls: [callRow({ id: 'c0', member: 'M-000001', start: '2026-11-01T14:00:00Z' })] });
    expect(snapshot(deps.store).leakage.map((r) => [r.call_id, r.is_repeat])).toEqual([['c1', 0]]);
    expect(snapshot(deps.store).daily.map((r) => r.repeats)).toEqual([0]);
  });

  it('re-importing the original file after a correction (A, B, A) brings the original values back', async () => {
    const deps = makeDeps();
    const dir = tempDir();
    const a = writeCsv(dir, 'a.csv', CALL_HEADER, [callRow({ id: 'c1', member: 'M-000001', start: T('14:10') })]);
    const b = writeCsv(dir, 'b.csv', CALL_HEADER, [callRow({ id: 'c1', member: 'M-000001', start: T('15:10') })]);
    await load(deps, { digital: base.digital });
    for (const file of [a, b, a]) {
      await importCsvFile(deps.store, 'calls', file);
      runPipeline(deps.store, deps.config);
    }
    expect(leaked(deps.store)).toEqual({ c1: 'e1' });
    expect((await importCsvFile(deps.store, 'calls', a)).skipped).toBeDefined();
  });

  it('after corrections the store equals a fresh store loaded with the final rows', async () => {
    const data = dataset();
    const deps = await inOrder();
    // Shift every fifth call by 20 minutes and flip every seventh event to ok.
    const shifted = data.calls.filter((_, i) => i % 5 === 0).map((row) => {
      const f = row.split(',');
      f[2] = new Date(Date.parse(f[2]) + 1_200_000).toISOString();
      f[3] = new Date(Date.parse(f[3]) + 1_200_000).toISOString();
      return f.join(',');
    });
    const flipped = data.digital.filter((_, i) => i % 7 === 0).map((row) => row.replace(/,(error|abandon|complete|ok),/, ',ok,'));
    await load(deps, { calls: shifted, digital: flipped });
    const fresh = makeDeps();
    const replace = (rows: string[], fixes: string[]) => {
      const byId = new Map(rows.map((r) => [r.split(',')[0], r]));
      for (const f of fixes) byId.set(f.split(',')[0], f);
      return [...byId.values()];
    };
    await load(fresh, { members: data.members, digital: replace(data.digital, flipped), calls: replace(data.calls, shifted) });
    expect(snapshot(deps.store)).toEqual(snapshot(fresh.store));
  });
});

describe('a failed run', () => {
  it('rolls back whole, and the next run on the same connection applies everything', async () => {
    const rows = {
      members: [memberRow({ id: 'M-000001', plan: 'MAPD', enrolled: '2019-01-01' })],
      digital: [eventRow({ id: 'e1', member: 'M-000001', ts: '2026-11-14T12:00:00Z', outcome: 'error' })],
      calls: [callRow({ id: 'c1', member: 'M-000001', start: '2026-11-14T12:10:00Z' })],
    };
    const deps = makeDeps();
    const dir = tempDir();
    await importCsvFile(deps.store, 'members', writeCsv(dir, 'm.csv', MEMBER_HEADER, rows.members));
    await importCsvFile(deps.store, 'digital', writeCsv(dir, 'd.csv', DIGITAL_HEADER, rows.digital));
    await importCsvFile(deps.store, 'calls', writeCsv(dir, 'c.csv', CALL_HEADER, rows.calls));
    // A fault inside the silver transaction, once (as a disk error or a bug would).
    registerSqlFunctions(deps.store.sqlite, deps.config.timeZone);
    const clock = zoneClock(deps.config.timeZone);
    let fail = true;
    deps.store.sqlite.function('leak_local_minute', { deterministic: true }, (ms: unknown) => {
      if (fail) throw new Error('injected fault');
      return clock.localMinute(Number(ms));
    });
    expect(() => runPipeline(deps.store, deps.config)).toThrow('injected fault');
    expect(deps.store.sqlite.prepare('SELECT count(*) FROM member_profiles').pluck().get()).toBe(0);
    fail = false;
    expect(runPipeline(deps.store, deps.config).batches).toBe(3);
    const fresh = makeDeps();
    await load(fresh, rows);
    expect(snapshot(deps.store)).toEqual(snapshot(fresh.store));
    expect(leaked(deps.store)).toEqual({ c1: 'e1' });
  });
});

describe('the incremental pipeline equals a full recompute', () => {
  it('each incremental load touches only the days it can change', async () => {
    const deps = await inOrder();
    // A new member: only their own day moves.
    const r = await load(deps, {
      digital: [eventRow({ id: 'n1', member: 'M-000050', ts: '2026-11-15T18:00:00Z', outcome: 'error' })],
      calls: [callRow({ id: 'n1c', member: 'M-000050', start: '2026-11-15T18:10:00Z' })],
    });
    expect(r).toMatchObject({ full: false, changedDays: ['2026-11-15'] });
    // A known member's new call can flip the repeat flag of their calls in the 7 days after it, and no others.
    const r2 = await load(deps, { calls: [callRow({ id: 'n2c', member: 'M-000005', start: '2026-11-12T18:10:00Z' })] });
    const week = deps.store.sqlite
      .prepare("SELECT DISTINCT local_date FROM digital_call_leakage WHERE member_id = 'M-000005' AND started_at BETWEEN ? AND ? ORDER BY 1")
      .pluck()
      .all(Date.parse('2026-11-12T18:10:00Z'), Date.parse('2026-11-19T18:10:00Z'));
    expect(week.length).toBeGreaterThan(0);
    expect(r2.changedDays).toEqual(week);
  });

  for (const [key, value] of [
    ['LEAK_WINDOW_MINUTES', '10'],
    ['LEAK_COST_PER_CALL', '7.5'],
    ['LEAK_TZ', 'Asia/Tokyo'],
  ] as const) {
    it(`changing ${key} between runs recomputes everything once and matches a fresh store`, async () => {
      const file = `${tempDir()}/leak.db`;
      const before = makeDeps({ file });
      await load(before, dataset());
      before.store.close();
      const after = makeDeps({ file, env: { [key]: value } });
      const r = runPipeline(after.store, after.config);
      expect(r.full).toBe(true);
      const fresh = await inOrder({ [key]: value });
      expect(snapshot(after.store)).toEqual(snapshot(fresh.store));
      expect(runPipeline(after.store, after.config).full).toBe(false);
    });
  }
});
