/**
 * `leak simulate --publish`'s core: the simulator's rows sent to the event log instead of a local
 * store. Generated rows become contract CSV lines (RFC 4180, as export writes them) under the
 * contract's header, in the windows and files a local backfill would use, so a consumer stores
 * exactly what `simulate` would have stored. The world is defined as a new local one would be
 * (seed, scale, days, end, LEAK_TZ); the producer keeps no state: publishing the same history
 * again repeats its message ids, and the store's upsert on source ids stands behind those.
 */
import { CONTRACTS, type SourceKind } from '../ingest/contract.ts';
import { csvField } from '../simulator/export-csv.ts';
import { windowMinutes } from '../simulator/backfill.ts';
import { memberRow } from '../simulator/members.ts';
import type { WorldRequest } from '../simulator/open-world.ts';
import { SliceStream } from '../simulator/stream.ts';
import { paceLive, type LiveOptions } from '../simulator/live.ts';
import { createWorld, type World } from '../simulator/world.ts';
import type { Row } from '../simulator/calls.ts';
import { addDays, zoneClock } from '../time.ts';
import type { Row as LineRow } from './messages.ts';
import type { StreamPublisher } from './publisher.ts';

export type SimulatedRows = Record<SourceKind, number>;
export type SimulatedProgress = { done: number; total: number; rows: number };

/** A simulated world as `simulate` would create it in a new store, and the instant its history starts. */
export function simulatedWorld(config: { timeZone: string }, req: WorldRequest): { world: World; start: number } {
  const clock = zoneClock(config.timeZone);
  const anchorDate = clock.localDate(req.end);
  const world = createWorld({ seed: req.seed, scale: req.scale, timeZone: config.timeZone, anchorDate, fixes: req.fixes });
  return { world, start: clock.startOfDay(addDays(anchorDate, -req.days)) };
}

const MEMBER_CHUNK = 50_000;
const headerOf = (kind: SourceKind) => CONTRACTS[kind].columns.map((c) => c.name).join(',');
const lineOf = (values: string[]) => values.map(csvField).join(',');

/** Sends one "file" of rows (contract values in column order), cut into messages. */
function sendFile(publisher: StreamPublisher, kind: SourceKind, file: string, rows: Iterable<string[]>): Promise<number> {
  return publisher.sendRows(kind, { v: 1, source: 'simulator', file, header: headerOf(kind) }, lines(rows));
}

function* lines(rows: Iterable<string[]>): Generator<LineRow> {
  let n = 0;
  for (const values of rows) yield [++n, lineOf(values)];
}

/** Every member profile, in the chunks a local backfill writes. */
export async function publishMembers(publisher: StreamPublisher, world: World): Promise<number> {
  let sent = 0;
  for (let from = 0; from < world.members.count; from += MEMBER_CHUNK) {
    const to = Math.min(world.members.count, from + MEMBER_CHUNK);
    sent += await sendFile(publisher, 'members', `simulator members ${from + 1}-${to}`, rangeRows(world, from, to));
  }
  return sent;
}

function* rangeRows(world: World, from: number, to: number): Generator<string[]> {
  for (let i = from; i < to; i++) yield memberRow(world.members, i);
}

/** The digital events and calls of [from, to), as a local backfill would write that window. */
async function publishWindow(publisher: StreamPublisher, stream: SliceStream, from: number, to: number, tally: SimulatedRows): Promise<void> {
  const rows = stream.take(to);
  for (const kind of ['digital', 'calls'] as const) {
    if (rows[kind].length === 0) continue;
    const file = `simulator ${kind} ${new Date(from).toISOString()}..${new Date(to).toISOString()}`;
    tally[kind] += await sendFile(publisher, kind, file, rows[kind].map((r: Row) => r.v));
  }
}

/** Publishes members (unless told not to) and the history from `from` to `to`, window by window. */
export async function publishSimulatedHistory(
  publisher: StreamPublisher,
  world: World,
  opts: { from: number; to: number; members?: boolean; onProgress?: (p: SimulatedProgress) => void },
): Promise<{ rows: SimulatedRows; elapsedMs: number }> {
  const started = performance.now();
  const rows: SimulatedRows = { members: 0, digital: 0, calls: 0 };
  if (opts.members !== false) rows.members = await publishMembers(publisher, world);
  const stream = new SliceStream(world, { digital: opts.from, calls: opts.from });
  const step = windowMinutes(world.scale) * 60_000;
  for (let t = opts.from; t < opts.to; ) {
    const to = Math.min(opts.to, t + step);
    await publishWindow(publisher, stream, t, to, rows);
    t = to;
    opts.onProgress?.({ done: t - opts.from, total: opts.to - opts.from, rows: rows.members + rows.digital + rows.calls });
  }
  await publisher.flush();
  return { rows, elapsedMs: performance.now() - started };
}

/** The live simulator's timing (speed, batchMs, now, sleep, signal, maxBatches); each batch reports the rows it published. */
export type LivePublishOptions = Omit<LiveOptions, 'onBatch'> & { onBatch?: (b: { simulatedTo: number; rows: number }) => void };

/** Publishes the world live from `from`: every batchMs of real time, the rows of the simulated time that passed. */
export async function publishSimulatedLive(
  publisher: StreamPublisher,
  world: World,
  from: number,
  opts: LivePublishOptions,
): Promise<{ batches: number; rows: SimulatedRows; simulatedTo: number }> {
  const stream = new SliceStream(world, { digital: from, calls: from });
  const rows: SimulatedRows = { members: 0, digital: 0, calls: 0 };
  const batches = await paceLive(opts, from, () => stream.position, async (t, to) => {
    const before = rows.digital + rows.calls;
    await publishWindow(publisher, stream, t, to, rows);
    await publisher.flush();
    opts.onBatch?.({ simulatedTo: to, rows: rows.digital + rows.calls - before });
  });
  return { batches, rows, simulatedTo: stream.position };
}
