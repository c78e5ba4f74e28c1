/**
 * Where a store's rows came from, asked in one place: real data (CSV, imported or streamed) and
 * simulated data never mix, so the import, the simulator and the stream consumer each ask before
 * writing. Data-in level, so the simulator and the stream can ask; the domain re-exports it
 * (src/import-batches/provenance.ts).
 */
import type { Store } from '../../db/open-db.ts';

/** A batch's source: real rows from CSV files (imported or streamed), or the simulator's. */
export type RowsSource = 'csv' | 'simulator';

/** Which data the store holds: real (rows loaded from CSV, imported or streamed), simulated, or none yet (the first such batch decides). */
export function storeSource(store: Store): RowsSource | null {
  const row = store.sqlite
    .prepare("SELECT source FROM import_batches WHERE source = 'simulator' OR rows_loaded > 0 ORDER BY batch_id LIMIT 1")
    .get() as { source: RowsSource } | undefined;
  return row?.source ?? null;
}

/** True once the simulator has written into the store. */
export function holdsSimulatedData(store: Store): boolean {
  return store.sqlite.prepare("SELECT 1 FROM import_batches WHERE source = 'simulator' LIMIT 1").get() !== undefined;
}

/** True when the store holds rows that came from CSV files: real data, which simulated data must never join. */
export function hasImportedData(store: Store): boolean {
  return store.sqlite.prepare("SELECT 1 FROM import_batches WHERE source = 'csv' AND rows_loaded > 0 LIMIT 1").get() !== undefined;
}

/** True when the store has consumed an event log (LEAK_STREAM): its data come from producers, and the local simulator stays out. */
export function hasStreamedData(store: Store): boolean {
  return store.sqlite.prepare('SELECT 1 FROM stream_offsets WHERE applied_seq > 0 LIMIT 1').get() !== undefined;
}
