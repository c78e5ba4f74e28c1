/**
 * Connecting to the event log and making sure Leak's stream exists. Once connected, the client
 * reconnects by itself for as long as it runs (a server restart, a cluster node going away).
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, type JetStreamManager, type StreamInfo } from '@nats-io/jetstream';
import { LeakError } from '../errors.ts';
import { filterFor, serversOf, type StreamSettings } from './stream-settings.ts';

/** JetStream's own default: ids seen in the last 2 minutes are refused as duplicates. */
export const DUPLICATE_WINDOW_MS = 120_000;

/** One attempt at the servers; throws LeakError('bad_argument') naming the URL when none answers. */
export async function connectStream(settings: Pick<StreamSettings, 'url'>, name: string): Promise<NatsConnection> {
  try {
    return await connect({
      servers: serversOf(settings.url),
      name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      timeout: 5000,
    });
  } catch (e) {
    throw new LeakError('bad_argument', `Cannot reach the event log at ${settings.url} (${(e as Error).message}). Is nats-server -js running there?`);
  }
}

/**
 * The stream, created when absent (file storage, subjects `<prefix>.>`, direct gets on: the consumer
 * uses them to look for messages it may have missed). A stream of that name that does not take
 * Leak's subjects is refused rather than changed.
 */
export async function ensureStream(jsm: JetStreamManager, settings: Pick<StreamSettings, 'name' | 'prefix'>): Promise<StreamInfo> {
  const filter = filterFor(settings.prefix);
  const info = await jsm.streams.info(settings.name).catch((e: Error) => {
    if (/stream not found/i.test(e.message)) return null;
    throw e;
  });
  if (!info) {
    try {
      return await jsm.streams.add({ name: settings.name, subjects: [filter], allow_direct: true, duplicate_window: DUPLICATE_WINDOW_MS * 1e6 });
    } catch (e) {
      // Another producer (or the consumer) may have made it in the meantime: then use theirs.
      const made = await jsm.streams.info(settings.name).catch(() => null);
      if (!made) throw new LeakError('conflict', `Cannot create the stream ${settings.name} for ${filter}: ${(e as Error).message}.`);
      return ensureStream(jsm, settings);
    }
  }
  const subjects = info.config.subjects ?? [];
  if (!subjects.includes(filter) && !subjects.includes('>')) {
    throw new LeakError(
      'conflict',
      `The stream ${settings.name} takes ${subjects.join(', ') || 'no subjects'}, not ${filter}: give another stream name (LEAK_STREAM_NAME) or subject prefix (LEAK_STREAM_PREFIX).`,
    );
  }
  if (!info.config.allow_direct) return jsm.streams.update(settings.name, { ...info.config, allow_direct: true });
  return info;
}

export async function openStream(settings: StreamSettings, clientName: string): Promise<{ nc: NatsConnection; jsm: JetStreamManager }> {
  const nc = await connectStream(settings, clientName);
  try {
    const jsm = await jetstreamManager(nc);
    await ensureStream(jsm, settings);
    return { nc, jsm };
  } catch (e) {
    await nc.close();
    if (e instanceof LeakError) throw e;
    throw new LeakError('bad_argument', `The server at ${settings.url} does not offer JetStream (${(e as Error).message}): start it with nats-server -js.`);
  }
}
