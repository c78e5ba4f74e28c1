/**
 * `npm run bench [-- --scale 1 --days 90 --runs 5 --only NAME[,NAME] --store FILE --check]`
 * Measures what users feel and prints one Markdown table with the machine it ran on.
 * Figures, not tests: only --check turns a missed goal into a non-zero exit.
 * NAMEs: backfill, recompute (includes DuckDB and incremental), commands, cli, slack, digest, scaling, ask, stream.
 * --store measures an existing store (one an earlier run kept with --keep) instead of building one.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { consoleLogger } from '../context.ts';
import { describeMachine } from './machine.ts';
import { buildBenchStore, openBenchStore } from './bench-store.ts';
import { measureBackfill, measureCommands, measureDigest, measureIncremental, measureRecompute, timeFullRecompute, type Row } from './figures.ts';
import { benchSlackToday } from './slack-today.ts';
import { measureColdCli } from './cold-cli.ts';
import { measureAsk } from './ask.ts';
import { BENCH_END } from './bench-store.ts';
import { silverRows } from './bench-store.ts';
import { measureStreamBackfill, measureStreamLag } from './stream-figures.ts';
import { runBackfillChild, type BackfillChildResult } from './children.ts';

const NAMES = ['backfill', 'recompute', 'commands', 'cli', 'slack', 'digest', 'scaling', 'ask', 'stream'];

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    days: { type: 'string', default: '90' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    store: { type: 'string' },
    keep: { type: 'boolean', default: false },
    check: { type: 'boolean', default: false },
  },
});
const scale = Number(values.scale);
const days = Number(values.days);
const runs = Number(values.runs);
const only = values.only ? values.only.split(',').map((s) => s.trim()) : NAMES;
const bad = only.filter((n) => !NAMES.includes(n));
if (values.store && !fs.existsSync(values.store)) {
  process.stderr.write(`--store ${values.store}: no such file. Give a store an earlier run kept with --keep.\n`);
  process.exit(2);
}
if (!(scale > 0 && scale <= 1) || !(days >= 8 && days <= 400) || !(runs >= 1 && runs <= 100) || bad.length) {
  process.stderr.write(`Usage: npm run bench -- [--scale 0<S≤1] [--days 8..400] [--runs 1..100] [--only ${NAMES.join(',')}] [--store FILE] [--keep] [--check]${bad.length ? ` (unknown: ${bad.join(', ')})` : ''}\n`);
  process.exit(2);
}

const started = performance.now();
const rows: Row[] = [];
const log = (s: string) => process.stderr.write(`${s}\n`);
const wants = (n: string) => only.includes(n);

// One backfill child serves both the backfill figures and the stream's direct rate (same scale and days).
let direct: BackfillChildResult | undefined;
if (wants('backfill')) {
  log(`backfill: ${Math.min(30, days)} days at scale ${scale} in a child process…`);
  direct = runBackfillChild(scale, Math.min(30, days));
  rows.push(...measureBackfill(direct, Math.min(30, days)));
}
if (['recompute', 'commands', 'cli', 'slack', 'digest', 'ask'].some(wants)) {
  log(values.store ? `measuring the store ${values.store}…` : `building a ${days}-day store at scale ${scale}…`);
  const b = values.store ? openBenchStore(values.store) : buildBenchStore('main', scale, days);
  try {
    if (b.backfill) log(`  ${b.backfill.rows.digital.toLocaleString('en-US')} digital events, ${b.backfill.rows.calls.toLocaleString('en-US')} calls in ${(b.backfill.elapsedMs / 1000).toFixed(1)} s`);
    if (values.keep && !values.store) log(`  kept as ${b.file} (measure it again with --store)`);
    if (wants('commands')) (log('commands…'), rows.push(...(await measureCommands(b, Math.max(runs * 10, 20)))));
    if (wants('cli')) (log('cold CLI…'), rows.push(...measureColdCli(b, Math.max(runs * 2, 10))));
    if (wants('digest')) (log('digest…'), rows.push(...(await measureDigest(b, Math.max(runs * 4, 10)))));
    if (wants('ask')) (log('ask…'), rows.push(...(await measureAsk({ store: b.store, config: b.config, now: () => BENCH_END, log: consoleLogger }, b.lastFullDay, runs))));
    if (wants('slack')) {
      log('slack…');
      const r = await benchSlackToday({ store: b.store, config: b.config, now: () => BENCH_END, log: consoleLogger }, Math.max(runs * 20, 50));
      const msText = (n: number) => `${Math.round(n)} ms`;
      rows.push(
        { figure: 'signed `/leak today`, ack p99', value: msText(r.ack_ms.p99), goal: '≤ 300 ms', met: r.ack_ms.p99 <= 300, detail: `median ${msText(r.ack_ms.median)}, n=${r.ack_ms.n}` },
        { figure: 'signed `/leak today`, answer posted p99', value: msText(r.answer_ms.p99), goal: '≤ 1 s', met: r.answer_ms.p99 <= 1000, detail: `median ${msText(r.answer_ms.median)}, ${r.blocks} blocks` },
      );
    }
    if (wants('recompute')) {
      log('recompute vs DuckDB…');
      const r = await measureRecompute(b, runs);
      rows.push(...r.rows);
      log('incremental…');
      rows.push(...measureIncremental(b, r.full.median, runs));
    }
  } finally {
    if (values.keep && !values.store) b.store.close();
    else b.remove();
  }
}
if (wants('stream')) {
  log(`stream: ${Math.min(30, days)} days at scale ${scale} published and consumed, then a live producer against a 2-day store…`);
  rows.push(...(await measureStreamBackfill(scale, Math.min(30, days), direct)), ...(await measureStreamLag(scale, 2)));
}
if (wants('scaling')) {
  for (const s of [0.1, 0.3, 1].map((f) => f * scale)) {
    log(`scaling: recompute at scale ${s}…`);
    const b = buildBenchStore(`scale-${s}`, s, days);
    try {
      const n = silverRows(b.store);
      const t = Math.min(...[0, 1, 2].map(() => timeFullRecompute(b)));
      rows.push({ figure: `recompute per million rows, scale ${+s.toFixed(3)}`, value: `${(t / (n / 1e6)).toFixed(0)} ms/M rows`, goal: 'flat or falling', met: null, detail: `${n.toLocaleString('en-US')} rows in ${Math.round(t)} ms (best of 3)` });
    } finally {
      b.remove();
    }
  }
}

const table = [
  `Leak benchmark — ${values.store ? `the store ${values.store}` : `scale ${scale}, ${days} days`}, ${runs} runs — ${describeMachine()} — ${new Date().toISOString().slice(0, 10)}`,
  '',
  '| figure | result | goal | met | detail |',
  '| --- | --- | --- | --- | --- |',
  ...rows.map((r) => `| ${r.figure} | ${r.value} | ${r.goal} | ${r.met === null ? '—' : r.met ? 'yes' : '**no**'} | ${r.detail} |`),
  '',
  `Total bench time: ${((performance.now() - started) / 1000).toFixed(0)} s`,
].join('\n');
process.stdout.write(`${table}\n`);
if (values.check && rows.some((r) => r.met === false)) process.exitCode = 1;
