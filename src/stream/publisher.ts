/**
 * A producer's connection to the event log: sends rows messages with many in flight (waiting on
 * the oldest acknowledgement only when the window is full), retries one the server did not
 * acknowledge (the client's own retries, on a timeout or no responders, as while a server restarts)
 * with the same message id, so a retry never stores it twice, and counts what the server refused as
 * a duplicate.
 */
import type { NatsConnection } from '@nats-io/transport-node';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { SourceKind } from '../ingest/contract.ts';
import { LeakError } from '../errors.ts';
import { openStream } from './connect.ts';
import { encodeMessage, MessageCutter, type Row, type RowsMessage } from './messages.ts';
import { subjectFor, type StreamSettings } from './stream-settings.ts';

export type PublishTally = { rows: number; messages: number; duplicates: number; duplicateRows: number; bytes: number };

export const emptyTally = (): PublishTally => ({ rows: 0, messages: 0, duplicates: 0, duplicateRows: 0, bytes: 0 });

/** Messages awaiting the server's acknowledgement at once: enough to keep the link busy, few enough to bound memory. */
const IN_FLIGHT = 64;
/** Attempts for one message before the producer gives up (a server restart takes a few seconds). */
const ATTEMPTS = 8;

export class StreamPublisher {
  readonly tally = emptyTally();
  /** The highest stream sequence the server gave a message of this publisher (a duplicate's is its original's). */
  lastSeq = 0;
  private readonly pending: Promise<void>[] = [];
  private failure: unknown;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    readonly settings: StreamSettings,
    private readonly inFlight: number,
  ) {}

  /** Connects and creates the stream if absent. LeakError with one line when the server cannot be used. */
  static async open(settings: StreamSettings, opts: { inFlight?: number; clientName?: string } = {}): Promise<StreamPublisher> {
    const { nc } = await openStream(settings, opts.clientName ?? 'leak-publisher');
    return new StreamPublisher(nc, jetstream(nc), settings, opts.inFlight ?? IN_FLIGHT);
  }

  /** Queues one message; resolves once it is on its way (waiting only while the window is full). */
  async send(kind: SourceKind, msg: RowsMessage): Promise<void> {
    if (this.failure) throw this.failure;
    const subject = subjectFor(this.settings.prefix, kind);
    const { data, msgID } = encodeMessage(subject, msg);
    const limit = this.nc.info?.max_payload ?? 1024 * 1024;
    if (data.length > limit) {
      // Only a single row can outgrow a message (MessageCutter closes messages well under the limit).
      throw new LeakError('bad_file', `${msg.file} line ${msg.rows[0][0]}: the row takes ${data.length.toLocaleString('en-US')} bytes, more than the event log takes in one message (${limit.toLocaleString('en-US')}); the rows before it were published.`);
    }
    const rows = msg.rows.length;
    const sent = this.js.publish(subject, data, { msgID, timeout: 10_000, retries: ATTEMPTS }).then(
      (ack) => {
        this.tally.messages++;
        this.tally.rows += rows;
        this.tally.bytes += data.length;
        this.lastSeq = Math.max(this.lastSeq, ack.seq);
        if (ack.duplicate) {
          this.tally.duplicates++;
          this.tally.duplicateRows += rows;
        }
      },
      (e: unknown) => {
        this.failure ??= e;
      },
    );
    this.pending.push(sent);
    while (this.pending.length >= this.inFlight) await this.pending.shift();
    if (this.failure) throw this.failure;
  }

  /**
   * Sends one file's rows ([line number, text], in order) cut into messages (MessageCutter);
   * afterSend runs after each message is on its way. Resolves to the number of rows.
   */
  async sendRows(kind: SourceKind, base: Omit<RowsMessage, 'rows'>, rows: Iterable<Row>, opts: { maxRows?: number; afterSend?: () => void } = {}): Promise<number> {
    const queued: RowsMessage[] = [];
    const cutter = new MessageCutter(base, (m) => queued.push(m), opts.maxRows);
    const drain = async () => {
      for (let m = queued.shift(); m; m = queued.shift()) {
        await this.send(kind, m);
        opts.afterSend?.();
      }
    };
    let n = 0;
    for (const [lineNo, raw] of rows) {
      n++;
      cutter.add(lineNo, raw);
      if (queued.length) await drain();
    }
    cutter.flush();
    await drain();
    return n;
  }

  /** Waits for every message sent so far to be acknowledged (or throws the first failure). */
  async flush(): Promise<void> {
    while (this.pending.length) await this.pending.shift();
    if (this.failure) throw this.failure;
  }

  async close(): Promise<void> {
    try {
      await this.flush();
    } finally {
      await this.nc.close();
    }
  }
}
