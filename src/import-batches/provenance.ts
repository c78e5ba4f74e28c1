/** Where a store's rows came from: real and simulated data never mix, so each side asks before writing. */
import type { Store } from '../../db/open-db.ts';

/** True once the simulator has written into the store. (Its mirror, hasImportedData, is the simulator's own check.) */
export function holdsSimulatedData(store: Store): boolean {
  return store.sqlite.prepare("SELECT 1 FROM import_batches WHERE source = 'simulator' LIMIT 1").get() !== undefined;
}
