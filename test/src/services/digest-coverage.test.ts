import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../../reports/charts/render.ts';
import { startDigestSchedules } from '../../../src/services/digest-schedule.ts';
import { fireTimesBetween } from '../../helpers/cron.ts';
import { folderKey } from '../../../reports/digest/write-folder.ts';
import { addDays } from '../../../src/time.ts';
import type { Context } from '../../../src/context.ts';
import { tempDir } from '../../helpers/csv.ts';
import { makeDeps } from '../../helpers/store.ts';
import { seedLeakage } from '../../reports/digest/seed-store.ts';

const TZ = 'America/New_York';
const renderer = createChartRenderer({ pixelRatio: 1 });
let seeded: string;

beforeAll(async () => {
  seeded = path.join(tempDir(), 'seed.db');
  const deps = makeDeps({ file: seeded });
  await seedLeakage(deps, { endDate: '2026-12-06', days: 40, scale: 0.3 });
  deps.store.close();
});

/** A copy of the seeded store with its own ledger, a digest folder, and a clock the test moves. */
function setUp(cron: string) {
  const file = path.join(tempDir(), 'leak.db');
  const seed = makeDeps({ file: seeded });
  seed.store.sqlite.exec(`VACUUM INTO '${file}'`);
  seed.store.close();
  const dir = path.join(tempDir(), 'digests');
  const clock = { now: 0 };
  const deps = makeDeps({ file, env: { LEAK_TZ: TZ, LEAK_DIGEST_DIR: dir, LEAK_DIGEST_CRON: cron } });
  const ctx: Context = { ...deps, now: () => clock.now };
  return { ctx, dir, clock };
}

/** Runs the folder digest at each of the schedule's fire times in [from, to), as node-cron would. */
async function runSchedule(ctx: Context, dir: string, clock: { now: number }, cron: string, from: string, to: string) {
  clock.now = Date.parse(from);
  const schedules = startDigestSchedules(ctx, { folder: { dir, cron }, renderer, log: () => undefined });
  await schedules.catchUp;
  await schedules.stop();
  for (const t of fireTimesBetween(cron, TZ, Date.parse(from), Date.parse(to) - 1)) {
    clock.now = t;
    await schedules.run(schedules.targets[0]);
  }
}

function covered(ctx: Context, dir: string): { from: string; to: string }[] {
  return (ctx.store.sqlite
    .prepare("SELECT from_date AS [from], digest_date AS [to] FROM digest_posts WHERE channel = ? AND status = 'posted' ORDER BY digest_date")
    .all(folderKey(dir)) as { from: string; to: string }[]);
}

/** Every day from the first covered one to the last is in exactly one digest. */
function expectEveryDayOnce(spans: { from: string; to: string }[]) {
  for (let i = 1; i < spans.length; i++) expect(spans[i].from).toBe(addDays(spans[i - 1].to, 1));
  for (const s of spans) expect(s.from <= s.to).toBe(true);
}

describe('digest coverage: every day in some digest', () => {
  it('on the default schedule (08:00 Mon–Fri), Monday covers Friday to Sunday in one digest; the first covers the day before only', async () => {
    const cron = '0 8 * * 1-5';
    const { ctx, dir, clock } = setUp(cron);
    await runSchedule(ctx, dir, clock, cron, '2026-11-09T00:00:00Z', '2026-11-21T00:00:00Z');
    const spans = covered(ctx, dir);
    expectEveryDayOnce(spans);
    expect(spans[0]).toEqual({ from: '2026-11-08', to: '2026-11-08' });
    expect(spans).toContainEqual({ from: '2026-11-13', to: '2026-11-15' });
    expect(spans.at(-1)).toEqual({ from: '2026-11-19', to: '2026-11-19' });
    // Fridays and Saturdays are in a digest too.
    const days = spans.flatMap((s) => { const out = []; for (let d = s.from; d <= s.to; d = addDays(d, 1)) out.push(d); return out; });
    expect(days).toContain('2026-11-13');
    expect(days).toContain('2026-11-14');

    const folders = fs.readdirSync(dir).sort();
    expect(folders).toContain('2026-11-13_to_2026-11-15');
    expect(folders).toContain('2026-11-08');
    const monday = fs.readFileSync(path.join(dir, '2026-11-13_to_2026-11-15', 'digest.md'), 'utf8');
    expect(monday).toMatch(/^## Leak digest for Fri, Nov 13 – Sun, Nov 15, 2026\n/);
    expect(monday).toContain('3 whole days in America/New\\_York · every complete day since the last digest (2026-11-12)');
    expect(monday).toMatch(/### Day by day\n\n- Fri, Nov 13: \d+ leaked calls, .*\n- Sat, Nov 14: .*\n- Sun, Nov 15: .*\n- Total over 3 days: /);
    expect(fs.readdirSync(path.join(dir, '2026-11-13_to_2026-11-15')).sort()).toEqual(['cost-by-journey.png', 'daily-by-journey.png', 'digest.md', 'top-journey-segments.png']);
    const first = fs.readFileSync(path.join(dir, '2026-11-08', 'digest.md'), 'utf8');
    expect(first).toContain('the first digest here: it covers the previous day only');
  }, 120_000);

  it('a schedule change skips no day: weekdays, then daily at 07:00, then Mondays only', async () => {
    const { ctx, dir, clock } = setUp('0 8 * * 1-5');
    await runSchedule(ctx, dir, clock, '0 8 * * 1-5', '2026-11-16T00:00:00Z', '2026-11-21T00:00:00Z');
    await runSchedule(ctx, dir, clock, '0 7 * * *', '2026-11-21T00:00:00Z', '2026-11-24T00:00:00Z');
    await runSchedule(ctx, dir, clock, '0 8 * * 1', '2026-11-24T00:00:00Z', '2026-12-01T00:00:00Z');
    const spans = covered(ctx, dir);
    expectEveryDayOnce(spans);
    expect(spans[0].from).toBe('2026-11-15');
    expect(spans.at(-1)).toEqual({ from: '2026-11-23', to: '2026-11-29' });
  }, 120_000);

  it('on start, makes up a run missed while the process was down, covering every day since the last digest (late)', async () => {
    const cron = '0 8 * * 1-5';
    const { ctx, dir, clock } = setUp(cron);
    await runSchedule(ctx, dir, clock, cron, '2026-11-19T00:00:00Z', '2026-11-20T00:00:00Z');
    // Down from Thursday afternoon to Monday 10:00: Friday's run and Monday's 08:00 were missed.
    clock.now = Date.parse('2026-11-23T15:00:00Z');
    const lines: string[] = [];
    const started = startDigestSchedules(ctx, { folder: { dir, cron }, renderer, log: (l) => lines.push(l) });
    const outcomes = await started.catchUp;
    await started.stop();
    expect(outcomes.map((o) => [o.from, o.date, o.outcome, o.late])).toEqual([['2026-11-19', '2026-11-22', 'posted', true]]);
    expect(lines).toEqual([`digest ${dir} 2026-11-19 to 2026-11-22: written (late)`]);
    const md = fs.readFileSync(path.join(dir, '2026-11-19_to_2026-11-22', 'digest.md'), 'utf8');
    expect(md).toMatch(/^## Leak digest for Thu, Nov 19 – Sun, Nov 22, 2026 \(late\)/);
    // Started again the same morning: nothing more is owed, nothing is written twice.
    const again = startDigestSchedules(ctx, { folder: { dir, cron }, renderer, log: () => undefined });
    expect(await again.catchUp).toEqual([]);
    expect(await again.run(again.targets[0])).toBeNull();
    await again.stop();
    expectEveryDayOnce(covered(ctx, dir));
  }, 120_000);
});
