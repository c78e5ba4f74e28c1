/**
 * Finds the store's simulated world, or creates one anchored at the given end instant. A store
 * fed by CSV imports is refused: real and simulated data never mix.
 */
import type { Store } from '../../db/open-db.ts';
import type { Config } from '../config.ts';
import { LeakError } from '../errors.ts';
import { addDays, zoneClock } from '../time.ts';
import { createWorld, type World, type WorldDefinition } from './world.ts';
import { hasImportedData, hasStreamedData } from '../ingest/provenance.ts';
import { loadSimState, saveWorld } from './state.ts';
import type { Fix } from './scenario.ts';
import type { Cut } from './stream.ts';

export type WorldRequest = { seed: number; scale: number; days: number; end: number; fixes: Fix[] };
export type OpenedWorld = { world: World; cut: Cut; membersWritten: number; created: boolean; notes: string[] };

/**
 * Why the local simulator must not write into this store, or undefined when it may. A store fed by
 * an event log (LEAK_STREAM set, or rows consumed from one) gets its rows from producers only:
 * simulated rows reach it as `simulate --publish`, so one store never holds two sources' rows.
 */
export function simulatorRefusal(store: Store, config: Pick<Config, 'simulate' | 'stream'>): string | undefined {
  if (config.simulate === 'off') return 'The simulator is off (LEAK_SIMULATE=off).';
  if (config.stream.url) {
    return `The simulator is off: this store is fed by the event log at ${config.stream.url} (LEAK_STREAM), and the local simulator never writes beside it. For simulated data there: leak simulate --live --publish ${config.stream.url}`;
  }
  if (hasImportedData(store)) return 'The simulator is off: this store holds imported data (source csv), and real and simulated data never mix. Use a fresh LEAK_DB to simulate.';
  if (hasStreamedData(store)) return 'The simulator is off: this store was fed by an event log (LEAK_STREAM); simulated data reach it from there (leak simulate --publish URL), or use a fresh LEAK_DB to simulate.';
  return undefined;
}

export function openWorld(store: Store, config: Config, req: WorldRequest): OpenedWorld {
  const refusal = simulatorRefusal(store, config);
  if (refusal) throw new LeakError('conflict', refusal);
  const state = loadSimState(store);
  const notes: string[] = [];
  if (!state) {
    const clock = zoneClock(config.timeZone);
    const anchorDate = clock.localDate(req.end);
    const def: WorldDefinition = { seed: req.seed, scale: req.scale, timeZone: config.timeZone, anchorDate, fixes: req.fixes };
    const start = clock.startOfDay(addDays(anchorDate, -req.days));
    const cut = { digital: start, calls: start };
    saveWorld(store, def, cut);
    return { world: createWorld(def), cut, membersWritten: 0, created: true, notes };
  }
  const def = { ...state.world };
  if (req.seed !== def.seed || req.scale !== def.scale) {
    notes.push(`Continuing the store's simulated world (seed ${def.seed}, scale ${def.scale}); --seed and --scale apply only to a new store.`);
  }
  if (req.fixes.length) {
    const others = def.fixes.filter((f) => !req.fixes.some((n) => n.journey === f.journey));
    def.fixes = [...others, ...req.fixes];
    saveWorld(store, def);
  }
  return { world: createWorld(def), cut: state.cut, membersWritten: state.membersWritten, created: false, notes };
}
