/**
 * Imports one contract CSV into bronze. A file that is not UTF-8 CSV text, or lacks a
 * required column, is refused whole (LeakError 'bad_file', nothing loaded). Bad rows go to
 * quarantine with their line and reason; good rows load. The same file imported twice is
 * recognised by its SHA-256 and skipped.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Store } from '../../db/open-db.ts';
import { LeakError } from '../errors.ts';
import { BronzeWriter, type BatchResult } from './bronze-writer.ts';
import { CONTRACTS, type SourceKind } from './contract.ts';
import { splitCsv } from './csv-records.ts';

export type ImportResult = BatchResult & { file: string; kind: SourceKind; skipped?: { batchId: number } };

export async function importCsvFile(store: Store, kind: SourceKind, file: string): Promise<ImportResult> {
  const name = path.basename(file);
  const bytes = await readFileOrRefuse(file);
  const text = decodeCsvText(bytes, name);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');

  const previous = store.sqlite
    .prepare('SELECT batch_id AS batchId FROM import_batches WHERE sha256 = ? AND kind = ? ORDER BY batch_id LIMIT 1')
    .get(sha256, kind) as { batchId: number } | undefined;
  if (previous) return { file, kind, batchId: previous.batchId, loaded: 0, quarantined: 0, reasons: new Map(), skipped: previous };

  const writer = new BronzeWriter(store, { source: 'csv', kind, file: name, sha256 });
  let positions: number[] | undefined;
  let headerWidth = 0;
  try {
    for (const rec of splitCsv(text)) {
      if (!positions) {
        if (rec.fields === undefined) throw new LeakError('bad_file', `${name}: the header row cannot be read (${rec.error}). Nothing was loaded.`);
        if (rec.raw.trim() === '') continue; // blank lines before the header
        positions = mapHeader(rec.fields, kind, name);
        headerWidth = rec.fields.length;
        writer.open();
        continue;
      }
      if (rec.fields === undefined) {
        writer.quarantine(rec.lineNo, rec.raw, 'bad_quoting', `cannot split into fields: ${rec.error}`);
        continue;
      }
      const record = rec.fields;
      if (record.length === 1 && record[0].trim() === '') continue; // a blank line is not a row
      if (record.length !== headerWidth) {
        writer.quarantine(rec.lineNo, rec.raw, 'field_count', `row has ${record.length} fields, the header has ${headerWidth}`);
        continue;
      }
      writer.add(rec.lineNo, positions.map((p) => (p < 0 ? '' : record[p])), rec.raw);
    }
    if (!positions) throw new LeakError('bad_file', `${name} is empty: a ${kind} file needs a header row with ${requiredList(kind)}. Nothing was loaded.`);
    return { ...writer.commit(), file, kind };
  } catch (e) {
    writer.abort();
    throw e;
  }
}

/** Column index in the file for each contract column (-1 for an absent optional column). */
function mapHeader(header: string[], kind: SourceKind, name: string): number[] {
  const names = header.map((h) => h.trim().toLowerCase());
  const contract = CONTRACTS[kind];
  const missing = contract.columns.filter((c) => c.required && !names.includes(c.name)).map((c) => c.name);
  if (missing.length > 0) {
    throw new LeakError(
      'bad_file',
      `${name} is not a ${contract.file} file: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} (needs ${requiredList(kind)}). Nothing was loaded.`,
    );
  }
  return contract.columns.map((c) => names.indexOf(c.name));
}

const requiredList = (kind: SourceKind) =>
  CONTRACTS[kind].columns
    .filter((c) => c.required)
    .map((c) => c.name)
    .join(', ');

async function readFileOrRefuse(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new LeakError('bad_file', code === 'ENOENT' ? `No such file: ${file}` : `Cannot read ${file}: ${code ?? String(e)}`);
  }
}

function decodeCsvText(bytes: Buffer, name: string): string {
  if (bytes.includes(0)) throw new LeakError('bad_file', `${name} is not a CSV text file (it contains binary data). Nothing was loaded.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LeakError('bad_file', `${name} is not UTF-8 text: save it as UTF-8 CSV and import again. Nothing was loaded.`);
  }
}
