import { describe, expect, it } from 'vitest';
import publishCommand, { type PublishResult } from '../../commands/publish.ts';
import { invoke, refusal } from '../helpers/invoke.ts';
import { makeDeps } from '../helpers/store.ts';
import { CALL_HEADER, tempDir, writeCsv } from '../helpers/csv.ts';
import { simulatedStore } from '../helpers/simulated.ts';
import { natsServerBinary, useNatsServer } from '../helpers/nats-server.ts';
import { comparable, lastSeqOf, servicesConsumedUntil, tempFolders } from '../helpers/stream.ts';
import { importCsvFile } from '../../src/ingest/import-csv.ts';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import { exportCsv } from '../../src/simulator/export-csv.ts';
import { isLeakError } from '../../src/errors.ts';

const code = async (deps: ReturnType<typeof makeDeps>, argv: string[]) => invoke(deps, argv).then(() => 'ok', (e: unknown) => (isLeakError(e) ? e.code : String(e)));

describe('leak publish: bad input', () => {
  const calls = () => writeCsv(tempDir(), 'calls.csv', CALL_HEADER, ['c1,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,,,resolved,,,,']);

  it('refuses in one line what it cannot send, with the usual exit codes (2 for a malformed argument, 1 for a failure)', async () => {
    const deps = makeDeps();
    expect(await refusal(deps, ['publish', '--to', 'nats://127.0.0.1:4222'])).toBe('Nothing to publish: give at least one of --members FILE, --digital FILE, --calls FILE.');
    expect(await refusal(deps, ['publish', '--calls', calls()])).toBe('Where to? Give --to nats://HOST:PORT (or set LEAK_STREAM).');
    expect(await refusal(deps, ['publish', '--calls', calls(), '--to', 'http://x'])).toMatch(/^Invalid event log URL "http:\/\/x": must be nats:\/\/HOST:PORT/);
    expect(await refusal(deps, ['publish', '--calls', calls(), '--to', 'nats://127.0.0.1:4222', '--prefix', 'a.*'])).toMatch(/^Invalid subject prefix "a\.\*"/);
    expect(await code(deps, ['publish', '--calls', calls(), '--to', 'http://x'])).toBe('bad_argument');
    // Nothing listens on port 1: the command fails (exit 1), it was not used wrongly.
    expect(await refusal(deps, ['publish', '--calls', calls(), '--to', 'nats://127.0.0.1:1'])).toMatch(/^Cannot reach the event log at nats:\/\/127\.0\.0\.1:1 \(.+\)\. Is nats-server -js running there\?$/);
    expect(await code(deps, ['publish', '--calls', calls(), '--to', 'nats://127.0.0.1:1'])).toBe('not_found');
    const missing = `${tempDir()}/nope.csv`;
    expect(await refusal(deps, ['publish', '--calls', missing, '--to', 'nats://127.0.0.1:1'])).toBe(`No such file: ${missing}`);
    expect(await code(deps, ['publish', '--calls', missing, '--to', 'nats://127.0.0.1:1'])).toBe('bad_file');
  });
});

describe.skipIf(!natsServerBinary)('leak publish → npm start with LEAK_STREAM', { timeout: 120_000 }, () => {
  const server = useNatsServer();

  it('publishes contract files (twice: the second time refused as duplicates); npm start consumes them into the tables a direct import gives', async () => {
    const { deps: sim } = simulatedStore({ scale: 0.002, days: 2 });
    const files = exportCsv(sim.store, tempDir()).files;
    const direct = makeDeps();
    for (const f of files) await importCsvFile(direct.store, f.kind, f.file);
    runPipeline(direct.store, direct.config);

    const producer = makeDeps();
    const argv = ['publish', '--to', server().url, '--stream', 'CLI', '--prefix', 'cli', ...files.flatMap((f) => [`--${f.kind}`, f.file])];
    const first = await invoke<PublishResult>(producer, argv);
    const rows = files.reduce((n, f) => n + f.rows, 0);
    expect(first).toMatchObject({ rows, duplicates: 0, to: server().url, stream: 'CLI', prefix: 'cli' });
    const text = publishCommand.renderText(first).split('\n');
    expect(text[0]).toBe(`To the stream CLI at ${server().url}:`);
    expect(text[1]).toMatch(/^ {2}members\.csv → cli\.members: 10,000 rows in 10 messages$/);
    expect(text.at(-1)).toMatch(new RegExp(`^Published ${rows.toLocaleString('en-US')} rows in ${first.messages} messages from 3 files in \\d+\\.\\d s \\([\\d,]+ rows/s\\)\\.$`));
    const again = await invoke<PublishResult>(producer, argv);
    expect(again).toMatchObject({ rows, messages: first.messages, duplicates: first.messages, duplicateRows: rows });
    expect(publishCommand.renderText(again)).toMatch(/; [\d,]+ rows in \d+ messages were already in the stream \(duplicate ids, not stored again\)\.$/);
    // The producer's store is not written.
    expect(producer.store.sqlite.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0);

    const bot = makeDeps({ env: { LEAK_STREAM: server().url, LEAK_STREAM_NAME: 'CLI', LEAK_STREAM_PREFIX: 'cli', ...tempFolders() } });
    const { services, log } = await servicesConsumedUntil(bot, await lastSeqOf(server().url, 'CLI'));
    for (const s of services) await s.stop();
    expect(services.map((s) => s.name)).toEqual(['event log', 'action jobs', 'alert jobs', 'digests', 'inbox']);
    expect(log).toContain(`Event log: consuming cli.members, cli.digital, cli.calls from the stream CLI at ${server().url} (durable consumer leak) into :memory:; threshold alerts are checked after each batch.`);
    expect(log).toContain(`The simulator is off: this store is fed by the event log at ${server().url} (LEAK_STREAM), and the local simulator never writes beside it. For simulated data there: leak simulate --live --publish ${server().url}`);
    expect(comparable(direct.store).leakage.length).toBeGreaterThan(0);
    expect(comparable(bot.store)).toEqual(comparable(direct.store));
  });
});
