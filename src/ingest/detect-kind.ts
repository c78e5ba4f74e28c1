/**
 * Which contract file a CSV is, told by its header rather than its name (exports are named
 * CallLogs_20261120.csv as often as calls.csv): the kind whose required columns the header has the
 * most of. A header that is a kind's but misses a column is still that kind, so the import refuses
 * it naming the missing columns; one that matches no kind, or two equally, is refused here.
 */
import path from 'node:path';
import { LeakError } from '../errors.ts';
import { CONTRACTS, type SourceKind } from './contract.ts';
import { splitCsv } from './csv-records.ts';
import { decodeCsvText, readFileOrRefuse, requiredList } from './import-csv.ts';

const KINDS: SourceKind[] = ['members', 'digital', 'calls'];

/** The kind for a header row; throws LeakError('bad_file') when it fits none, or two alike. */
export function kindOfHeader(header: string[], name: string): SourceKind {
  const names = new Set(header.map((h) => h.trim().toLowerCase()));
  const scores = KINDS.map((kind) => ({ kind, n: CONTRACTS[kind].columns.filter((c) => c.required && names.has(c.name)).length }));
  const best = Math.max(...scores.map((s) => s.n));
  const top = scores.filter((s) => s.n === best);
  // member_id alone is in every contract: it says nothing about which file this is.
  if (best <= 1 || top.length > 1) {
    throw new LeakError(
      'bad_file',
      `${name}: cannot tell from its header which contract file it is (${KINDS.map((k) => `${CONTRACTS[k].file} needs ${requiredList(k)}`).join('; ')}). Nothing was loaded.`,
    );
  }
  return top[0].kind;
}

/** Reads the file's header (the first line with anything on it) and names its kind. */
export async function detectCsvKind(file: string): Promise<SourceKind> {
  const name = path.basename(file);
  const text = decodeCsvText(await readFileOrRefuse(file), name);
  for (const rec of splitCsv(text)) {
    if (rec.raw.trim() === '') continue;
    if (rec.fields === undefined) throw new LeakError('bad_file', `${name}: the header row cannot be read (${rec.error}). Nothing was loaded.`);
    return kindOfHeader(rec.fields, name);
  }
  throw new LeakError('bad_file', `${name} is empty: a contract file needs a header row. Nothing was loaded.`);
}
