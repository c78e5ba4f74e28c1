/**
 * Writes simulated rows through the same gate as CSV imports (BronzeWriter, source 'simulator'):
 * one batch per source per window, each carrying its own clock mark in its transaction.
 */
import type { Store } from '../../db/open-db.ts';
import { BronzeWriter } from '../ingest/bronze-writer.ts';
import { memberRow } from './members.ts';
import { markClock, markMembers } from './state.ts';
import type { SliceRows } from './slice.ts';
import type { World } from './world.ts';
import type { Row } from './calls.ts';

export type Written = { members: number; digital: number; calls: number; quarantined: number };

export const emptyWritten = (): Written => ({ members: 0, digital: 0, calls: 0, quarantined: 0 });

const MEMBER_CHUNK = 50_000;

/** Writes the member profiles not yet written, in chunks; resumable after a crash at any chunk. */
export function writeMembers(store: Store, world: World, already: number, tally: Written): void {
  for (let from = already; from < world.members.count; from += MEMBER_CHUNK) {
    const to = Math.min(world.members.count, from + MEMBER_CHUNK);
    const writer = new BronzeWriter(store, { source: 'simulator', kind: 'members', file: `simulator members ${from + 1}-${to}` });
    writer.open();
    try {
      for (let i = from; i < to; i++) writer.add(i - from + 1, memberRow(world.members, i));
      markMembers(store, to);
      const r = writer.commit();
      tally.members += r.loaded;
      tally.quarantined += r.quarantined;
    } catch (e) {
      writer.abort();
      throw e;
    }
  }
}

export function writeWindow(store: Store, rows: SliceRows, from: number, to: number, tally: Written): void {
  writeKind(store, 'digital', rows.digital, from, to, tally);
  writeKind(store, 'calls', rows.calls, from, to, tally);
}

function writeKind(store: Store, kind: 'digital' | 'calls', rows: Row[], from: number, to: number, tally: Written): void {
  if (rows.length === 0) {
    markClock(store, kind, to);
    return;
  }
  const file = `simulator ${kind} ${new Date(from).toISOString()}..${new Date(to).toISOString()}`;
  const writer = new BronzeWriter(store, { source: 'simulator', kind, file });
  writer.open();
  try {
    for (let i = 0; i < rows.length; i++) writer.add(i + 1, rows[i].v);
    markClock(store, kind, to);
    const r = writer.commit();
    tally[kind] += r.loaded;
    tally.quarantined += r.quarantined;
  } catch (e) {
    writer.abort();
    throw e;
  }
}
