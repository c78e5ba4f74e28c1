/**
 * Writes the store's current (silver) data as the three contract CSVs, RFC 4180 quoted, streamed
 * in chunks so a full-scale world never sits in memory. Times keep their milliseconds and ids
 * their canonical form, so re-importing the files reproduces the same gold tables.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Store } from '../../db/open-db.ts';
import { SOURCES, type SourceContract, type SourceKind } from '../ingest/contract.ts';
import { isInstantColumn } from '../sources.ts';

/** A source's contract columns from its silver table, in time order (then by id) where it has times, else by id. */
function exportSql(source: SourceContract): string {
  const firstTime = source.columns.find(isInstantColumn)?.name;
  const order = firstTime ? `${firstTime}, ${source.idColumn}` : source.idColumn;
  return `SELECT ${source.columns.map((c) => c.name).join(', ')} FROM ${source.silverTable} ORDER BY ${order}`;
}

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
  for (const contract of SOURCES) {
    const file = path.join(dir, contract.file);
    const columns = contract.columns.map((c) => c.name);
    const times = contract.columns.map(isInstantColumn);
    const fd = fs.openSync(file, 'w');
    let rows = 0;
    try {
      let chunk = `${columns.join(',')}\r\n`;
      for (const row of store.sqlite.prepare(exportSql(contract)).raw().iterate() as Iterable<unknown[]>) {
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
    files.push({ kind: contract.kind, file, rows });
  }
  return { dir, files };
}
