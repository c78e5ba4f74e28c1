/**
 * `simulate … --publish nats://HOST:PORT`: the simulator as a producer. Its rows go to the event
 * log's subjects instead of this store, which is not touched; a consuming Leak (LEAK_STREAM=…
 * npm start) ends with the store a local `simulate` would have written. The producer keeps no
 * state: a new run defines the world from its options again and publishes from its --end (or now).
 */
import { formatCount } from '../src/format.ts';
import type { WorldRequest } from '../src/simulator/open-world.ts';
import type { LiveOptions } from '../src/simulator/live.ts';
import { publishSimulation, type StreamSettings } from '../src/stream/index.ts';
import { liveLine, simulationBar } from './progress-bar.ts';

/** Real time for the live part: the CLI's clock and sleep, or a test's. */
export type LiveClock = Pick<LiveOptions, 'now' | 'sleep' | 'batchMs'> & { maxBatches?: number };

export type PublishedSimulation = {
  to: string;
  stream: string;
  prefix: string;
  simulatedTo: string;
  live: boolean;
  rows: { members: number; digital: number; calls: number };
  messages: number;
  duplicates: number;
  elapsedMs: number;
};

export async function publishSimulated(
  settings: StreamSettings,
  config: { timeZone: string },
  request: WorldRequest,
  live: { speed: number; clock: LiveClock; signal: AbortSignal } | undefined,
): Promise<PublishedSimulation> {
  const started = performance.now();
  const bar = request.days > 0 ? simulationBar(process.stdout) : undefined;
  const line = live ? liveLine() : undefined;
  try {
    const r = await publishSimulation(settings, config, request, {
      onProgress: (p) => bar?.update(p),
      live: live && { speed: live.speed, ...live.clock, signal: live.signal },
      onBatch: (b) => {
        bar?.stop();
        line?.show(b.simulatedTo, b.rows, ' published');
      },
    });
    return {
      to: settings.url,
      stream: settings.name,
      prefix: settings.prefix,
      simulatedTo: new Date(r.simulatedTo).toISOString(),
      live: live !== undefined,
      rows: r.rows,
      messages: r.tally.messages,
      duplicates: r.tally.duplicates,
      elapsedMs: performance.now() - started,
    };
  } finally {
    bar?.stop();
    line?.end();
  }
}

export function renderPublished(p: PublishedSimulation): string[] {
  const total = p.rows.members + p.rows.digital + p.rows.calls;
  return [
    `Published to the stream ${p.stream} at ${p.to} (${p.prefix}.members, ${p.prefix}.digital, ${p.prefix}.calls); this store was not touched.`,
    `  members        ${formatCount(p.rows.members).padStart(12)}`,
    `  digital_events ${formatCount(p.rows.digital).padStart(12)}`,
    `  calls          ${formatCount(p.rows.calls).padStart(12)}`,
    `${formatCount(total)} rows in ${formatCount(p.messages)} messages${p.duplicates ? ` (${formatCount(p.duplicates)} already in the stream, not stored again)` : ''}, simulated up to ${p.simulatedTo}, in ${(p.elapsedMs / 1000).toFixed(1)} s${p.live ? '' : ` (${formatCount(Math.round(total / Math.max(0.001, p.elapsedMs / 1000)))} rows/s)`}.`,
    ...(p.live ? ['Stopped cleanly. The producer keeps no state: run it again to publish from then on (members again, which the consumer stores once).'] : []),
  ];
}
