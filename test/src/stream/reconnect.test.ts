import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { makeDeps } from '../../helpers/store.ts';
import { spreadHistory } from '../../helpers/random-history.ts';
import { natsServerBinary, useNatsServer } from '../../helpers/nats-server.ts';
import { comparable, settingsFor, waitUntil } from '../../helpers/stream.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import type { SourceKind } from '../../../src/ingest/contract.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { StreamPublisher } from '../../../src/stream/publisher.ts';
import { publishFiles, type CsvSource } from '../../../src/stream/publish-csv.ts';
import { readAppliedSeq } from '../../../src/stream/apply-messages.ts';
import { startStreamConsumer, type ConsumedBatch } from '../../../src/stream/consumer.ts';
import { readStreamLag } from '../../../src/stream/cursor.ts';
import { serversOf, type StreamSettings } from '../../../src/stream/stream-settings.ts';

const HEADERS: Record<SourceKind, string> = { members: MEMBER_HEADER, digital: DIGITAL_HEADER, calls: CALL_HEADER };

/** A history of corrections spread over a month, as one file per source per round. */
function files(seed: number): CsvSource[] {
  const dir = tempDir();
  return spreadHistory(seed, 24).flatMap((r, n) => r.order.filter((k) => r[k].length).map((kind) => ({ kind, file: writeCsv(dir, `${kind}-${n}.csv`, HEADERS[kind], r[kind]) })));
}

async function publish(settings: StreamSettings, sources: CsvSource[]): Promise<number> {
  const pub = await StreamPublisher.open(settings);
  await publishFiles(pub, sources, { maxRows: 1 });
  await pub.close();
  return pub.lastSeq;
}

describe.skipIf(!natsServerBinary)('the consumer and a server that goes away', { timeout: 120_000 }, () => {
  const server = useNatsServer();

  it('reconnects by itself when the server is stopped mid-stream and started again on the same port and store; nothing is lost', async () => {
    const sources = files(8);
    const direct = makeDeps();
    for (const f of sources) await importCsvFile(direct.store, f.kind, f.file);
    runPipeline(direct.store, direct.config);

    const settings = settingsFor(server().url, { name: 'RESTART', prefix: 'restart' });
    const half = Math.floor(sources.length / 2);
    const firstHalf = await publish(settings, sources.slice(0, half));
    const deps = makeDeps();
    const log: string[] = [];
    const events: (() => void)[] = [];
    const batches: ConsumedBatch[] = [];
    const consumer = startStreamConsumer(deps.store, deps.config, settings, {
      maxMessages: 2,
      log: (l) => (log.push(l), events.forEach((e) => e())),
      onBatch: (b) => (batches.push(b), events.forEach((e) => e())),
    });
    const subscribe = (c: () => void) => events.push(c);
    try {
      await waitUntil(() => batches.length >= 2, subscribe, 'two batches');
      await server().stop();
      await waitUntil(() => log.some((l) => l.includes('lost the server')), subscribe, 'the consumer to notice');
      const appliedWhileDown = readAppliedSeq(deps.store, { stream: settings.name, consumer: settings.consumer });
      expect(appliedWhileDown).toBeLessThan(firstHalf);
      await server().start();
      const lastSeq = await publish(settings, sources.slice(half));
      await waitUntil(() => readAppliedSeq(deps.store, { stream: settings.name, consumer: settings.consumer }) === lastSeq, subscribe, `stream sequence ${lastSeq}`);
    } finally {
      await consumer.stop();
    }
    expect(log.join('\n')).toMatch(/reconnected/);
    expect(comparable(deps.store)).toEqual(comparable(direct.store));
  });

  it('a stream deleted and made again under the same name is read from its first message, not skipped as already applied', async () => {
    const settings = settingsFor(server().url, { name: 'AGAIN', prefix: 'again' });
    const sources = files(10);
    const firstSeq = await publish(settings, sources.slice(0, 6));
    const deps = makeDeps();
    const log: string[] = [];
    const events: (() => void)[] = [];
    const subscribe = (c: () => void) => events.push(c);
    const consumer = startStreamConsumer(deps.store, deps.config, settings, { log: (l) => (log.push(l), events.forEach((e) => e())), onBatch: () => events.forEach((e) => e()) });
    const bronze = () => ['member_profiles_raw', 'digital_journeys_raw', 'call_logs_raw'].reduce((n, t) => n + (deps.store.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number), 0);
    const lines = (fs: CsvSource[]) => fs.reduce((n, f) => n + readFileSync(f.file, 'utf8').trim().split('\n').length - 1, 0);
    try {
      await waitUntil(() => readAppliedSeq(deps.store, { stream: settings.name, consumer: settings.consumer }) === firstSeq, subscribe, 'the first stream consumed');
      expect(bronze()).toBe(lines(sources.slice(0, 6)));
      const nc = await connect({ servers: serversOf(server().url) });
      await (await jetstreamManager(nc)).streams.delete(settings.name);
      await nc.close();
      await waitUntil(() => log.some((l) => l.includes('was deleted on the server')), subscribe, 'the consumer to notice');
      const again = await publish(settings, sources.slice(6, 8));
      expect(again).toBeLessThan(firstSeq);
      await waitUntil(() => log.some((l) => l.includes('was made anew')) && bronze() === lines(sources.slice(0, 8)), subscribe, 'the new stream consumed');
      expect(readAppliedSeq(deps.store, { stream: settings.name, consumer: settings.consumer })).toBe(again);
    } finally {
      await consumer.stop();
    }
  });

  it('reports the lag: pending messages and the age of the oldest, then none once consumed', async () => {
    const settings = settingsFor(server().url, { name: 'LAG', prefix: 'lag' });
    const sources = files(9).slice(0, 6);
    const lastSeq = await publish(settings, sources);
    const deps = makeDeps();
    const nc = await connect({ servers: serversOf(server().url) });
    const jsm = await jetstreamManager(nc);
    const first = await jsm.streams.getMessage(settings.name, { seq: 1 });
    const now = first!.time.getTime() + 90_000;
    expect(await readStreamLag(jsm, deps.store, settings, now)).toEqual({ pending: lastSeq, oldestAgeMs: 90_000, appliedSeq: 0, lastSeq, at: now });

    const events: (() => void)[] = [];
    // lagEveryMs 0: the lag is read after every batch, so the last reading is the one after the last batch.
    const consumer = startStreamConsumer(deps.store, deps.config, settings, { log: () => {}, lagEveryMs: 0, onBatch: () => events.forEach((e) => e()) });
    await waitUntil(() => readAppliedSeq(deps.store, { stream: settings.name, consumer: settings.consumer }) === lastSeq, (c) => events.push(c), 'all consumed');
    expect(await readStreamLag(jsm, deps.store, settings)).toMatchObject({ pending: 0, oldestAgeMs: null, appliedSeq: lastSeq, lastSeq });
    expect(consumer.lastLag()).toMatchObject({ pending: 0 });
    await consumer.stop();
    await nc.close();
  });
});
