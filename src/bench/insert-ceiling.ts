/**
 * The ceiling the ingest figure lives under: the bronze insert alone, with the gate's own 200-row
 * statement and ~100K-row transactions, on simulated digital rows made beforehand, so there is
 * no generation and no checking in the timed part. Generation + bronze can only approach it.
 */
import path from 'node:path';
import { openStore } from '../../db/open-db.ts';
import { bronzeInsertSql, CHUNK } from '../ingest/bronze-writer.ts';
import { generateMinute, type SliceRows } from '../simulator/slice.ts';
import { createWorld } from '../simulator/world.ts';
import { benchDir, removeDb } from './bench-store.ts';

const PER_TRANSACTION = 100_000;

export function measureInsertCeiling(rowCount = 400_000): { rowsPerSecond: number; rows: number } {
  const world = createWorld({ seed: 42, scale: 0.1, timeZone: 'America/New_York', anchorDate: '2026-11-24', fixes: [] });
  const made: SliceRows = { digital: [], calls: [] };
  // Weekday business hours at scale 0.1: the same mix of sessions, errors and ids a backfill writes.
  for (let minute = Date.parse('2026-11-23T14:00:00Z') / 60_000; made.digital.length < rowCount; minute++) generateMinute(world, minute, made);
  const rows = made.digital.slice(0, rowCount - (rowCount % CHUNK)).map((r) => r.v);

  const file = path.join(benchDir(), `ceiling-${process.pid}.db`);
  removeDb(file);
  const store = openStore(file);
  try {
    const insert = store.sqlite.prepare(bronzeInsertSql('digital', CHUNK));
    const started = performance.now();
    for (let i = 0; i < rows.length; i += CHUNK) {
      if (i % PER_TRANSACTION === 0) store.sqlite.exec(i === 0 ? 'BEGIN' : 'COMMIT; BEGIN');
      const values: unknown[] = [];
      for (let j = i; j < i + CHUNK; j++) values.push(1, j + 1, ...rows[j]);
      insert.run(values);
    }
    store.sqlite.exec('COMMIT');
    return { rowsPerSecond: rows.length / ((performance.now() - started) / 1000), rows: rows.length };
  } finally {
    store.close();
    removeDb(file);
  }
}
