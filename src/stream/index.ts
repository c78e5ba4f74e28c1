/**
 * The event log: Leak's rows published to and consumed from NATS JetStream, exactly once.
 *
 * Subjects `<prefix>.members`, `<prefix>.digital`, `<prefix>.calls` (prefix `leak` by default) of a
 * stream (`LEAK` by default) created on first use. A message holds up to 1,000 consecutive rows of
 * one contract file as they arrived (line number and raw CSV text) with the file's name and header;
 * its id hashes subject and content, so the same rows published twice are stored once by the server
 * within its 2-minute duplicate window (the store's upsert on source ids stands behind that).
 *
 * Interface (everything a command, `npm start` or the Home tab needs):
 *
 *   streamSettings({ url, name?, prefix?, consumer? })  checked settings, LeakError('bad_argument') naming the bad one
 *   streamSettingsFromConfig(config)                    the same from LEAK_STREAM…, undefined when LEAK_STREAM is unset
 *
 *   publishFiles(settings | publisher, [{ kind, file }], { onProgress, maxRows })   `leak publish`: whole-file checks
 *       first (one bad file refuses all), then rows in order; onProgress({ kind, file, doneBytes, totalBytes, tally }) per message;
 *       resolves to { rows, messages, duplicates, duplicateRows, bytes, files, elapsedMs, rowsPerSecond }
 *   publishSimulation(settings, config, request, { live?, onProgress?, onBatch? })   `simulate --publish`: members and
 *       the history of request.days up to request.end (skipped when days is 0), then, with `live`, the live
 *       stream from request.end until live.signal aborts; resolves to { rows, tally, simulatedTo }
 *   describePublish(summary)                            the one-line summary a terminal prints
 *
 *   startStreamConsumer(store, config, settings, { log, onBatch, maxMessages, maxWaitMs, lagEveryMs, behindMs })
 *       `npm start` with LEAK_STREAM (src/services/event-log.ts): a service { name: 'stream', stop(), lastLag() };
 *       runs the pipeline after every batch, then awaits onBatch(batch) (alerts hook in there) before the next;
 *       reads the lag after batches and every lagEveryMs when idle (lastLag() for views); logs connection
 *       trouble once, and the lag when it falls behind beyond behindMs, each minute while behind, and on catching up
 *   describeLag(lag), describeWait(ms)                  "up to date" or "N messages behind, the oldest waiting T"
 *
 * Consumer state lives in the store (stream_offsets: the applied stream sequence per stream and
 * consumer); unreadable messages land in quarantine with batch_id 0, their subject and stream_seq, and
 * so do messages whose source (csv or simulator) is not the store's (reason_code mixed_source).
 * A standalone consumer without the bot: src/stream/consume-main.ts.
 */
import { LeakError } from '../errors.ts';
import { SOURCE_KINDS } from '../sources.ts';
import type { WorldRequest } from '../simulator/open-world.ts';
import { StreamPublisher, type PublishTally } from './publisher.ts';
import type { PublishSummary } from './publish-csv.ts';
// Loaded in publishSimulation: the simulator (faker) is not on the path of `publish` or `help`.
import type { LivePublishOptions, SimulatedProgress, SimulatedRows } from './publish-simulated.ts';
import { STREAM_DEFAULTS, nameProblem, prefixProblem, streamUrlProblem, type StreamSettings } from './stream-settings.ts';

export { startStreamConsumer, type StreamConsumer, type ConsumedBatch, type ConsumerOptions } from './consumer.ts';
export { describeLag, describeWait, type StreamLag } from './cursor.ts';
export { subjectFor, type StreamSettings } from './stream-settings.ts';
export { publishFiles, type CsvSource, type PublishProgress, type PublishSummary } from './publish-csv.ts';

export function streamSettings(input: { url: string; name?: string; prefix?: string; consumer?: string }): StreamSettings {
  const s = { url: input.url.trim(), name: input.name ?? STREAM_DEFAULTS.name, prefix: input.prefix ?? STREAM_DEFAULTS.prefix, consumer: input.consumer ?? STREAM_DEFAULTS.consumer };
  const problems: [string, string, string | null][] = [
    ['event log URL', s.url, streamUrlProblem(s.url)],
    ['stream name', s.name, nameProblem(s.name)],
    ['subject prefix', s.prefix, prefixProblem(s.prefix)],
    ['consumer name', s.consumer, nameProblem(s.consumer)],
  ];
  const bad = problems.find(([, , p]) => p !== null);
  if (bad) throw new LeakError('bad_argument', `Invalid ${bad[0]} ${JSON.stringify(bad[1])}: ${bad[2]}.`);
  return s;
}

/** Takes the app's Config (its `stream` part: LEAK_STREAM and the names). */
export function streamSettingsFromConfig(config: { stream: Omit<StreamSettings, 'url'> & { url?: string } }): StreamSettings | undefined {
  const { url, ...names } = config.stream;
  return url ? { url, ...names } : undefined;
}

export async function publishSimulation(
  settings: StreamSettings,
  config: { timeZone: string },
  request: WorldRequest,
  opts: { live?: Omit<LivePublishOptions, 'onBatch'>; onProgress?: (p: SimulatedProgress) => void; onBatch?: LivePublishOptions['onBatch'] } = {},
): Promise<{ rows: SimulatedRows; tally: PublishTally; simulatedTo: number }> {
  // The simulator (faker) loads only when it runs: `leak publish` and help need none of it.
  const { publishMembers, publishSimulatedHistory, publishSimulatedLive, simulatedWorld } = await import('./publish-simulated.ts');
  const { world, start } = simulatedWorld(config, request);
  const publisher = await StreamPublisher.open(settings, { clientName: 'leak-simulator' });
  try {
    const rows: SimulatedRows = { members: 0, digital: 0, calls: 0 };
    const add = (r: SimulatedRows) => SOURCE_KINDS.forEach((k) => (rows[k] += r[k]));
    // Members always go first: a live-only producer's calls need their members' profiles too.
    if (request.days > 0) add((await publishSimulatedHistory(publisher, world, { from: start, to: request.end, onProgress: opts.onProgress })).rows);
    else add({ members: await publishMembers(publisher, world), digital: 0, calls: 0 });
    let simulatedTo = request.end;
    if (opts.live) {
      const live = await publishSimulatedLive(publisher, world, request.end, { ...opts.live, onBatch: opts.onBatch });
      add(live.rows);
      simulatedTo = live.simulatedTo;
    }
    await publisher.flush();
    return { rows, tally: { ...publisher.tally }, simulatedTo };
  } finally {
    await publisher.close();
  }
}

const count = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

export function describePublish(s: PublishSummary): string {
  const dup = s.duplicates ? `; ${count(s.duplicateRows, 'row')} in ${count(s.duplicates, 'message')} ${s.duplicates === 1 ? 'was' : 'were'} already in the stream (duplicate ids, not stored again)` : '';
  return `Published ${count(s.rows, 'row')} in ${count(s.messages, 'message')} from ${count(s.files.length, 'file')} in ${(s.elapsedMs / 1000).toFixed(1)} s (${s.rowsPerSecond.toLocaleString('en-US')} rows/s)${dup}.`;
}
