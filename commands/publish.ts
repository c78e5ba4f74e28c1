/**
 * `publish --members F --digital F --calls F [--to nats://HOST:PORT] [--stream NAME] [--prefix P]`:
 * a producer. Sends contract CSVs' rows, as they arrived, to the event log a Leak consumes
 * (LEAK_STREAM=… npm start); this store is not touched. Every file is checked before anything is
 * sent. A progress bar on a terminal; a one-line summary at the end.
 */
import fs from 'node:fs';
import { SOURCES, type SourceKind } from '../src/ingest/contract.ts';
import { formatCount, plural } from '../src/format.ts';
import { describePublish, publishFiles, streamSettings, subjectFor, type PublishSummary, type StreamSettings } from '../src/stream/index.ts';
import { badArgument } from './args.ts';
import { defineCommand, TERMINAL_ONLY } from './command.ts';
import { terminalBar } from './progress-bar.ts';

type PublishArgs = { files: { kind: SourceKind; file: string }[]; settings: StreamSettings };
export type PublishResult = PublishSummary & { to: string; stream: string; prefix: string };


export default defineCommand({
  name: 'publish',
  summary: 'Send contract CSV files to the event log (NATS JetStream) that a Leak consumes',
  args: {
    positionals: [],
    options: [
      // One option per source, named by its kind, as import's: --members members.csv.
      ...SOURCES.map((s) => ({ name: s.kind, type: 'string' as const, value: 'FILE', description: s.file })),
      { name: 'to', type: 'string', value: 'nats://HOST:PORT', description: 'the event log (default: LEAK_STREAM)' },
      { name: 'stream', type: 'string', value: 'NAME', description: 'JetStream stream, created if absent (default: LEAK_STREAM_NAME, LEAK)' },
      { name: 'prefix', type: 'string', value: 'P', description: `subject prefix: ${SOURCES.map((s) => subjectFor('P', s.kind)).join(', ')} (default: LEAK_STREAM_PREFIX, leak)` },
    ],
  },
  query: false,
  surfaces: TERMINAL_ONLY,
  sendsElsewhere: () => true,
  terminalOnlyBecause: 'it reads files on the server',
  examples: [{ line: 'publish --members members.csv --calls calls.csv --to nats://127.0.0.1:4222', what: 'send the contract files to the event log' }],
  parse: (parsed, ctx): PublishArgs => {
    const files = SOURCES.filter((s) => typeof parsed.values[s.kind] === 'string').map((s) => ({ kind: s.kind, file: parsed.values[s.kind] as string }));
    if (files.length === 0) throw badArgument(`Nothing to publish: give at least one of ${SOURCES.map((s) => `--${s.kind} FILE`).join(', ')}.`);
    const { stream } = ctx.config;
    const url = (parsed.values.to as string | undefined) ?? stream.url;
    if (!url) throw badArgument('Where to? Give --to nats://HOST:PORT (or set LEAK_STREAM).');
    const name = parsed.values.stream as string | undefined;
    const prefix = parsed.values.prefix as string | undefined;
    return { files, settings: streamSettings({ url, name: name ?? stream.name, prefix: prefix ?? stream.prefix, consumer: stream.consumer }) };
  },
  run: async (args: PublishArgs): Promise<PublishResult> => {
    const sizes = args.files.map((f) => (fs.existsSync(f.file) ? fs.statSync(f.file).size : 0));
    const bar = terminalBar(sizes.reduce((a, b) => a + b, 0));
    // Per file: bytes read, and rows the server has acknowledged (they trail what was sent).
    const done = new Map<string, { bytes: number; rows: number }>();
    const sum = (k: 'bytes' | 'rows') => [...done.values()].reduce((a, d) => a + d[k], 0);
    try {
      const summary = await publishFiles(args.settings, args.files, {
        onProgress: (p) => {
          done.set(`${p.kind}:${p.file}`, { bytes: p.doneBytes, rows: p.tally.rows });
          bar?.update(sum('bytes'), `${p.file}, ${formatCount(sum('rows'))} rows in`);
        },
      });
      return { ...summary, to: args.settings.url, stream: args.settings.name, prefix: args.settings.prefix };
    } finally {
      bar?.stop();
    }
  },
  renderText: (r: PublishResult) =>
    [
      `To the stream ${r.stream} at ${r.to}:`,
      ...r.files.map((f) => `  ${f.file} → ${subjectFor(r.prefix, f.kind)}: ${plural(f.rows, 'row')} in ${plural(f.messages, 'message')}${f.duplicates ? `, ${formatCount(f.duplicates)} already in the stream` : ''}`),
      describePublish(r),
    ].join('\n'),
});
