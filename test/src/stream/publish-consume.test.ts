import { describe, expect, it } from 'vitest';
import { history, type Round } from '../../helpers/random-history.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { makeDeps } from '../../helpers/store.ts';
import { natsServerBinary, useNatsServer } from '../../helpers/nats-server.ts';
import { comparable, consumeUntil, settingsFor } from '../../helpers/stream.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import type { SourceKind } from '../../../src/ingest/contract.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { StreamPublisher } from '../../../src/stream/publisher.ts';
import { publishFiles, type CsvSource } from '../../../src/stream/publish-csv.ts';
import { exportCsv } from '../../../src/simulator/export-csv.ts';
import { simulatedStore } from '../../helpers/simulated.ts';
import { shuffle } from '../../helpers/leak-fixture.ts';
import fs from 'node:fs';
import path from 'node:path';

const HEADERS: Record<SourceKind, string> = { members: MEMBER_HEADER, digital: DIGITAL_HEADER, calls: CALL_HEADER };

/** Each round's files, written once, in the order that round imports them. */
function roundFiles(rounds: Round[]): CsvSource[][] {
  const dir = tempDir();
  return rounds.map((r, n) => r.order.filter((k) => r[k].length).map((kind) => ({ kind, file: writeCsv(dir, `${kind}-${n}.csv`, HEADERS[kind], r[kind]) })));
}

describe.skipIf(!natsServerBinary)('publish CSVs, consume them: the same store as import', { timeout: 120_000 }, () => {
  const server = useNatsServer();

  it('a history of corrections published round by round gives the tables a direct import gives', async () => {
    const files = roundFiles(history(11, true));
    const direct = makeDeps();
    for (const round of files) for (const f of round) await importCsvFile(direct.store, f.kind, f.file);
    runPipeline(direct.store, direct.config);

    const settings = settingsFor(server().url, { name: 'ROUNDS', prefix: 'rounds' });
    const pub = await StreamPublisher.open(settings);
    for (const round of files) await publishFiles(pub, round, { maxRows: 2 });
    await pub.close();
    expect(pub.tally.duplicates).toBe(0);

    const streamed = makeDeps();
    const { consumer, batches } = await consumeUntil(streamed.store, streamed.config, settings, pub.lastSeq, { maxMessages: 7 });
    await consumer.stop();
    expect(batches.length).toBeGreaterThan(1);
    expect(comparable(direct.store).leakage.length).toBeGreaterThan(0);
    expect(comparable(streamed.store)).toEqual(comparable(direct.store));
  });

  it('rows published out of order (sources reversed, lines shuffled) and twice (the same messages, then cut differently) give the same tables', async () => {
    const { deps: sim } = simulatedStore({ scale: 0.002, days: 2 });
    const exported = exportCsv(sim.store, tempDir()).files;
    const direct = makeDeps();
    for (const f of exported) await importCsvFile(direct.store, f.kind, f.file);
    runPipeline(direct.store, direct.config);

    // Each file's lines shuffled (the header stays first), the sources sent calls first.
    const dir = tempDir();
    const shuffled = exported.reverse().map((f) => {
      const [header, ...lines] = fs.readFileSync(f.file, 'utf8').split('\r\n').filter((l) => l !== '');
      const file = path.join(dir, path.basename(f.file));
      fs.writeFileSync(file, [header, ...shuffle(lines, 5)].join('\n'));
      return { kind: f.kind, file };
    });
    const settings = settingsFor(server().url, { name: 'SHUFFLED', prefix: 'shuffled' });
    const pub = await StreamPublisher.open(settings);
    const first = await publishFiles(pub, shuffled, { maxRows: 50 });
    const again = await publishFiles(pub, shuffled, { maxRows: 50 });
    const recut = await publishFiles(pub, shuffled, { maxRows: 37 });
    await pub.close();
    // The second run repeats every message id: the server stores none of it. The third is cut
    // differently, so its ids are new (but for a file of one message either way) and the store's
    // upsert on source ids is what keeps rows single.
    expect(again).toMatchObject({ rows: first.rows, messages: first.messages, duplicates: first.messages, duplicateRows: first.rows });
    expect(recut.duplicateRows).toBeLessThan(recut.rows / 2);
    const recutCalls = recut.files.find((f) => f.kind === 'calls')!;

    const streamed = makeDeps();
    const { consumer } = await consumeUntil(streamed.store, streamed.config, settings, pub.lastSeq);
    await consumer.stop();
    const bronze = (t: string) => streamed.store.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    const calls = exported.find((f) => f.kind === 'calls')!.rows;
    expect(bronze('call_logs_raw')).toBe(calls + recutCalls.rows - recutCalls.duplicateRows);
    expect(bronze('call_logs_raw')).toBeGreaterThan(calls);
    expect(comparable(direct.store).leakage.length).toBeGreaterThan(0);
    expect(comparable(streamed.store)).toEqual(comparable(direct.store));
  });
});
