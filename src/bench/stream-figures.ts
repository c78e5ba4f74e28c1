/**
 * Event-log figures: a simulated history published by a producer in its own process and consumed
 * end to end into a fresh store, beside the direct backfill of the same history in the same run;
 * and how far behind a live producer the store is answerable. Each starts its own nats-server on a
 * free loopback port; without nats-server installed they say so instead of a figure.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { openStore } from '../../db/open-db.ts';
import { startStreamConsumer, type ConsumedBatch, type ConsumerOptions } from '../stream/consumer.ts';
import { findNatsServer, startLocalNatsServer, type LocalNatsServer } from '../stream/local-nats-server.ts';
import { buildBenchStore, benchDir, configFor, removeDb } from './bench-store.ts';
import { summarize } from './stats.ts';
import { projectPath } from '../project-path.ts';
import { childArgs, runBackfillChild, type BackfillChildResult } from './children.ts';
import type { Row } from './figures.ts';

const settingsAt = (url: string) => ({ url, name: 'LEAK', prefix: 'leak', consumer: 'leak' });

type Done = { lastSeq: number; rows: Record<string, number>; messages: number; elapsedMs: number };

/** Runs the producer child; resolves with its start instant (epoch ms) and, later, its summary. */
function runProducer(args: string[]): { started: Promise<number>; done: Promise<Done> } {
  const child = spawn(process.execPath, childArgs('child-publish', args), { cwd: projectPath(), stdio: ['ignore', 'pipe', 'inherit'] });
  let started!: (t: number) => void;
  let done!: (d: Done) => void;
  const startedP = new Promise<number>((r) => (started = r));
  const doneP = new Promise<Done>((resolve, reject) => {
    done = resolve;
    child.once('exit', (code) => reject(new Error(`the producer exited with code ${code}`)));
  });
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const o = JSON.parse(line);
    if (o.startedAt) started(o.startedAt);
    if (o.done) done(o);
  });
  return { started: startedP, done: doneP };
}

/** Consumes until the store holds `lastSeq` (known once the producer is done). */
function consumeAll(store: ReturnType<typeof openStore>, url: string, opts: ConsumerOptions = {}) {
  const batches: (ConsumedBatch & { at: number })[] = [];
  let target = Infinity;
  let finish!: () => void;
  const finished = new Promise<void>((r) => (finish = r));
  const consumer = startStreamConsumer(store, configFor(store.file), settingsAt(url), {
    log: () => {},
    ...opts,
    onBatch: (b) => {
      batches.push({ ...b, at: Date.now() });
      if (b.appliedSeq >= target) finish();
    },
  });
  return {
    consumer,
    batches,
    until(lastSeq: number) {
      target = lastSeq;
      if ((batches.at(-1)?.appliedSeq ?? 0) >= lastSeq) finish();
      return finished;
    },
  };
}

async function withServer(fn: (server: LocalNatsServer) => Promise<Row[]>, figure: string): Promise<Row[]> {
  if (!findNatsServer()) return [{ figure, value: 'not measured', goal: '—', met: null, detail: 'nats-server is not installed (apt-get install -y nats-server)' }];
  const server = await startLocalNatsServer();
  try {
    return await fn(server);
  } finally {
    await server.remove();
  }
}

/**
 * Publish + consume end to end, against the direct backfill of the same history (goal: at least
 * half its rate). `direct` is that backfill when the run has measured it already (the backfill figure).
 */
export function measureStreamBackfill(scale: number, days: number, direct?: BackfillChildResult, opts: ConsumerOptions = {}): Promise<Row[]> {
  const figure = `publish + consume, ${days} days, end to end`;
  return withServer(async (server) => {
    direct ??= runBackfillChild(scale, days);
    const directRows = direct.rows.members + direct.rows.digital + direct.rows.calls;
    const directRate = directRows / (direct.elapsedMs / 1000);

    const file = path.join(benchDir(), `stream-${process.pid}.db`);
    removeDb(file);
    const store = openStore(file);
    const c = consumeAll(store, server.url, opts);
    const producer = runProducer(['history', server.url, String(scale), String(days)]);
    const startedAt = await producer.started;
    const done = await producer.done;
    await c.until(done.lastSeq);
    await c.consumer.stop();
    const rows = done.rows.members + done.rows.digital + done.rows.calls;
    const elapsed = c.batches.at(-1)!.at - startedAt;
    const rate = rows / (elapsed / 1000);
    const pipelineMs = c.batches.reduce((s, b) => s + (b.pipeline?.ms ?? 0), 0);
    store.close();
    removeDb(file);
    return [
      {
        figure,
        value: `${Math.round(rate / 1000)}K rows/s`,
        goal: `≥ ${Math.round(directRate / 2000)}K rows/s (half the direct backfill)`,
        met: rate >= directRate / 2,
        detail: `${rows.toLocaleString('en-US')} rows in ${(elapsed / 1000).toFixed(1)} s (${done.messages.toLocaleString('en-US')} messages published in ${(done.elapsedMs / 1000).toFixed(1)} s; ${c.batches.length} micro-batches, pipeline ${(pipelineMs / 1000).toFixed(1)} s); direct backfill ${Math.round(directRate / 1000)}K rows/s (${directRows.toLocaleString('en-US')} rows in ${(direct.elapsedMs / 1000).toFixed(1)} s)`,
      },
    ];
  }, figure);
}

/**
 * A live producer at `speed` × real time for `seconds`, consumed into a store holding `days` of
 * history: how long after the server stored a batch's newest message the store could answer with it.
 */
export function measureStreamLag(scale: number, days: number, seconds = 30, speed = 1): Promise<Row[]> {
  const figure = `live stream lag, scale ${scale}, ${speed}× real time`;
  return withServer(async (server) => {
    const b = buildBenchStore(`lag-${scale}`, scale, days);
    try {
      const c = consumeAll(b.store, server.url);
      const producer = runProducer(['live', server.url, String(scale), String(days), String(seconds), String(speed)]);
      const done = await producer.done;
      await c.until(done.lastSeq);
      await c.consumer.stop();
      const lags = summarize(c.batches.map((x) => x.at - x.newestStoredAt));
      const rows = done.rows.digital + done.rows.calls;
      return [
        {
          figure,
          value: `p95 ${(lags.p95 / 1000).toFixed(2)} s`,
          goal: '< 2 s behind the producer',
          met: lags.p95 < 2000,
          detail: `median ${(lags.median / 1000).toFixed(2)} s, max ${(lags.max / 1000).toFixed(2)} s over ${lags.n} batches; ${rows.toLocaleString('en-US')} rows in ${seconds} s on a ${days}-day store`,
        },
      ];
    } finally {
      b.remove();
    }
  }, figure);
}
