/**
 * How far behind the stream the store is, read after batches and, when idle, on a timer; and when
 * the log hears of it: once when the consumer falls behind (its oldest waiting message older than
 * the threshold), again at most every `repeatMs` while it stays behind (a long catch-up shows
 * progress without a line per batch), and once when it has caught up.
 */
import type { JetStreamManager } from '@nats-io/jetstream';
import type { Store } from '../../db/open-db.ts';
import { describeLag, describeWait, readStreamLag, type StreamLag } from './cursor.ts';
import type { StreamSettings } from './stream-settings.ts';

export type LagWatch = { behindSince: number | null; lastSaid: number };

export const LAG_NEWS = { everyMs: 10_000, behindMs: 10_000, repeatMs: 60_000 };

export const newLagWatch = (): LagWatch => ({ behindSince: null, lastSaid: 0 });

/** The line to log for this reading, or null; updates `watch`. */
export function lagNews(watch: LagWatch, lag: StreamLag, opts: { behindMs?: number; repeatMs?: number } = {}): string | null {
  const behindMs = opts.behindMs ?? LAG_NEWS.behindMs;
  const repeatMs = opts.repeatMs ?? LAG_NEWS.repeatMs;
  const behind = lag.pending > 0 && (lag.oldestAgeMs ?? 0) > behindMs;
  if (behind) {
    if (watch.behindSince !== null && lag.at - watch.lastSaid < repeatMs) return null;
    watch.behindSince ??= lag.at - (lag.oldestAgeMs ?? 0);
    watch.lastSaid = lag.at;
    return describeLag(lag);
  }
  if (watch.behindSince === null) return null;
  const was = lag.at - watch.behindSince;
  watch.behindSince = null;
  const now = lag.pending === 0 ? 'up to date' : `${lag.pending.toLocaleString('en-US')} in flight, none waiting over ${describeWait(behindMs)}`;
  return `Event log: caught up after ${describeWait(was)} behind; ${now}.`;
}

export type LagReaderOptions = { everyMs?: number; behindMs?: number; repeatMs?: number; log: (line: string) => void };

/** One reading at a time; the last one kept for views that must not wait on the network. */
export class LagReader {
  last: StreamLag | null = null;
  private readAt = 0;
  private reading: Promise<void> | undefined;
  private readonly watch = newLagWatch();
  private timer: NodeJS.Timeout | undefined;
  readonly everyMs: number;

  constructor(
    private readonly store: Store,
    private readonly settings: StreamSettings,
    private readonly opts: LagReaderOptions,
  ) {
    this.everyMs = opts.everyMs ?? LAG_NEWS.everyMs;
  }

  /** A reading is due after a batch: everyMs after the last, or at once while behind (so catching up is said when it happens). */
  get due(): boolean {
    return this.watch.behindSince !== null || Date.now() - this.readAt >= this.everyMs;
  }

  get never(): boolean {
    return this.readAt === 0;
  }

  /** Reads now unless a reading is under way (then that one). A lag that cannot be read is read next time: it never holds up consuming. */
  read(jsm: JetStreamManager): Promise<void> {
    this.reading ??= (async () => {
      this.readAt = Date.now();
      const lag = await readStreamLag(jsm, this.store, this.settings).catch(() => null);
      if (lag) this.record(lag);
    })().finally(() => (this.reading = undefined));
    return this.reading;
  }

  /** A reading begun after now (one under way may predate a batch just committed). */
  async readAfterNow(jsm: JetStreamManager): Promise<void> {
    await this.reading;
    await this.read(jsm);
  }

  record(lag: StreamLag): void {
    this.last = lag;
    this.readAt = Math.max(this.readAt, lag.at);
    const news = lagNews(this.watch, lag, this.opts);
    if (news) this.opts.log(news);
  }

  /** Idle too: a consumer with nothing arriving still notices it has caught up, or that it is stuck. (everyMs 0: after batches only.) */
  startTimer(jsm: () => JetStreamManager | undefined): void {
    if (this.everyMs <= 0) return;
    this.timer = setInterval(() => {
      const m = jsm();
      if (m && Date.now() - this.readAt >= this.everyMs / 2) void this.read(m);
    }, this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.reading;
  }
}
