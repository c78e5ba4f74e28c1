/**
 * The durable consumer as a cursor over the stream, kept in step with the store. The store's
 * applied sequence (stream_offsets) is the truth; the JetStream consumer only says where delivery
 * stands. When it has delivered past what the store holds (a crash or a lost connection left
 * messages delivered but never committed), it is recreated to start right after the applied
 * sequence, so nothing is skipped and nothing waits for a redelivery timeout.
 */
import { AckPolicy, DeliverPolicy, type JetStreamManager } from '@nats-io/jetstream';
import type { Store } from '../../db/open-db.ts';
import { readAppliedSeq } from './apply-messages.ts';
import { filterFor, type StreamSettings } from './stream-settings.ts';

/** How long the server waits for an acknowledgement before delivering a message again. */
export const ACK_WAIT_MS = 60_000;

export type CursorOptions = { ackWaitMs?: number; maxAckPending?: number };

/**
 * Makes the durable consumer deliver from just after the store's applied sequence. `force`
 * recreates it even when it looks in step (after a reconnect or a failed batch, messages in
 * flight may be gone). Returns the applied sequence it aligned to.
 */
export async function alignCursor(
  jsm: JetStreamManager,
  store: Store,
  settings: StreamSettings & { created: string },
  force: boolean,
  opts: CursorOptions = {},
): Promise<number> {
  const applied = readAppliedSeq(store, { stream: settings.name, consumer: settings.consumer, created: settings.created });
  const filter = filterFor(settings.prefix);
  const info = await jsm.consumers.info(settings.name, settings.consumer).catch((e: Error) => {
    if (/consumer not found/i.test(e.message)) return null;
    throw e;
  });
  const inStep =
    info !== null &&
    !force &&
    info.config.filter_subject === filter &&
    info.config.ack_policy === AckPolicy.Explicit &&
    info.delivered.stream_seq <= applied &&
    // A consumer made for another store (or a store rebuilt from scratch) starts after the applied sequence.
    info.ack_floor.stream_seq <= applied;
  if (inStep) return applied;
  if (info) await jsm.consumers.delete(settings.name, settings.consumer);
  await jsm.consumers.add(settings.name, {
    durable_name: settings.consumer,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.StartSequence,
    opt_start_seq: applied + 1,
    filter_subject: filter,
    ack_wait: (opts.ackWaitMs ?? ACK_WAIT_MS) * 1e6,
    max_ack_pending: opts.maxAckPending ?? 10_000,
  });
  return applied;
}

/**
 * The first message at or after `seq` that the consumer's filter takes (its sequence and when the
 * server stored it), or null when there is none yet. Deleted messages and other subjects are passed over.
 */
export async function nextStored(jsm: JetStreamManager, settings: StreamSettings, seq: number): Promise<{ seq: number; time: number } | null> {
  const m = await jsm.direct.getMessage(settings.name, { seq, next_by_subj: filterFor(settings.prefix) });
  return m ? { seq: m.seq, time: m.time.getTime() } : null;
}

/**
 * The messages (sorted by sequence) up to the first gap that hides a message the consumer should
 * have had: one lost in flight, which the caller fetches again by re-aligning. Messages at or below
 * the applied sequence are redeliveries and pass; gaps of deleted messages or other subjects pass too.
 */
export async function untilGap<M extends { seq: number }>(jsm: JetStreamManager, settings: StreamSettings, appliedSeq: number, sorted: M[]): Promise<M[]> {
  let expected = appliedSeq + 1;
  for (let i = 0; i < sorted.length; i++) {
    const seq = sorted[i].seq;
    if (seq > expected) {
      const next = await nextStored(jsm, settings, expected);
      if (next && next.seq < seq) return sorted.slice(0, i);
    }
    expected = Math.max(expected, seq + 1);
  }
  return sorted;
}

export type StreamLag = {
  /** Messages in the stream not yet in the store. */
  pending: number;
  /** How long the oldest of them has waited, or null when none waits. */
  oldestAgeMs: number | null;
  appliedSeq: number;
  /** The stream's last sequence. */
  lastSeq: number;
  at: number;
};

/**
 * How far the store is behind the stream: the messages after its applied sequence (counted from the
 * first one the consumer takes to the stream's end, so messages deleted in between, or of other
 * subjects in a shared stream, count too) and how long the oldest has waited.
 */
export async function readStreamLag(jsm: JetStreamManager, store: Store, settings: StreamSettings, now = Date.now()): Promise<StreamLag> {
  const info = await jsm.streams.info(settings.name);
  const appliedSeq = readAppliedSeq(store, { stream: settings.name, consumer: settings.consumer, created: info.created });
  const next = await nextStored(jsm, settings, appliedSeq + 1);
  const lastSeq = info.state.last_seq;
  if (!next) return { pending: 0, oldestAgeMs: null, appliedSeq, lastSeq, at: now };
  return { pending: lastSeq - next.seq + 1, oldestAgeMs: Math.max(0, now - next.time), appliedSeq, lastSeq, at: now };
}

/**
 * One line for the log and the Home tab: "up to date", or how many messages wait and for how long;
 * with `readAgoMs`, how long ago that was read (for a reading old enough to doubt).
 */
export function describeLag(lag: StreamLag, opts: { readAgoMs?: number } = {}): string {
  const read = opts.readAgoMs === undefined ? '' : ` (last read ${describeWait(opts.readAgoMs)} ago)`;
  if (lag.pending === 0 || lag.oldestAgeMs === null) return `Event log: up to date${read}.`;
  return `Event log: ${lag.pending.toLocaleString('en-US')} message${lag.pending === 1 ? '' : 's'} behind, the oldest waiting ${describeWait(lag.oldestAgeMs)}${read}.`;
}

/** A wait as people say it: "12 s", "3 min", "1.5 h". */
export function describeWait(ms: number): string {
  return ms < 60_000 ? `${Math.round(ms / 1000)} s` : ms < 3_600_000 ? `${Math.round(ms / 60_000)} min` : `${(ms / 3_600_000).toFixed(1)} h`;
}
