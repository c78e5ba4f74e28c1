/**
 * Writes the store's current (silver) data as the three contract CSVs, RFC 4180 quoted, streamed
 * in chunks so a full-scale world never sits in memory. Times keep their milliseconds and ids
 * their canonical form, so re-importing the files reproduces the same gold tables.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../../db/open-db.ts';
import { CONTRACTS, type SourceKind } from '../ingest/contract.ts';

const QUERIES: Record<SourceKind, string> = {
  members: 'SELECT member_id, plan, enrolled_on, language, birth_year, state, name FROM member_profiles ORDER BY member_id',
  digital: `SELECT event_id, member_id, session_id, ts, channel, device, journey, step, outcome, error_message
            FROM digital_journeys_cleaned ORDER BY ts, event_id`,
  calls: `SELECT call_id, member_id, started_at, ended_at, interaction, ivr_route, agent_id, disposition,
            sentiment_start, sentiment_end, survey_comment, transcript FROM call_logs_cleaned ORDER BY started_at, call_id`,
};
const TIME_COLUMNS = new Set(['ts', 'started_at', 'ended_at']);

/** RFC 4180: quote a field holding a comma, quote or line break (or edge spaces, which import would trim), doubling quotes. */
export function csvField(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export type ExportResult = { dir: string; files: { kind: SourceKind; file: string; rows: number }[] };

export function exportCsv(store: Store, dir: string): ExportResult {
  fs.mkdirSync(dir, { recursive: true });
  const files: ExportResult['files'] = [];
  for (const kind of ['members', 'digital', 'calls'] as const) {
    const contract = CONTRACTS[kind];
    const file = path.join(dir, contract.file);
    const columns = contract.columns.map((c) => c.name);
    const times = columns.map((c) => TIME_COLUMNS.has(c));
    const fd = fs.openSync(file, 'w');
    let rows = 0;
    try {
      let chunk = `${columns.join(',')}\r\n`;
      for (const row of store.sqlite.prepare(QUERIES[kind]).raw().iterate() as Iterable<unknown[]>) {
        chunk += row.map((v, i) => (times[i] ? new Date(v as number).toISOString() : csvField(v))).join(',') + '\r\n';
        rows++;
        if (chunk.length > 1 << 20) {
          fs.writeSync(fd, chunk);
          chunk = '';
        }
      }
      fs.writeSync(fd, chunk);
    } finally {
      fs.closeSync(fd);
    }
    files.push({ kind, file, rows });
  }
  return { dir, files };
}
