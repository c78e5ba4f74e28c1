/**
 * The consuming service (`LEAK_STREAM=… npm start`): a durable pull consumer with explicit acks
 * takes messages in micro-batches (at most maxMessages, closed maxWaitMs after the first arrived),
 * lands each batch in one transaction with its stream position (applyMessages), acknowledges it
 * only after the commit, then runs the pipeline. Connection trouble of any kind is retried by
 * itself; after a reconnect or a failed batch the cursor is re-aligned to the store, and a gap in
 * the sequences it receives is checked against the stream, so a message lost in flight is fetched
 * again rather than skipped. stop() lets the batch in flight finish.
 */
import { jetstream, jetstreamManager, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import type { Store } from '../../db/open-db.ts';
import { runPipeline, type PipelineResult, type PipelineSettings } from '../pipeline/run-pipeline.ts';
import { applyMessages, readAppliedSeq, type ApplyResult } from './apply-messages.ts';
import { connectStream, ensureStream } from './connect.ts';
import { alignCursor, untilGap, type CursorOptions, type StreamLag } from './cursor.ts';
import { LagReader } from './lag-reader.ts';
import { takeBatch, type Pull } from './take-batch.ts';
import type { StreamSettings } from './stream-settings.ts';

export type ConsumerOptions = CursorOptions & {
  /** Messages per micro-batch at most (each holds up to 1,000 rows: 250 messages, about as many rows as one of the pipeline's silver groups). */
  maxMessages?: number;
  /** A micro-batch closes this long after its first message arrived, full or not. */
  maxWaitMs?: number;
  log?: (line: string) => void;
  /** After each batch is committed, acknowledged and through the pipeline; the next batch waits for it. */
  onBatch?: (b: ConsumedBatch) => void | Promise<void>;
  /** How often the lag is read: after a batch once this long has passed since the last reading, and this often when idle (0: after every batch, never when idle). */
  lagEveryMs?: number;
  /** Logged as behind once the oldest waiting message is older than this; again every lagRepeatMs while behind; once on catching up. */
  behindMs?: number;
  lagRepeatMs?: number;
};

export type ConsumedBatch = ApplyResult & {
  firstSeq: number;
  lastSeq: number;
  /** When the server stored the batch's newest message (epoch ms): now minus this is how far behind the producer the store is. */
  newestStoredAt: number;
  pipeline: PipelineResult | null;
};

export type StreamConsumer = {
  name: 'stream';
  stop(): Promise<void>;
  /** The last lag read, or null before the first: for a view that must not wait on the network. */
  lastLag(): StreamLag | null;
};

export const DEFAULT_BATCH = { maxMessages: 250, maxWaitMs: 200 };

export function startStreamConsumer(store: Store, pipeline: PipelineSettings, settings: StreamSettings, opts: ConsumerOptions = {}): StreamConsumer {
  const log = opts.log ?? ((line: string) => console.log(line));
  // The stream's creation time joins the key once known: a stream made anew under the same name is read from its start.
  const key = { stream: settings.name, consumer: settings.consumer, prefix: settings.prefix, created: '' };
  const maxMessages = opts.maxMessages ?? DEFAULT_BATCH.maxMessages;
  const maxWaitMs = opts.maxWaitMs ?? DEFAULT_BATCH.maxWaitMs;
  let stopped = false;
  let realign = false;
  let deletedUnder = false;
  let nc: NatsConnection | undefined;
  let jsm: JetStreamManager | undefined;
  let pull: Pull | undefined;
  const lag = new LagReader(store, settings, { everyMs: opts.lagEveryMs, behindMs: opts.behindMs, repeatMs: opts.lagRepeatMs, log });
  let wake: () => void = () => {};

  const sleep = (ms: number) => new Promise<void>((r) => ((wake = r), setTimeout(r, ms)));

  async function connectOnce(): Promise<JetStreamManager> {
    nc = await connectStream(settings, `leak-consumer ${settings.consumer}`);
    void watch(nc);
    log(`Stream: connected to ${settings.url}, consuming ${settings.prefix}.> from stream ${settings.name} as ${settings.consumer}.`);
    return jetstreamManager(nc);
  }

  async function watch(conn: NatsConnection): Promise<void> {
    for await (const s of conn.status()) {
      if (s.type === 'disconnect') log(`Stream: lost the server at ${settings.url}; reconnecting by itself…`);
      if (s.type === 'reconnect') {
        log('Stream: reconnected; resuming after the last applied message.');
        realign = true;
        pull?.stop();
      }
    }
  }

  async function consume(m: JetStreamManager): Promise<void> {
    const { created } = await ensureStream(m, settings);
    if (key.created !== created) {
      const before = readAppliedSeq(store, key);
      if (before > 0 && readAppliedSeq(store, { ...key, created }) === 0) {
        log(`Stream: ${settings.name} was made anew (created ${created}); reading it from its first message.`);
      }
      key.created = created;
    }
    const force = realign;
    realign = false;
    await alignCursor(m, store, { ...settings, created }, force, opts);
    // The first reading at once, so the log says at start how much waits (and the Home tab has a line).
    if (lag.never) void lag.read(m);
    const consumer = await jetstream(nc!).consumers.get(settings.name, settings.consumer);
    // Prefetch about one batch while the one before it is applied.
    const messages = await consumer.consume({ max_messages: maxMessages, expires: 5000 });
    pull = { iterator: messages[Symbol.asyncIterator](), stop: () => messages.stop() };
    void watchConsumer(messages.status());
    try {
      while (!stopped && !realign) {
        const batch = await takeBatch(pull, maxMessages, maxWaitMs);
        if (batch.length === 0) {
          if (stopped || realign) break;
          throw new Error('the server ended the delivery');
        }
        await handle(m, batch);
      }
    } finally {
      messages.stop();
      pull = undefined;
    }
  }

  /**
   * A consumer or stream deleted under it: stop pulling and make them again (the store says where to
   * resume), after a pause: nats-server 2.9 removes a deleted stream's files after it has told its
   * consumers, and a stream of the same name made in between loses its files with them.
   */
  async function watchConsumer(notifications: AsyncIterable<{ type: string }>): Promise<void> {
    for await (const n of notifications) {
      if (n.type === 'consumer_deleted' || n.type === 'consumer_not_found' || n.type === 'stream_not_found') {
        log(`Stream: the consumer ${settings.consumer} or the stream ${settings.name} was deleted on the server; making them again.`);
        realign = true;
        deletedUnder = true;
        pull?.stop();
        return;
      }
    }
  }

  async function handle(m: JetStreamManager, batch: JsMsg[]): Promise<void> {
    batch.sort((a, b) => a.seq - b.seq);
    const keep = await untilGap(m, settings, readAppliedSeq(store, key), batch);
    if (keep.length < batch.length) realign = true;
    if (keep.length === 0) return;
    const applied = applyMessages(store, key, keep);
    for (const msg of keep) msg.ack();
    let result: PipelineResult | null = null;
    try {
      result = runPipeline(store, pipeline);
    } catch (e) {
      log(`Stream: the pipeline failed after batch ${keep[0].seq}-${keep[keep.length - 1].seq} (its rows are stored and will be processed next time): ${(e as Error).message}`);
    }
    const newest = keep[keep.length - 1];
    const unreadable = applied.badMessages - applied.mixedSource;
    if (unreadable) log(`Stream: ${unreadable} unreadable message(s) quarantined (see \`leak quarantine\`), the stream goes on.`);
    if (applied.mixedSource) log(`Stream: ${applied.mixedSource} message(s) of the other source quarantined: real and simulated data never mix in one store (see \`leak quarantine\`).`);
    // Read before onBatch, so whatever waits on the batch sees how far behind it left the store.
    if (lag.due) await lag.readAfterNow(m);
    try {
      await opts.onBatch?.({ ...applied, firstSeq: keep[0].seq, lastSeq: newest.seq, newestStoredAt: newest.time.getTime(), pipeline: result });
    } catch (e) {
      log(`Stream: after batch ${keep[0].seq}-${newest.seq}: ${(e as Error).message}`);
    }
  }

  lag.startTimer(() => jsm);

  const running = (async () => {
    let backoff = 250;
    let lastProblem = '';
    // Rows a crash left stored but not yet through the pipeline are processed before anything new.
    try {
      runPipeline(store, pipeline);
    } catch (e) {
      log(`Stream: the pipeline failed at start: ${(e as Error).message}`);
    }
    while (!stopped) {
      try {
        jsm ??= await connectOnce();
        if (deletedUnder) await sleep(1000);
        deletedUnder = false;
        await consume(jsm);
        backoff = 250;
        lastProblem = '';
      } catch (e) {
        if (stopped) break;
        realign = true;
        const problem = (e as Error).message;
        if (problem !== lastProblem) log(`Stream: ${problem}; retrying by itself.`);
        lastProblem = problem;
        await sleep(backoff);
        backoff = Math.min(backoff * 2, 5000);
      }
    }
    await nc?.flush().catch(() => {});
    await nc?.close();
  })();

  return {
    name: 'stream',
    async stop() {
      stopped = true;
      pull?.stop();
      wake();
      await running;
      await lag.stop();
    },
    lastLag: () => lag.last,
  };
}
