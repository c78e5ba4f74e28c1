/**
 * Runs bronze → silver → gold for everything not yet processed. Incremental: each bronze batch
 * is applied once (a watermark in meta), and only the members and days it can affect are
 * recomputed. Re-runnable: running it again with nothing new does nothing. If the definitions
 * the store was computed with (time zone, window, cost) change, it recomputes everything once.
 */
import type { Store } from '../../db/open-db.ts';
import type { SourceKind } from '../ingest/contract.ts';
import { registerSqlFunctions } from './sql-functions.ts';
import { applyStaged, prepareSilver, stageBatch } from './silver.ts';
import { markEveryGoldDayPending, markEveryMemberDirty, prepareLeakage, recomputeDirtyChunk } from './leakage.ts';
import { rebuildGold } from './gold.ts';
import { isRelocalizing, relocalizeNextRange, startRelocalizing } from './relocalize.ts';
import { readMeta, writeMeta } from '../../db/meta.ts';
import { LeakError } from '../errors.ts';

export type PipelineSettings = { timeZone: string; windowMinutes: number; costPerCall: number };

/**
 * ms is the whole run; silverMs of it applied bronze batches, the rest recomputed leakage and gold.
 * longestWriteMs is the longest single transaction (with any wait for the lock): how long another
 * writer (the bot) could wait.
 */
export type PipelineResult = { batches: number; changedDays: string[]; full: boolean; ms: number; silverMs: number; longestWriteMs: number };

/** Dirty members recomputed per transaction: sized so no transaction holds the write lock long at full scale, even when 90 days are recomputed whole. */
const LEAKAGE_CHUNK_MEMBERS = 50_000;
/** Silver rows moved to a new LEAK_TZ per transaction (calls carry two date indexes), sized the same way. */
const RELOCALIZE_ROWS = 250_000;
/** Gold days rebuilt per transaction, sized the same way. */
const GOLD_DAYS = 20;
const SETTINGS_CONFLICT =
  'Another Leak process stored different LEAK_TZ / LEAK_WINDOW_MINUTES / LEAK_COST_PER_CALL settings during this run; give every process the same settings and run again.';

const WATERMARK = 'silver_batch_watermark';
const DEFINITIONS = 'definitions';
/** Most bronze rows applied to silver per transaction (see applyGroup): 250K keeps a full-scale backfill under 1 GB. */
const GROUP_ROWS = 250_000;
const GROUP_TARGET_MS = 3_000;

export function runPipeline(
  store: Store,
  settings: PipelineSettings,
  opts: { leakageChunk?: number; relocalizeRows?: number; goldDays?: number } = {},
): PipelineResult {
  const started = performance.now();
  const { sqlite } = store;
  const chunk = wholeAtLeastOne('leakageChunk', opts.leakageChunk ?? LEAKAGE_CHUNK_MEMBERS);
  const relocalizeRows = wholeAtLeastOne('relocalizeRows', opts.relocalizeRows ?? RELOCALIZE_ROWS);
  const goldDays = wholeAtLeastOne('goldDays', opts.goldDays ?? GOLD_DAYS);
  let longestWriteMs = 0;
  let lastWriteMs = 0;
  const timed = <T>(write: () => T): T => {
    const t = performance.now();
    try {
      return write();
    } finally {
      lastWriteMs = performance.now() - t;
      longestWriteMs = Math.max(longestWriteMs, lastWriteMs);
    }
  };
  registerSqlFunctions(sqlite, settings.timeZone);
  const windowMs = settings.windowMinutes * 60_000;
  prepareSilver(sqlite, windowMs);
  prepareLeakage(sqlite);

  let batches = 0;
  const nextBatch = sqlite.prepare(
    `SELECT batch_id AS batchId, kind, first_raw_id AS firstRawId, last_raw_id AS lastRawId
     FROM import_batches WHERE batch_id > ? ORDER BY batch_id LIMIT 1`,
  );
  // Batches are staged and applied in groups of about GROUP_ROWS rows per transaction: one sorted
  // pass over the member indexes serves the whole group, and one commit writes the pages it touched
  // (a commit per batch cost a large share of a backfill), while groups stay small enough not to
  // keep other writers (the bot's action updates) waiting long. A row costs more as the indexes
  // outgrow the page cache, so each group is sized from the last one's rate to take about
  // GROUP_TARGET_MS. Groups are whole batches, so they overshoot a little; closing a group before it
  // overshoots cost more commit time than it saved (the figures are in the README's benchmarks).
  let groupRows = GROUP_ROWS;
  // Returns the rows applied, or null once no batch is waiting.
  const applyGroup = sqlite.transaction((): number | null => {
    const start = Number(readMeta(sqlite, WATERMARK) ?? 0);
    let watermark = start;
    let rows = 0;
    const staged = new Set<SourceKind>();
    while (rows < groupRows) {
      const next = nextBatch.get(watermark) as { batchId: number; kind: SourceKind; firstRawId: number | null; lastRawId: number | null } | undefined;
      if (!next) break;
      if (next.firstRawId !== null && next.lastRawId !== null && next.lastRawId >= next.firstRawId) {
        stageBatch(sqlite, { batchId: next.batchId, kind: next.kind, firstRawId: next.firstRawId, lastRawId: next.lastRawId }, windowMs);
        staged.add(next.kind);
        rows += next.lastRawId - next.firstRawId + 1;
      }
      watermark = next.batchId;
      batches++;
    }
    if (watermark === start) return null;
    applyStaged(sqlite, staged, windowMs);
    writeMeta(sqlite, WATERMARK, String(watermark));
    return rows;
  });
  for (let rows = timed(() => applyGroup.immediate()); rows !== null; rows = timed(() => applyGroup.immediate())) {
    groupRows = Math.max(1, Math.min(GROUP_ROWS, Math.round((rows * GROUP_TARGET_MS) / Math.max(1, lastWriteMs))));
  }
  const silverMs = performance.now() - started;

  // A new definition first stores itself and marks what it invalidates (every member for a new
  // window or zone, every gold day for a new cost); the steps below then catch up a chunk at a time.
  let full = false;
  const definitions = JSON.stringify({ timeZone: settings.timeZone, windowMinutes: settings.windowMinutes, costPerCall: settings.costPerCall });
  if (readMeta(sqlite, DEFINITIONS) !== definitions) {
    timed(() =>
      sqlite.transaction(() => {
        const stored = readMeta(sqlite, DEFINITIONS);
        if (stored === definitions) return;
        full = stored !== undefined;
        if (full) {
          const before = JSON.parse(stored!) as PipelineSettings;
          if (before.timeZone !== settings.timeZone) startRelocalizing(sqlite);
          // Leakage does not depend on the cost per call: a cost change only re-prices gold.
          if (before.timeZone !== settings.timeZone || before.windowMinutes !== settings.windowMinutes) markEveryMemberDirty(sqlite);
          else markEveryGoldDayPending(sqlite);
        }
        writeMeta(sqlite, DEFINITIONS, definitions);
      }).immediate(),
    );
  }
  // Each transaction below checks the definitions again: another process with other settings may
  // have stored its own since, and dates, leakage or gold written with ours would never be repaired.
  const checkDefinitions = () => {
    if (readMeta(sqlite, DEFINITIONS) !== definitions) throw new LeakError('conflict', SETTINGS_CONFLICT);
  };
  // A new time zone moves every stored local date first (a range per transaction, resumed after a
  // crash), since leakage and gold are recomputed from those dates.
  const relocalizeStep = sqlite.transaction(() => {
    checkDefinitions();
    return relocalizeNextRange(sqlite, relocalizeRows);
  });
  // Looked at first so an ordinary run takes no write lock for it. A run that resumes an unfinished
  // move (after a crash) is finishing a full recompute too.
  if (isRelocalizing(sqlite)) while (timed(() => relocalizeStep.immediate())) full = true;
  // Dirty members a chunk per transaction; the days they touch wait in gold_pending_days. Gold,
  // which reads leakage, goes a few days per transaction once no member is dirty (an hour of live
  // data: one transaction in all).
  const step = sqlite.transaction(() => {
    checkDefinitions();
    if (recomputeDirtyChunk(sqlite, windowMs, chunk) === chunk) return { days: [], more: true };
    const days = rebuildGold(sqlite, settings.costPerCall, goldDays);
    return { days, more: days.length === goldDays };
  });
  const rebuilt = new Set<string>();
  for (let more = true; more; ) {
    const r = timed(() => step.immediate());
    for (const d of r.days) rebuilt.add(d);
    more = r.more;
  }
  const changedDays = [...rebuilt].sort();

  return { batches, changedDays, full, ms: performance.now() - started, silverMs, longestWriteMs };
}

function wholeAtLeastOne(name: string, n: number): number {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`${name} must be a whole number from 1 to 2^53 − 1, not ${n}`);
  return n;
}
