/**
 * Bronze → silver, in two moves: stageBatch() casts one bronze batch into its source's staging
 * table; applyStaged() applies everything staged since the last call, once per source. Staging
 * several batches before applying them lets one sorted pass over the member indexes serve them
 * all: at full scale those indexes outgrow the page cache, and random inserts into them were
 * most of a backfill. The SQL of each step, with its sources and grain, is in silver-sql.ts.
 */
import type Database from 'better-sqlite3';
import { SOURCE_KINDS, type SourceKind } from '../ingest/contract.ts';
import { CALLS, DIGITAL, MEMBERS, type SilverStep } from './silver-sql.ts';


type Prepared = { fill: Database.Statement; apply: Database.Statement[]; clear: Database.Statement };

/** Each source's staging step: a new source without one does not compile. */
const STEPS: Record<SourceKind, (windowMs: number) => SilverStep> = { members: () => MEMBERS, digital: DIGITAL, calls: () => CALLS };

const cache = new WeakMap<Database.Database, Map<string, Prepared>>();

/**
 * Creates the staging tables and prepares the steps' statements. Call outside any transaction: a
 * temp table created inside one vanishes with a rollback while its cached statements stay, and
 * every later run on the connection would fail with "no such table".
 */
export function prepareSilver(sqlite: Database.Database, windowMs: number): void {
  for (const kind of SOURCE_KINDS) prepared(sqlite, kind, windowMs);
}

function prepared(sqlite: Database.Database, kind: SourceKind, windowMs: number): Prepared {
  let byKind = cache.get(sqlite);
  if (!byKind) cache.set(sqlite, (byKind = new Map()));
  const key = `${kind}:${windowMs}`;
  let p = byKind.get(key);
  if (!p) {
    if (sqlite.inTransaction) throw new Error('silver statements are prepared by prepareSilver(), outside a transaction');
    const step = STEPS[kind](windowMs);
    // The staging table must exist before the statements that read it can be prepared.
    sqlite.exec(step.create);
    p = {
      fill: sqlite.prepare(step.fill),
      apply: step.apply.map((s) => sqlite.prepare(s)),
      clear: sqlite.prepare(`DELETE FROM temp.${step.stage}`),
    };
    byKind.set(key, p);
  }
  return p;
}

/** Casts one bronze batch into its source's staging table. Call inside the transaction that applies it. */
export function stageBatch(
  sqlite: Database.Database,
  batch: { batchId: number; kind: SourceKind; firstRawId: number; lastRawId: number },
  windowMs: number,
): void {
  prepared(sqlite, batch.kind, windowMs).fill.run({ first: batch.firstRawId, last: batch.lastRawId, batch: batch.batchId });
}

/** Applies and clears what is staged for the given sources, members first (calls read their segment later). */
export function applyStaged(sqlite: Database.Database, kinds: Iterable<SourceKind>, windowMs: number): void {
  const wanted = new Set(kinds);
  for (const kind of SOURCE_KINDS) {
    if (!wanted.has(kind)) continue;
    const p = prepared(sqlite, kind, windowMs);
    for (const stmt of p.apply) stmt.run();
    p.clear.run();
  }
}
