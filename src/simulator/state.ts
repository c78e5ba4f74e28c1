/**
 * What the store remembers about its simulated world (in meta): the world's definition, how far
 * each source has been written, and how many member profiles. Each mark is written inside the
 * transaction of the batch it describes, so a crash can never leave rows without their mark
 * (which would duplicate them on restart) or a mark without its rows (a gap).
 */
import type { Store } from '../../db/open-db.ts';
import { readMeta, writeMeta } from '../../db/meta.ts';
import type { WorldDefinition } from './world.ts';
import type { Cut } from './stream.ts';

const WORLD = 'simulator_world';
const CLOCK = { digital: 'simulator_clock_digital', calls: 'simulator_clock_calls' } as const;
const MEMBERS = 'simulator_members_written';

export type SimState = { world: WorldDefinition; cut: Cut; membersWritten: number };

export function loadSimState(store: Store): SimState | undefined {
  const get = (key: string) => readMeta(store.sqlite, key);
  const world = get(WORLD);
  if (!world) return undefined;
  return {
    world: JSON.parse(world) as WorldDefinition,
    cut: { digital: Number(get(CLOCK.digital)), calls: Number(get(CLOCK.calls)) },
    membersWritten: Number(get(MEMBERS) ?? 0),
  };
}

export function saveWorld(store: Store, world: WorldDefinition, cut?: Cut): void {
  store.sqlite.transaction(() => {
    writeMeta(store.sqlite, WORLD, JSON.stringify(world));
    if (cut) {
      writeMeta(store.sqlite, CLOCK.digital, String(cut.digital));
      writeMeta(store.sqlite, CLOCK.calls, String(cut.calls));
    }
  })();
}

/** Call inside the batch's open transaction. */
export const markClock = (store: Store, kind: 'digital' | 'calls', ms: number) => writeMeta(store.sqlite, CLOCK[kind], String(ms));
export const markMembers = (store: Store, n: number) => writeMeta(store.sqlite, MEMBERS, String(n));
