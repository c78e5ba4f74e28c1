/**
 * What the store remembers about its simulated world (in meta): the world's definition, how far
 * each source has been written, and how many member profiles. Each mark is written inside the
 * transaction of the batch it describes, so a crash can never leave rows without their mark
 * (which would duplicate them on restart) or a mark without its rows (a gap).
 */
import type { Store } from '../../db/open-db.ts';
import type { WorldDefinition } from './world.ts';
import type { Cut } from './stream.ts';

const WORLD = 'simulator_world';
const CLOCK = { digital: 'simulator_clock_digital', calls: 'simulator_clock_calls' } as const;
const MEMBERS = 'simulator_members_written';

export type SimState = { world: WorldDefinition; cut: Cut; membersWritten: number };

export function loadSimState(store: Store): SimState | undefined {
  const get = store.sqlite.prepare('SELECT value FROM meta WHERE key = ?').pluck();
  const world = get.get(WORLD) as string | undefined;
  if (!world) return undefined;
  return {
    world: JSON.parse(world) as WorldDefinition,
    cut: { digital: Number(get.get(CLOCK.digital)), calls: Number(get.get(CLOCK.calls)) },
    membersWritten: Number(get.get(MEMBERS) ?? 0),
  };
}

const setter = (store: Store) =>
  store.sqlite.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

export function saveWorld(store: Store, world: WorldDefinition, cut?: Cut): void {
  const set = setter(store);
  store.sqlite.transaction(() => {
    set.run(WORLD, JSON.stringify(world));
    if (cut) {
      set.run(CLOCK.digital, String(cut.digital));
      set.run(CLOCK.calls, String(cut.calls));
    }
  })();
}

/** Call inside the batch's open transaction. */
export const markClock = (store: Store, kind: 'digital' | 'calls', ms: number) => setter(store).run(CLOCK[kind], String(ms));
export const markMembers = (store: Store, n: number) => setter(store).run(MEMBERS, String(n));

/** True when the store holds rows that came from CSV imports: real data, which simulated data must never join. */
export function hasImportedData(store: Store): boolean {
  return store.sqlite.prepare("SELECT 1 FROM import_batches WHERE source = 'csv' AND rows_loaded > 0 LIMIT 1").get() !== undefined;
}
