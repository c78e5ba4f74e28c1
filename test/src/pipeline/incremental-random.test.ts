/**
 * Incremental = full, on random histories: rounds of new rows and corrections (same id, new
 * content: another member, time, outcome, session) loaded one round at a time with the pipeline
 * run after each, against a fresh store loaded once with each id's final row.
 */
import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { callRow, eventRow, load, memberRow, snapshot } from '../../helpers/leak-fixture.ts';

function history(seed: number) {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(list: T[]) => list[Math.floor(rand() * list.length)];
  const members = ['M-000001', 'M-000002'];
  const base = Date.parse('2026-11-14T12:00:00Z');
  // Times on a 5-minute grid over eight hours, so exact-window ties and same-instant events happen.
  const when = () => new Date(base + Math.floor(rand() * 96) * 300_000).toISOString();
  const rounds: { members: string[]; digital: string[]; calls: string[] }[] = [];
  const final = { members: new Map<string, string>(), digital: new Map<string, string>(), calls: new Map<string, string>() };
  for (let r = 0; r < 16; r++) {
    const round = { members: [] as string[], digital: [] as string[], calls: [] as string[] };
    for (let k = 0; k < 4; k++) {
      const id = `e${Math.floor(rand() * 30)}`;
      const row = eventRow({ id, member: pick(members), session: `s${Math.floor(rand() * 8)}`, ts: when(), outcome: pick(['ok', 'error', 'abandon', 'complete', 'error']), journey: pick(['billing', 'pharmacy']) });
      round.digital.push(row);
      final.digital.set(id, row);
    }
    for (let k = 0; k < 2; k++) {
      const id = `c${Math.floor(rand() * 12)}`;
      const row = callRow({ id, member: pick(members), start: when(), s1: rand() < 0.5 ? '' : '0.5' });
      round.calls.push(row);
      final.calls.set(id, row);
    }
    if (rand() < 0.15) {
      const id = pick(members);
      const row = memberRow({ id, plan: pick(['MAPD', 'Commercial']), enrolled: pick(['2019-01-01', '2026-01-01']) });
      round.members.push(row);
      final.members.set(id, row);
    }
    rounds.push(round);
  }
  // Within a file the last row for an id wins, as across files: keep only each id's last row per round.
  const dedupe = (rows: string[]) => [...new Map(rows.map((r) => [r.split(',')[0], r])).values()];
  return {
    rounds: rounds.map((r) => ({ members: dedupe(r.members), digital: dedupe(r.digital), calls: dedupe(r.calls) })),
    final: { members: [...final.members.values()], digital: [...final.digital.values()], calls: [...final.calls.values()] },
  };
}

describe('incremental pipeline on random histories with corrections', () => {
  for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
    it(`seed ${seed}: sixteen incremental rounds equal one fresh load of the final rows`, async () => {
      const { rounds, final } = history(seed);
      const inc = makeDeps();
      for (const [i, round] of rounds.entries()) await load(inc, round, i % 2 ? ['calls', 'digital', 'members'] : ['members', 'digital', 'calls']);
      const fresh = makeDeps();
      await load(fresh, final);
      const a = snapshot(inc.store);
      expect(a.leakage.length).toBeGreaterThan(0);
      expect(a).toEqual(snapshot(fresh.store));
    });
  }
});
