/**
 * The event log as a service of `npm start` (LEAK_STREAM=nats://HOST:PORT): the durable consumer
 * feeds the store, the threshold alerts are checked after each consumed batch (as after a live
 * simulator batch), and how far behind the store is becomes one line for the Home tab. The consumer
 * logs the lag itself: when it falls behind, while it stays behind, and when it catches up.
 *
 * One store, one source of rows: with LEAK_STREAM set the local simulator stays off (live-simulator
 * says so), LEAK_SIMULATE=on is refused, and so is a store the local simulator already wrote into.
 * Within the stream, the store's first rows (csv or simulator) decide; messages of the other source
 * are quarantined by the consumer.
 */
import type { Context, EventLogStatus } from '../context.ts';
import { LeakError } from '../errors.ts';
import { SOURCE_KINDS } from '../sources.ts';
import { loadSimState } from '../simulator/state.ts';
import { checkThresholdsAfterIngest } from '../alerts/thresholds.ts';
import {
  describeLag, startStreamConsumer, streamSettingsFromConfig, subjectFor,
  type ConsumedBatch, type ConsumerOptions, type StreamSettings,
} from '../stream/index.ts';

/** Batch sizes and lag readings as the consumer takes them; onBatch runs after the alerts check (tests wait on it). */
export type EventLogOptions = Pick<ConsumerOptions, 'maxMessages' | 'maxWaitMs' | 'lagEveryMs' | 'behindMs' | 'lagRepeatMs'> & {
  onBatch?: (b: ConsumedBatch) => void | Promise<void>;
};

export type EventLogService = EventLogStatus & { name: 'event log'; stop(): Promise<void> };

/** The service when LEAK_STREAM is set, else undefined. Throws (one line) when this store must not consume it. */
export function startEventLogIfConfigured(ctx: Context, opts: EventLogOptions = {}): EventLogService | undefined {
  const settings = streamSettingsFromConfig(ctx.config);
  if (!settings) return undefined;
  refuseMixedStore(ctx, settings);
  return startEventLog(ctx, settings, opts);
}

function refuseMixedStore(ctx: Context, settings: StreamSettings): void {
  if (ctx.config.simulate === 'on') {
    throw new LeakError(
      'bad_config',
      `LEAK_SIMULATE=on and LEAK_STREAM=${settings.url} both say what feeds this store, and one store takes one: unset LEAK_SIMULATE to consume the event log (simulated rows reach it with leak simulate --live --publish ${settings.url}).`,
    );
  }
  if (loadSimState(ctx.store)) {
    throw new LeakError(
      'conflict',
      `This store (${ctx.store.file}) holds the local simulator's data, and the event log's rows never join it. Consume into a store of its own: LEAK_DB=./data/stream.db LEAK_STREAM=${settings.url} npm start`,
    );
  }
}

export function startEventLog(ctx: Context, settings: StreamSettings, opts: EventLogOptions = {}): EventLogService {
  const log = (line: string) => ctx.log.info(line);
  const subjects = SOURCE_KINDS.map((k) => subjectFor(settings.prefix, k)).join(', ');
  log(`Event log: consuming ${subjects} from the stream ${settings.name} at ${settings.url} (durable consumer ${settings.consumer}) into ${ctx.store.file}; threshold alerts are checked after each batch.`);
  const lagEveryMs = opts.lagEveryMs ?? 10_000;
  const consumer = startStreamConsumer(ctx.store, ctx.config, settings, {
    ...opts,
    lagEveryMs,
    log,
    onBatch: async (b) => {
      checkThresholdsAfterIngest(ctx, ctx.now(), log);
      await opts.onBatch?.(b);
    },
  });
  return {
    name: 'event log',
    stop: () => consumer.stop(),
    describe() {
      const lag = consumer.lastLag();
      if (!lag) return `Event log: no reading yet from ${settings.url}.`;
      // Readings come after batches and every lagEveryMs when idle: an old one means the server or the consumer is not answering.
      const age = Date.now() - lag.at;
      return describeLag(lag, age > Math.max(60_000, 3 * lagEveryMs) ? { readAgoMs: age } : {});
    },
  };
}
