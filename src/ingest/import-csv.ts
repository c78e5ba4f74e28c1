/**
 * Imports one contract CSV into bronze. A file that is not UTF-8 CSV text, or lacks a
 * required column, is refused whole (LeakError 'bad_file', nothing loaded). Bad rows go to
 * quarantine with their line and reason; good rows load. The same file imported twice is
 * recognised by its SHA-256 and skipped when nothing of its kind came after it (a different
 * file with the same ids upserts in silver: the last row for an id wins).
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Store } from '../../db/open-db.ts';
import { LeakError } from '../errors.ts';
import { BronzeWriter, type BatchResult } from './bronze-writer.ts';
import { CONTRACTS, SOURCE_KINDS, type SourceKind } from './contract.ts';
import { splitCsv, type CsvRecord } from './csv-records.ts';

/** `emptyLines`: lines with nothing on them, the only lines that are neither loaded nor quarantined. */
export type ImportResult = BatchResult & { file: string; kind: SourceKind; emptyLines: number; skipped?: { batchId: number } };

/** A contract CSV that passed the whole-file checks (readable, UTF-8, header with every required column). */
export type CheckedCsv = {
  kind: SourceKind;
  file: string;
  sha256: string;
  positions: number[];
  headerWidth: number;
  /** The header line as it arrived. */
  header: string;
  /** Empty lines before the header. */
  emptyLines: number;
  /** The records after the header, not yet split. */
  rest: Generator<CsvRecord>;
};

/**
 * The whole-file checks, done before anything is written, so a command importing several files
 * can refuse them all when one is bad (LeakError 'bad_file'). Without `kind`, which contract file it
 * is comes from its header (kindOfHeader): exports are named CallLogs_20261120.csv as often as calls.csv.
 */
export async function checkCsvFile(kind: SourceKind | undefined, file: string): Promise<CheckedCsv> {
  const name = path.basename(file);
  const bytes = await readFileOrRefuse(file);
  const text = decodeCsvText(bytes, name);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const shape: { width?: number } = {};
  const rest = splitCsv(text, shape);
  const h = findHeader(rest, name, kind);
  shape.width = h.fields.length;
  return { kind: h.kind, file, sha256, positions: mapHeader(h.fields, h.kind, name), headerWidth: h.fields.length, header: h.raw, emptyLines: h.emptyLines, rest };
}

/**
 * Which contract file a CSV is, from its first 64 KB only: the order in which to import a folder's
 * files (members first), before checkCsvFile reads each whole. Undefined when that part cannot tell.
 */
export async function peekCsvKind(file: string): Promise<SourceKind | undefined> {
  let fh: fs.FileHandle | undefined;
  try {
    fh = await fs.open(file);
    const { buffer, bytesRead } = await fh.read({ buffer: Buffer.alloc(PEEK_BYTES), position: 0 });
    const text = new TextDecoder().decode(buffer.subarray(0, bytesRead));
    // A part of the file ends with its last whole line.
    return findHeader(splitCsv(bytesRead < PEEK_BYTES ? text : text.slice(0, text.lastIndexOf('\n') + 1)), path.basename(file)).kind;
  } catch {
    return undefined;
  } finally {
    await fh?.close();
  }
}

const PEEK_BYTES = 64 * 1024;

/**
 * The header: the first line with anything on it (empty lines before it are counted; one of spaces
 * is refused), and its kind: the one given, or the one it tells (kindOfHeader).
 */
function findHeader(records: Iterator<CsvRecord>, name: string, kind?: SourceKind): { fields: string[]; raw: string; kind: SourceKind; emptyLines: number } {
  const expected = kind ? requiredList(kind) : everyRequiredList();
  let emptyLines = 0;
  // next(), not for-of: leaving a for-of loop early would close the generator the loader reads on.
  for (let step = records.next(); !step.done; step = records.next()) {
    const rec = step.value;
    if (rec.fields === undefined) throw new LeakError('bad_file', `${name}: the header row cannot be read (${rec.error}). Nothing was loaded.`);
    if (rec.raw === '') {
      emptyLines++;
      continue;
    }
    if (rec.raw.trim() === '') {
      throw new LeakError('bad_file', `${name}: line ${rec.lineNo} holds only spaces where the header row should be (${expected}). Nothing was loaded.`);
    }
    return { fields: rec.fields, raw: rec.raw, kind: kind ?? kindOfHeader(rec.fields, name), emptyLines };
  }
  throw new LeakError('bad_file', `${name} is empty: ${kind ? `a ${kind} file needs a header row with ${expected}` : 'a contract file needs a header row'}. Nothing was loaded.`);
}

/**
 * The kind for a header row: the one whose required columns the header has the most of. A header
 * that is a kind's but misses a column is still that kind, so mapHeader refuses it naming the missing
 * columns; one that matches no kind, or two equally, is refused here (LeakError 'bad_file').
 */
export function kindOfHeader(header: string[], name: string): SourceKind {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  const scores = SOURCE_KINDS.map((kind) => ({ kind, n: CONTRACTS[kind].columns.filter((c) => c.required && names.has(c.name)).length }));
  const best = Math.max(...scores.map((s) => s.n));
  const top = scores.filter((s) => s.n === best);
  // member_id alone is in every contract: it says nothing about which file this is.
  if (best <= 1 || top.length > 1) throw new LeakError('bad_file', `${name}: cannot tell from its header which contract file it is (${everyRequiredList()}). Nothing was loaded.`);
  return top[0].kind;
}

/**
 * Loads a checked file's rows into bronze in one batch; a file already imported (same bytes) is skipped.
 * `now` is the time of the import (the contract's date ranges end 100 years after it).
 */
export function loadCsvFile(store: Store, csv: CheckedCsv, opts: { now?: number } = {}): ImportResult {
  const { kind, file, sha256, positions, headerWidth } = csv;
  // Skipped only when it was the last batch of its kind: after A, B, A the second A must win
  // again over B's corrections (last row per id wins), so it loads.
  const previous = store.sqlite
    .prepare(
      `SELECT batch_id AS batchId FROM import_batches
       WHERE kind = @kind AND batch_id = (SELECT max(batch_id) FROM import_batches WHERE kind = @kind) AND sha256 = @sha256`,
    )
    .get({ kind, sha256 }) as { batchId: number } | undefined;
  if (previous) return { file, kind, batchId: previous.batchId, loaded: 0, quarantined: 0, reasons: new Map(), emptyLines: 0, skipped: previous };

  const writer = new BronzeWriter(store, { source: 'csv', kind, file: path.basename(file), sha256, now: opts.now });
  writer.open();
  let emptyLines = csv.emptyLines;
  try {
    for (const rec of csv.rest) if (!addCsvRecord(writer, rec, positions, headerWidth)) emptyLines++;
    return { ...writer.commit(), file, kind, emptyLines };
  } catch (e) {
    writer.abort();
    throw e;
  }
}

/**
 * One CSV record through the gate: loaded, or quarantined with its reason. Returns false for a line
 * with nothing on it (not a row, only counted); one of spaces, or a lone quote, is quarantined.
 */
export function addCsvRecord(writer: BronzeWriter, rec: CsvRecord, positions: number[], headerWidth: number): boolean {
  if (rec.raw === '') return false;
  if (rec.fields === undefined) {
    writer.quarantine(rec.lineNo, rec.raw, 'bad_quoting', `cannot split into fields: ${rec.error}`);
    return true;
  }
  const record = rec.fields;
  if (record.length !== headerWidth) {
    const n = record.length;
    const blank = rec.raw.trim() === '' ? ' (the line holds only spaces)' : '';
    writer.quarantine(rec.lineNo, rec.raw, 'field_count', `row has ${n} field${n === 1 ? '' : 's'}${blank}, the header has ${headerWidth}`);
    return true;
  }
  writer.add(rec.lineNo, positions.map((p) => (p < 0 ? '' : record[p])), rec.raw);
  return true;
}

export async function importCsvFile(store: Store, kind: SourceKind, file: string, opts: { now?: number } = {}): Promise<ImportResult> {
  return loadCsvFile(store, await checkCsvFile(kind, file), opts);
}

/** Column index in the file for each contract column (-1 for an absent optional column); LeakError 'bad_file' when a required one is missing. */
export function mapHeader(header: string[], kind: SourceKind, name: string): number[] {
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

/** What each contract file's header needs, for a file whose kind is not known yet. */
const everyRequiredList = () => SOURCE_KINDS.map((k) => `${CONTRACTS[k].file} needs ${requiredList(k)}`).join('; ');

async function readFileOrRefuse(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    // `npm run -s leak --` runs in the project folder, so a relative path may not be where the person thinks.
    const where = path.isAbsolute(file) ? '' : ` (looked for ${path.resolve(file)}: a relative path starts from the folder Leak runs in; give the full path).`;
    throw new LeakError('bad_file', code === 'ENOENT' ? `No such file: ${file}${where}` : `Cannot read ${file}: ${code ?? String(e)}`);
  }
}

function decodeCsvText(bytes: Buffer, name: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new LeakError('bad_file', `${name} is UTF-16 text: save it as UTF-8 CSV and import again. Nothing was loaded.`);
  }
  if (bytes.includes(0)) throw new LeakError('bad_file', `${name} is not a CSV text file (it contains binary data). Nothing was loaded.`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new LeakError('bad_file', `${name} is not UTF-8 text: save it as UTF-8 CSV and import again. Nothing was loaded.`);
  }
}
