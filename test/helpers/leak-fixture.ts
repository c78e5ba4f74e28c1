/**
 * Small hand-written leakage cases: rows as objects, written as contract CSVs and loaded through
 * the real import path and pipeline, then read back as whole tables to compare.
 */
import type { Store } from '../../db/open-db.ts';
import type { Context } from '../../src/context.ts';
import { importCsvFile } from '../../src/ingest/import-csv.ts';
import type { SourceKind } from '../../src/ingest/contract.ts';
import { runPipeline, type PipelineResult } from '../../src/pipeline/run-pipeline.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from './csv.ts';

export type Ev = {
  id: string;
  member: string;
  session?: string;
  ts: string;
  outcome: 'ok' | 'error' | 'abandon' | 'complete';
  journey?: string;
  channel?: string;
  device?: string;
  error?: string;
};
export type Call = { id: string; member: string; start: string; end?: string; interaction?: string; s0?: string; s1?: string };
export type Member = { id: string; plan: string; enrolled: string; language?: string; birth?: string; state?: string };

export const eventRow = (e: Ev) =>
  [e.id, e.member, e.session ?? `s-${e.id}`, e.ts, e.channel ?? 'app', e.device ?? 'mobile', e.journey ?? 'billing', 'step1', e.outcome, e.error ?? ''].join(',');

/** A call lasting 5 minutes unless `end` is given. */
export const callRow = (c: Call) =>
  [c.id, c.member, c.start, c.end ?? new Date(Date.parse(c.start) + 300_000).toISOString(), c.interaction ?? 'voice', 'route', 'A1', 'resolved', c.s0 ?? '', c.s1 ?? '', '', ''].join(',');

export const memberRow = (m: Member) => [m.id, m.plan, m.enrolled, m.language ?? 'en', m.birth ?? '', m.state ?? ''].join(',');

export type Rows = { members?: string[]; digital?: string[]; calls?: string[] };

const HEADERS: Record<SourceKind, string> = { members: MEMBER_HEADER, digital: DIGITAL_HEADER, calls: CALL_HEADER };

let fileSeq = 0;

/** Writes each non-empty kind as a CSV, imports them in the given order, and runs the pipeline once. */
export async function load(deps: Context, rows: Rows, order: SourceKind[] = ['members', 'digital', 'calls']): Promise<PipelineResult> {
  const dir = tempDir();
  for (const kind of order) {
    const list = rows[kind];
    if (!list || list.length === 0) continue;
    await importCsvFile(deps.store, kind, writeCsv(dir, `${kind}-${++fileSeq}.csv`, HEADERS[kind], list));
  }
  return runPipeline(deps.store, deps.config);
}

/** Whole table, every column, in a stable order: the thing order-independence is judged on. */
export function table(store: Store, name: string, orderBy: string): Record<string, unknown>[] {
  return store.sqlite.prepare(`SELECT * FROM ${name} ORDER BY ${orderBy}`).all() as Record<string, unknown>[];
}

/** How many rows a table holds. */
export const rowCount = (store: Store, name: string) => store.sqlite.prepare(`SELECT count(*) FROM ${name}`).pluck().get() as number;

/** Silver leakage and the three gold tables, whole. */
export function snapshot(store: Store) {
  return {
    leakage: table(store, 'digital_call_leakage', 'call_id'),
    daily: table(store, 'daily_leakage_summary', 'date, journey, segment, device, channel'),
    segments: table(store, 'segment_drilldown', 'date, journey, segment'),
    savings: table(store, 'savings_model', 'date, journey'),
  };
}

/** call_id → attributed failure event, for the leaked calls only. */
export function leaked(store: Store): Record<string, string> {
  const rows = store.sqlite.prepare('SELECT call_id, failure_event_id FROM digital_call_leakage ORDER BY call_id').all() as {
    call_id: string;
    failure_event_id: string;
  }[];
  return Object.fromEntries(rows.map((r) => [r.call_id, r.failure_event_id]));
}

/** Deterministic shuffle (the same order on every run, so a failure can be replayed). */
export function shuffle<T>(list: T[], seed = 7): T[] {
  const out = [...list];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
