/**
 * Random histories of corrections for pipeline equivalence tests: ids repeated within a file, across
 * files and across runs; rows moving to another member, time, outcome or session; profiles changing
 * beside their calls.
 */
import { callRow, eventRow, memberRow, snapshot, table } from './leak-fixture.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from './csv.ts';
import { importCsvFile } from '../../src/ingest/import-csv.ts';
import type { SourceKind } from '../../src/ingest/contract.ts';
import type { Store } from '../../db/open-db.ts';
import { makeDeps } from './store.ts';

export type Round = Record<SourceKind, string[]> & { order: SourceKind[] };

/** A seeded generator (an LCG: the same seed, the same history) and a pick from a list. */
function seeded(seed: number) {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return { rand, pick: <T>(list: T[]) => list[Math.floor(rand() * list.length)] };
}

export function history(seed: number, repeatsInFile: boolean): Round[] {
  const { rand, pick } = seeded(seed);
  const members = ['M-000001', 'M-000002', 'm3', '4'];
  const when = () => new Date(Date.parse('2026-11-14T12:00:00Z') + Math.floor(rand() * 96) * 300_000).toISOString().replace('.000', '');
  const lastPerId = (rows: string[]) => (repeatsInFile ? rows : [...new Map(rows.map((r) => [r.split(',')[0], r])).values()]);
  return Array.from({ length: 20 }, () => {
    const digital = Array.from({ length: 5 }, () =>
      eventRow({ id: `e${Math.floor(rand() * 30)}`, member: pick(members), session: `s${Math.floor(rand() * 8)}`, ts: when(), outcome: pick(['ok', 'error', 'abandon', 'complete', 'error'] as const), journey: pick(['billing', 'pharmacy']), error: pick(['', 'x', 'y']) }),
    );
    const calls = Array.from({ length: 3 }, () => callRow({ id: `c${Math.floor(rand() * 12)}`, member: pick(members), start: when(), s1: rand() < 0.5 ? '' : '0.5' }));
    const profiles = rand() < 0.4 ? [memberRow({ id: pick(members), plan: pick(['MAPD', 'Commercial']), enrolled: pick(['2019-01-01', '2026-01-01']), birth: pick(['', '1950', '1990']) })] : [];
    const order = pick<SourceKind[]>([['members', 'digital', 'calls'], ['calls', 'digital', 'members'], ['digital', 'calls', 'members']]);
    return { members: lastPerId(profiles), digital: lastPerId(digital), calls: lastPerId(calls), order };
  });
}

/**
 * Like history(), but spread over `spanDays` days: each run then dirties scattered days, which is
 * what gold rebuilt a few days per transaction (and the savings model's 7-day reach) must get right.
 */
export function spreadHistory(seed: number, rounds = 16, spanDays = 30): Round[] {
  const { rand, pick } = seeded(seed);
  const members = ['M-000001', 'M-000002', 'm3', '4', 'M-000005', 'M-000006'];
  const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
  return Array.from({ length: rounds }, () => {
    const digital: string[] = [];
    const calls: string[] = [];
    for (let k = 1 + Math.floor(rand() * 4); k > 0; k--) {
      const at = Date.parse('2026-10-20T00:00:00Z') + Math.floor(rand() * spanDays * 288) * 300_000;
      const member = pick(members);
      digital.push(eventRow({ id: `e${Math.floor(rand() * 60)}`, member, session: `s${Math.floor(rand() * 10)}`, ts: iso(at), outcome: pick(['error', 'abandon', 'error', 'complete', 'ok'] as const), journey: pick(['billing', 'pharmacy', 'id_card']), error: pick(['', 'x', 'y']) }));
      if (rand() < 0.8) calls.push(callRow({ id: `c${Math.floor(rand() * 40)}`, member, start: iso(at + Math.floor(rand() * 8) * 300_000), s1: rand() < 0.5 ? '' : '0.5' }));
    }
    const profiles = rand() < 0.3 ? [memberRow({ id: pick(members), plan: pick(['MAPD', 'Commercial']), enrolled: pick(['2019-01-01', '2026-01-01']), birth: pick(['', '1950', '1990']) })] : [];
    return { members: profiles, digital, calls, order: pick<SourceKind[]>([['members', 'digital', 'calls'], ['calls', 'digital', 'members']]) };
  });
}

const HEADERS: Record<SourceKind, string> = { members: MEMBER_HEADER, digital: DIGITAL_HEADER, calls: CALL_HEADER };

export async function importRound(store: Store, round: Round, n: number): Promise<void> {
  const dir = tempDir();
  for (const kind of round.order) if (round[kind].length) await importCsvFile(store, kind, writeCsv(dir, `${kind}-${n}.csv`, HEADERS[kind], round[kind]));
}

/** Imports every round, in order, without running the pipeline. */
export async function importRounds(store: Store, rounds: Round[]): Promise<void> {
  for (const [i, r] of rounds.entries()) await importRound(store, r, i);
}

/** A new store (in memory, or `file`) with history(seed, true) imported, the pipeline not yet run. */
export async function historyStore(seed: number, opts: { file?: string; env?: Record<string, string> } = {}) {
  const deps = makeDeps(opts);
  await importRounds(deps.store, history(seed, true));
  return deps;
}

export const tables = (store: Store) => ({
  digital: table(store, 'digital_journeys_cleaned', 'event_id'),
  calls: table(store, 'call_logs_cleaned', 'call_id'),
  members: table(store, 'member_profiles', 'member_id'),
  sourceIds: table(store, 'member_source_ids', 'source_id'),
  errors: table(store, 'error_drilldown', 'date, journey, segment, error_message, language'),
  ...snapshot(store),
});

