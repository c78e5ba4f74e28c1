/**
 * The one gate into bronze, for CSV files and simulator batches alike: checks each row against
 * the contract, appends good rows to the source's raw table and bad ones to quarantine, and
 * records the batch. A batch is one transaction: it lands whole or not at all.
 */
import type Database from 'better-sqlite3';
import type { Store } from '../../db/open-db.ts';
import { checkContext, checkRow, CONTRACTS, type CheckContext, type SourceKind } from './contract.ts';

/** `now` is the time of the import (Date.now() unless given): recorded on the batch, and where the contract's date ranges end. */
export type BatchInfo = { source: 'csv' | 'simulator'; kind: SourceKind; file: string; sha256?: string; now?: number };

export type BatchResult = {
  batchId: number;
  loaded: number;
  quarantined: number;
  reasons: Map<string, number>;
};

/** Rows per INSERT statement: many rows a statement is what makes bulk loading fast in SQLite. */
export const CHUNK = 200;

/** INSERT of `rows` rows into the source's raw table; each row binds batch_id, line_no, then the contract columns. */
export function bronzeInsertSql(kind: SourceKind, rows: number): string {
  const contract = CONTRACTS[kind];
  const cols = ['batch_id', 'line_no', ...contract.columns.map((c) => c.name)];
  const tuple = `(${cols.map(() => '?').join(',')})`;
  return `INSERT INTO ${contract.bronzeTable} (${cols.join(',')}) VALUES ${Array(rows).fill(tuple).join(',')}`;
}

export class BronzeWriter {
  private readonly sqlite: Database.Database;
  private readonly contract;
  private readonly width: number;
  private readonly at: CheckContext;
  private readonly insertChunk: Database.Statement;
  private readonly insertOne: Database.Statement;
  private readonly insertQuarantine: Database.Statement;
  private buffer: unknown[] = [];
  private buffered = 0;
  private batchId = 0;
  private firstRawId = 0;
  private result: BatchResult | undefined;
  /** Opened inside a caller's transaction (a stream consumer's micro-batch): the batch is a savepoint of it. */
  private nested = false;

  constructor(
    store: Store,
    private readonly info: BatchInfo,
  ) {
    this.sqlite = store.sqlite;
    this.contract = CONTRACTS[info.kind];
    this.width = this.contract.columns.length;
    this.at = checkContext(info.now ?? Date.now());
    this.insertChunk = this.sqlite.prepare(bronzeInsertSql(info.kind, CHUNK));
    this.insertOne = this.sqlite.prepare(bronzeInsertSql(info.kind, 1));
    this.insertQuarantine = this.sqlite.prepare(
      'INSERT INTO quarantine (batch_id, file, line_no, raw_line, reason_code, reason) VALUES (?, ?, ?, ?, ?, ?)',
    );
  }

  /**
   * Starts the batch's transaction. Everything until commit() lands together or not at all. Inside a
   * transaction the caller holds, the batch is a savepoint, and it lands when the caller commits.
   */
  open(): void {
    this.nested = this.sqlite.inTransaction;
    this.sqlite.exec(this.nested ? 'SAVEPOINT bronze_batch' : 'BEGIN IMMEDIATE');
    const { next } = this.sqlite
      .prepare(`SELECT coalesce(max(raw_id), 0) + 1 AS next FROM ${this.contract.bronzeTable}`)
      .get() as { next: number };
    this.firstRawId = next;
    this.batchId = Number(
      this.sqlite
        .prepare(
          `INSERT INTO import_batches (source, kind, file, sha256, rows_loaded, rows_quarantined, imported_at)
           VALUES (?, ?, ?, ?, 0, 0, ?)`,
        )
        .run(this.info.source, this.info.kind, this.info.file, this.info.sha256 ?? null, this.at.now).lastInsertRowid,
    );
    this.result = { batchId: this.batchId, loaded: 0, quarantined: 0, reasons: new Map() };
  }

  /** Adds one row; `values` are in contract column order, as they arrived (not trimmed). */
  add(lineNo: number, values: string[], rawLine?: string): void {
    const result = this.requireOpen();
    const rejection = checkRow(this.contract, values, this.at);
    if (rejection) {
      this.quarantine(lineNo, rawLine ?? values.join(','), rejection.code, rejection.reason);
      return;
    }
    this.buffer.push(this.batchId, lineNo);
    for (let i = 0; i < this.width; i++) this.buffer.push(values[i]);
    result.loaded++;
    if (++this.buffered === CHUNK) this.flush();
  }

  /** Records a row that could not even be split into fields (bad quoting, wrong field count). */
  quarantine(lineNo: number, rawLine: string, code: string, reason: string): void {
    const result = this.requireOpen();
    this.insertQuarantine.run(this.batchId, this.info.file, lineNo, rawLine, code, reason);
    result.quarantined++;
    result.reasons.set(code, (result.reasons.get(code) ?? 0) + 1);
  }

  commit(): BatchResult {
    const result = this.requireOpen();
    this.flush();
    const { last } = this.sqlite
      .prepare(`SELECT coalesce(max(raw_id), 0) AS last FROM ${this.contract.bronzeTable}`)
      .get() as { last: number };
    this.sqlite
      .prepare(
        `UPDATE import_batches SET rows_loaded = ?, rows_quarantined = ?, first_raw_id = ?, last_raw_id = ?
         WHERE batch_id = ?`,
      )
      .run(result.loaded, result.quarantined, this.firstRawId, last, this.batchId);
    this.sqlite.exec(this.nested ? 'RELEASE bronze_batch' : 'COMMIT');
    this.result = undefined;
    return result;
  }

  abort(): void {
    if (this.nested && this.result) this.sqlite.exec('ROLLBACK TO bronze_batch; RELEASE bronze_batch');
    else if (!this.nested && this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
    this.result = undefined;
  }

  private flush(): void {
    if (this.buffered === CHUNK) {
      this.insertChunk.run(this.buffer);
    } else {
      const per = this.width + 2;
      for (let i = 0; i < this.buffered; i++) this.insertOne.run(this.buffer.slice(i * per, (i + 1) * per));
    }
    this.buffer = [];
    this.buffered = 0;
  }

  private requireOpen(): BatchResult {
    if (!this.result) throw new Error('BronzeWriter: open() the batch first');
    return this.result;
  }
}
