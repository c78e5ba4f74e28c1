/**
 * Event-log test helpers: settings for a test server, consuming until the store holds a given
 * stream position (waiting on the consumer's own batch events, never on time), and the tables a
 * streamed store must share with a directly imported one.
 */
import type { Store } from '../../db/open-db.ts';
import type { Config } from '../../src/config.ts';
import { readAppliedSeq } from '../../src/stream/apply-messages.ts';
import { startStreamConsumer, type ConsumedBatch, type ConsumerOptions, type StreamConsumer } from '../../src/stream/consumer.ts';
import type { StreamSettings } from '../../src/stream/stream-settings.ts';
import { snapshot, table } from './leak-fixture.ts';

export const settingsFor = (url: string, over: Partial<StreamSettings> = {}): StreamSettings => ({ url, name: 'LEAK', prefix: 'leak', consumer: 'leak', ...over });

/** Resolves once `done()` holds, checked now and after every event `subscribe` reports; rejects after `ms` (a generous bound, not a timing). */
export function waitUntil(done: () => boolean, subscribe: (check: () => void) => void, what: string, ms = 60_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`gave up waiting for ${what} after ${ms / 1000} s`)), ms);
    const check = () => {
      if (done()) {
        clearTimeout(timer);
        resolve();
      }
    };
    subscribe(check);
    check();
  });
}

/** Starts a consumer on the store and resolves with it once the store's applied sequence reaches `lastSeq`. */
export async function consumeUntil(
  store: Store,
  config: Config,
  settings: StreamSettings,
  lastSeq: number,
  opts: ConsumerOptions = {},
): Promise<{ consumer: StreamConsumer; batches: ConsumedBatch[]; log: string[] }> {
  const listeners: (() => void)[] = [];
  const batches: ConsumedBatch[] = [];
  const log: string[] = [];
  const consumer = startStreamConsumer(store, config, settings, {
    ...opts,
    log: (l) => log.push(l),
    onBatch: (b) => {
      batches.push(b);
      opts.onBatch?.(b);
      for (const l of listeners) l();
    },
  });
  const key = { stream: settings.name, consumer: settings.consumer };
  await waitUntil(() => readAppliedSeq(store, key) >= lastSeq, (c) => listeners.push(c), `stream sequence ${lastSeq} in the store`).catch(async (e) => {
    await consumer.stop();
    throw new Error(`${(e as Error).message}; consumer log:\n${log.join('\n')}`);
  });
  return { consumer, batches, log };
}

/** Silver without its lineage columns (which batch, which raw row), and gold whole. */
export function comparable(store: Store) {
  const drop = (rows: Record<string, unknown>[]) => rows.map(({ batch_id: _b, raw_id: _r, ...rest }) => rest);
  return {
    digital: drop(table(store, 'digital_journeys_cleaned', 'event_id')),
    calls: drop(table(store, 'call_logs_cleaned', 'call_id')),
    members: drop(table(store, 'member_profiles', 'member_id')),
    sourceIds: table(store, 'member_source_ids', 'source_id'),
    errors: table(store, 'error_drilldown', 'date, journey, segment, error_message, language'),
    ...snapshot(store),
  };
}
