/**
 * `leak publish`'s core: contract CSVs to the event log, row by row as they arrived. Every file
 * passes import's whole-file checks (readable, UTF-8, a header with every required column) before
 * anything is sent, so one bad file refuses them all. Rows are not judged here: the consumer's
 * bronze gate checks and quarantines them exactly as `import` does, so a producer stays simple.
 */
import fs from 'node:fs';
import path from 'node:path';
import { checkCsvFile, type CheckedCsv } from '../ingest/import-csv.ts';
import type { SourceKind } from '../ingest/contract.ts';
import type { Row } from './messages.ts';
import { emptyTally, StreamPublisher, type PublishTally } from './publisher.ts';
import type { StreamSettings } from './stream-settings.ts';

export type CsvSource = { kind: SourceKind; file: string };

export type PublishProgress = { kind: SourceKind; file: string; doneBytes: number; totalBytes: number; tally: PublishTally };

export type FilePublished = { kind: SourceKind; file: string } & PublishTally;

export type PublishSummary = PublishTally & { files: FilePublished[]; elapsedMs: number; rowsPerSecond: number };

/**
 * Publishes the files to the event log at `to`: a publisher opened (and closed) here, or one already
 * open, which stays open. `maxRows` cuts smaller messages than MESSAGE_ROWS (tests).
 */
export async function publishFiles(
  to: StreamSettings | StreamPublisher,
  sources: CsvSource[],
  opts: { onProgress?: (p: PublishProgress) => void; maxRows?: number } = {},
): Promise<PublishSummary> {
  const started = performance.now();
  // A missing or malformed file is said before the server is asked anything.
  const checked = await checkCsvSources(sources);
  if (to instanceof StreamPublisher) return publishCheckedFiles(to, checked, { ...opts, started });
  const publisher = await StreamPublisher.open(to);
  try {
    return await publishCheckedFiles(publisher, checked, { ...opts, started });
  } finally {
    await publisher.close();
  }
}

/** Import's whole-file checks for every source, before anything is sent (or a server is even asked). */
async function checkCsvSources(sources: CsvSource[]): Promise<CheckedCsv[]> {
  const checked: CheckedCsv[] = [];
  for (const s of sources) checked.push(await checkCsvFile(s.kind, s.file));
  return checked;
}

async function publishCheckedFiles(
  publisher: StreamPublisher,
  checked: CheckedCsv[],
  opts: { onProgress?: (p: PublishProgress) => void; maxRows?: number; started: number },
): Promise<PublishSummary> {
  const { started } = opts;
  const files: FilePublished[] = [];
  for (const csv of checked) files.push(await publishChecked(publisher, csv, opts));
  await publisher.flush();
  // Acknowledgements arrive after send() returns: the tallies are final only after the flush.
  const total = emptyTally();
  for (const f of files) for (const k of Object.keys(total) as (keyof PublishTally)[]) total[k] += f[k];
  const elapsedMs = performance.now() - started;
  return { ...total, files, elapsedMs, rowsPerSecond: Math.round(total.rows / Math.max(0.001, elapsedMs / 1000)) };
}

async function publishChecked(
  publisher: StreamPublisher,
  csv: CheckedCsv,
  opts: { onProgress?: (p: PublishProgress) => void; maxRows?: number },
): Promise<FilePublished> {
  const file = path.basename(csv.file);
  const totalBytes = fs.statSync(csv.file).size;
  const before = { ...publisher.tally };
  let doneBytes = Buffer.byteLength(csv.header) + 1;
  // Every line goes, blank ones too: the gate decides what a line is, as it does for `import`.
  function* lines(): Generator<Row> {
    for (const rec of csv.rest) {
      doneBytes += Buffer.byteLength(rec.raw) + 1;
      yield [rec.lineNo, rec.raw];
    }
  }
  await publisher.sendRows(csv.kind, { v: 1, source: 'csv', file, header: csv.header }, lines(), {
    maxRows: opts.maxRows,
    afterSend: () => opts.onProgress?.({ kind: csv.kind, file, doneBytes: Math.min(doneBytes, totalBytes), totalBytes, tally: diff(publisher.tally, before) }),
  });
  await publisher.flush();
  return { kind: csv.kind, file, ...diff(publisher.tally, before) };
}

const diff = (now: PublishTally, before: PublishTally): PublishTally => ({
  rows: now.rows - before.rows,
  messages: now.messages - before.messages,
  duplicates: now.duplicates - before.duplicates,
  duplicateRows: now.duplicateRows - before.duplicateRows,
  bytes: now.bytes - before.bytes,
});
