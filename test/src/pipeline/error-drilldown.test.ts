/**
 * gold error_drilldown must always equal the same group-by over silver digital_call_leakage, after
 * every incremental load (corrections that move leaks between days, segments and messages included),
 * and the day-level spike scan that reads it must judge exactly what the silver scan judges.
 */
import { describe, expect, it } from 'vitest';
import { evaluateSeries } from '../../../src/alerts/spike-scan.ts';
import { rebuildGold } from '../../../src/pipeline/gold.ts';
import { addDays } from '../../../src/time.ts';
import type { Store } from '../../../db/open-db.ts';
import { makeDeps } from '../../helpers/store.ts';
import { callRow, eventRow, load, memberRow } from '../../helpers/leak-fixture.ts';
import { ANCHOR, simulatedStore } from '../../helpers/simulated.ts';

const gold = (store: Store) =>
  store.sqlite.prepare('SELECT date, journey, segment, error_message, language, calls FROM error_drilldown ORDER BY 1, 2, 3, 4, 5').all();
const fromSilver = (store: Store) =>
  store.sqlite
    .prepare(
      `SELECT local_date AS date, journey, segment, coalesce(error_message, '') AS error_message, language, count(*) AS calls
       FROM digital_call_leakage GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
    )
    .all();

/** Rounds of new rows and corrections (same id, new member, day, outcome or message), seeded. */
function rounds(seed: number) {
  let s = seed;
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const members = ['M-000001', 'M-000002', 'M-000003'];
  // Two evenings either side of local midnight, so a corrected time can move a leak to another day.
  const when = () => new Date(Date.parse('2026-11-20T03:00:00Z') + Math.floor(rand() * 36) * 600_000).toISOString();
  return Array.from({ length: 12 }, (_, r) => ({
    members: r === 0 || rand() < 0.2
      ? members.map((id) => memberRow({ id, plan: pick(['MAPD', 'Commercial']), enrolled: pick(['2019-01-01', '2026-06-01']), language: pick(['en', 'es']) }))
      : [],
    digital: Array.from({ length: 4 }, () =>
      eventRow({ id: `e${Math.floor(rand() * 20)}`, member: pick(members), ts: when(), outcome: pick(['error', 'abandon', 'ok']), journey: pick(['billing', 'pharmacy']), error: pick(['Timed out', 'Card declined', '']) }),
    ),
    calls: Array.from({ length: 2 }, () => callRow({ id: `c${Math.floor(rand() * 10)}`, member: pick(members), start: when() })),
  }));
}

describe('error_drilldown', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: equals a group-by over silver leakage after every incremental load`, async () => {
      const deps = makeDeps();
      let seen = 0;
      for (const round of rounds(seed)) {
        await load(deps, round);
        expect(gold(deps.store)).toEqual(fromSilver(deps.store));
        seen += gold(deps.store).length;
      }
      expect(seen).toBeGreaterThan(0);
    });
  }

  it("counts a leak with no message once, whether silver holds it as NULL or ''", async () => {
    const deps = makeDeps();
    for (const round of rounds(1)) await load(deps, round);
    const leak = deps.store.sqlite.prepare('SELECT * FROM digital_call_leakage LIMIT 1').get() as Record<string, unknown>;
    const insert = deps.store.sqlite.prepare(
      `INSERT INTO digital_call_leakage (${Object.keys(leak).join(', ')}) VALUES (${Object.keys(leak).map((k) => `@${k}`).join(', ')})`,
    );
    insert.run({ ...leak, call_id: 'x-null', error_message: null });
    insert.run({ ...leak, call_id: 'x-empty', error_message: '' });
    deps.store.sqlite.prepare('INSERT OR IGNORE INTO gold_pending_days (date) VALUES (?)').run(leak.local_date);
    rebuildGold(deps.store.sqlite, deps.config.costPerCall);
    expect(gold(deps.store)).toEqual(fromSilver(deps.store));
    const none = gold(deps.store).find((r) => (r as { error_message: string }).error_message === '') as { calls: number };
    expect(none.calls).toBeGreaterThanOrEqual(2);
  });

  it('the whole-day spike scan (gold) judges every series exactly as the silver scan through 24:00', () => {
    const { deps } = simulatedStore({ days: 29, scale: 0.002 });
    const days = [addDays(ANCHOR, -1), addDays(ANCHOR, -3)];
    for (const date of days) {
      const byGold = evaluateSeries(deps, { date });
      const bySilver = evaluateSeries(deps, { date, hour: 23 });
      expect(byGold.series.length).toBeGreaterThan(10);
      expect(byGold.series).toEqual(bySilver.series);
    }
  });
});
