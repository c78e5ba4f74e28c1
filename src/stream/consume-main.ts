/**
 * A consumer on its own, without the bot: `LEAK_STREAM=nats://HOST:PORT node --import tsx src/stream/consume-main.ts`
 * (LEAK_DB, LEAK_STREAM_NAME, LEAK_STREAM_PREFIX, LEAK_STREAM_CONSUMER and the pipeline settings as
 * for `npm start`; `--max-messages N`, `--max-wait-ms N` size its micro-batches). Logs go to stderr; each
 * batch is one JSON line on stdout, after a first {"started":true} (what the crash tests watch). SIGTERM or Ctrl-C stops it after the
 * batch in flight; SIGKILL at any point loses and doubles nothing.
 */
import { parseArgs } from 'node:util';
import { openStore } from '../../db/open-db.ts';
import { loadConfig } from '../config.ts';
import { describeError } from '../errors.ts';
import { startStreamConsumer } from './consumer.ts';

try {
  const { values } = parseArgs({ options: { 'max-messages': { type: 'string' }, 'max-wait-ms': { type: 'string' } } });
  const config = loadConfig();
  const { url } = config.stream;
  if (!url) throw new Error('Set LEAK_STREAM=nats://HOST:PORT to say which event log to consume.');
  const store = openStore(config.dbFile);
  const consumer = startStreamConsumer(store, config, { ...config.stream, url }, {
    maxMessages: values['max-messages'] ? Number(values['max-messages']) : undefined,
    maxWaitMs: values['max-wait-ms'] ? Number(values['max-wait-ms']) : undefined,
    log: (line) => process.stderr.write(`${line}\n`),
    onBatch: (b) => process.stdout.write(`${JSON.stringify({ firstSeq: b.firstSeq, lastSeq: b.lastSeq, appliedSeq: b.appliedSeq, loaded: b.loaded, redelivered: b.redelivered })}\n`),
  });
  // Said once any rows a crash left unprocessed have been through the pipeline (startStreamConsumer does that first).
  process.stdout.write(`${JSON.stringify({ started: true })}\n`);
  const stop = () => void consumer.stop().then(() => store.close());
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
} catch (e) {
  process.stderr.write(`${describeError(e)}\n`);
  process.exitCode = 1;
}
