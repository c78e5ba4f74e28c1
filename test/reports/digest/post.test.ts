import { spawn } from 'node:child_process';
import path from 'node:path';
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../../reports/charts/render.ts';
import { readPngSize } from '../../../reports/charts/png.ts';
import { listDigestFailures, readRow } from '../../../src/bookkeeping/digest-ledger.ts';
import { postDigest } from '../../../reports/digest/post.ts';
import { startDigestSchedules, startDigestService } from '../../../src/services/digest-schedule.ts';
import { slackClientOptions } from '../../../src/slack-delivery.ts';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { tempDir } from '../../helpers/csv.ts';
import { makeDeps } from '../../helpers/store.ts';
import { seedLeakage } from './seed-store.ts';

const DATE = '2026-11-23';
// Tuesday Nov 24 2026, 10:00 in New York: the previous complete day is Monday Nov 23.
const NOW = '2026-11-24T15:00:00Z';
const target = { channel: '#ops', role: 'ops' as const, cron: '0 8 * * 1-5' };
const renderer = createChartRenderer();

let slack: FakeSlack;
let client: WebClient;
let seededFile: string;

beforeAll(async () => {
  slack = await startFakeSlack();
  // The app's one retry layer, with no wait between retries (Retry-After is still honoured).
  client = new WebClient('xoxb-test', slackClientOptions({ apiUrl: slack.url, apiRetries: 3 }, { minTimeoutMs: 0 }));
  seededFile = path.join(tempDir(), 'seed.db');
  const seed = makeDeps({ file: seededFile, now: NOW });
  await seedLeakage(seed, { endDate: DATE, days: 30 });
  seed.store.close();
});
afterAll(() => slack.close());

/** A fresh store file with the seeded data, so each test has its own ledger. */
function freshFile(): string {
  const file = path.join(tempDir(), 'leak.db');
  const seed = makeDeps({ file: seededFile });
  seed.store.sqlite.exec(`VACUUM INTO '${file}'`);
  seed.store.close();
  return file;
}
const postsTo = (channel: string) => slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel);

describe('posting the digest', () => {
  it('posts blocks with a text fallback, then the charts into its thread with alt text', async () => {
    const deps = makeDeps({ file: freshFile(), now: NOW });
    const r = await postDigest(deps, client, { target: { ...target, channel: '#first' }, date: DATE, renderer });
    expect(r).toMatchObject({ outcome: 'posted', charts_uploaded: 3, late: false });
    const [post] = postsTo('#first');
    expect(post.body.text).toMatch(/^Leak digest for Mon, Nov 23, 2026: Your single biggest leak on 2026-11-23 is billing/);
    expect(JSON.stringify(post.body.blocks)).toContain('Agents who took the most leaked calls');
    const complete = slack.callsTo('files.completeUploadExternal').at(-1)!;
    expect(complete.body).toMatchObject({ channel_id: '#first', thread_ts: r.ts });
    expect(complete.body.files).toHaveLength(3);
    // Slack reads the alt text as alt_txt (files.getUploadURLExternal); the SDK's filesUploadV2 alone sends alt_text.
    const asks = slack.callsTo('files.getUploadURLExternal').slice(-3);
    for (const a of asks) expect(a.body.alt_txt).toMatch(/chart/);
    expect(asks.map((a) => a.body.alt_txt.length).every((n: number) => n > 40 && n <= 1000)).toBe(true);
    // The SDK sends the bytes multipart-encoded; the PNG starts at its signature.
    for (const u of slack.callsTo('upload').slice(-3)) {
      const png = u.bytes!.subarray(u.bytes!.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47])));
      expect(readPngSize(png)!.width).toBeGreaterThanOrEqual(1300);
    }
    expect(readRow(deps.store, { channel: '#first', date: DATE })).toMatchObject({ status: 'posted', ts: r.ts, error: null });
  });

  it('does not post again after a restart', async () => {
    const file = freshFile();
    const first = makeDeps({ file, now: NOW });
    expect((await postDigest(first, client, { target: { ...target, channel: '#restart' }, date: DATE, renderer })).outcome).toBe('posted');
    first.store.close();
    const restarted = makeDeps({ file, now: NOW });
    expect((await postDigest(restarted, client, { target: { ...target, channel: '#restart' }, date: DATE, renderer })).outcome).toBe('already_posted');
    expect(postsTo('#restart')).toHaveLength(1);
  });

  it('posts once when two instances race on the same store file', async () => {
    const file = freshFile();
    const a = makeDeps({ file, now: NOW });
    const b = makeDeps({ file, now: NOW });
    const t = { ...target, channel: '#race' };
    const results = await Promise.all([
      postDigest(a, client, { target: t, date: DATE, renderer, instance: 'host:1' }),
      postDigest(b, client, { target: t, date: DATE, renderer, instance: 'host:2' }),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(['in_progress', 'posted']);
    expect(postsTo('#race')).toHaveLength(1);
  });

  it('posts once when two processes race on the same store file', async () => {
    const file = freshFile();
    const child = path.join(import.meta.dirname, 'post-child.ts');
    const children = [0, 1].map(() => startChild(child, [file, slack.url, '#processes', DATE]));
    // Both have loaded the chart stack and opened the store: release them together, so both claim at once.
    await Promise.all(children.map((c) => c.ready));
    for (const c of children) c.go();
    const outs = await Promise.all(children.map((c) => c.done));
    const outcomes = outs.map((o) => JSON.parse(o.trim().split('\n').at(-1)!).outcome).sort();
    expect(outcomes[1]).toBe('posted');
    expect(['already_posted', 'in_progress']).toContain(outcomes[0]);
    expect(postsTo('#processes')).toHaveLength(1);
  }, 90_000);

  it('retries a rate-limited post after Retry-After and posts once', async () => {
    const deps = makeDeps({ file: freshFile(), now: NOW });
    slack.failNext('chat.postMessage', 'ratelimited', { retryAfter: 1 });
    const r = await postDigest(deps, client, { target: { ...target, channel: '#limited' }, date: DATE, renderer });
    expect(r.outcome).toBe('posted');
    // Retry-After is a floor: however busy the machine, the retry cannot come sooner.
    const [refused, accepted] = postsTo('#limited');
    expect(accepted.at - refused.at).toBeGreaterThanOrEqual(1000);
    // Two requests reached Slack: the first was refused with 429, so one message is in the channel.
    expect(postsTo('#limited')).toHaveLength(2);
    expect(readRow(deps.store, { channel: '#limited', date: DATE })?.status).toBe('posted');
  });

  it('records a digest that finally fails, with the reason, for the Home tab', async () => {
    const deps = makeDeps({ file: freshFile(), now: NOW });
    slack.failNext('chat.postMessage', 'not_in_channel');
    const r = await postDigest(deps, client, { target: { ...target, channel: '#closed' }, date: DATE, renderer });
    expect(r).toMatchObject({ outcome: 'failed' });
    expect(listDigestFailures(deps.store)).toMatchObject([
      { channel: '#closed', status: 'failed', error: 'Digest for 2026-11-23 not posted to #closed: Slack said not_in_channel' },
    ]);
  });

  it('posts a digest missed while the bot was down on start, marked late, and only once', async () => {
    const file = freshFile();
    const deps = makeDeps({ file, now: NOW, env: { LEAK_DIGESTS: '#late=exec@0 8 * * 1-5;#later=ops@0 11 * * *' } });
    const log: string[] = [];
    const started = startDigestSchedules(deps, { client, renderer, log: (l) => log.push(l) });
    try {
      const outcomes = await started.catchUp;
      // 08:00 passed at 10:00 local; 11:00 has not: only #late is owed.
      expect(outcomes.map((o) => [o.channel, o.outcome, o.late])).toEqual([['#late', 'posted', true]]);
      const [post] = postsTo('#late');
      expect(post.body.text).toMatch(/^Leak digest for Mon, Nov 23, 2026 \(late\)/);
      expect(JSON.stringify(post.body.blocks)).toContain('posted late: the bot was not running at the scheduled time');
      expect(readRow(deps.store, { channel: '#late', date: DATE })).toMatchObject({ status: 'posted', late: 1, role: 'exec' });
      expect(started.tasks.map((t) => t.getNextRun()?.toISOString())).toHaveLength(2);
    } finally {
      await started.stop();
    }
    // Restarted the same morning: the ledger shows the 08:00 run's days covered, so nothing is owed.
    const again = startDigestSchedules(makeDeps({ file, now: NOW, env: { LEAK_DIGESTS: '#late=exec@0 8 * * 1-5' } }), { client, renderer, log: () => undefined });
    expect(await again.catchUp).toEqual([]);
    await again.stop();
    expect(postsTo('#late')).toHaveLength(1);
    expect(log).toContain('digest #late 2026-11-23: posted (late)');
  });

  it('as an npm start service: says where digests go and when, Slack or the folder, and stops', async () => {
    const lines: string[] = [];
    const dir = path.join(tempDir(), 'digests');
    const early = makeDeps({ now: '2026-11-24T11:00:00Z', env: { LEAK_DIGESTS: '#exec=exec@0 8 * * 1-5' } });
    await startDigestService(early, client, (l) => lines.push(l)).stop();
    await startDigestService(makeDeps({ now: '2026-11-24T11:00:00Z', env: { LEAK_DIGEST_DIR: dir } }), client, (l) => lines.push(l)).stop();
    await startDigestService(makeDeps({ now: '2026-11-24T11:00:00Z', env: { LEAK_DIGEST_DIR: dir, LEAK_DIGEST_CHANNEL: '#ops' } }), undefined, (l) => lines.push(l)).stop();
    expect(lines).toEqual([
      "Digests: #exec (exec) at '0 8 * * 1-5' in America/New_York, each covering every complete day since the one before.",
      `Digests: written to ${dir}/, a dated folder each (Markdown and charts, operations view), at '0 8 * * 1-5' in America/New_York (no digest channel: set LEAK_DIGEST_CHANNEL, or LEAK_DIGESTS, to post them in Slack).`,
      `Digests: written to ${dir}/, a dated folder each (Markdown and charts, operations view), at '0 8 * * 1-5' in America/New_York (Slack is not connected).`,
    ]);
  });
});

/** A child process run through tsx that prints "ready", waits for a line on stdin, and prints its result. */
function startChild(file: string, args: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  let markReady!: () => void;
  let failReady!: (e: Error) => void;
  const ready = new Promise<void>((resolve, reject) => ((markReady = resolve), (failReady = reject)));
  proc.stdout.setEncoding('utf8').on('data', (s: string) => {
    out += s;
    if (out.startsWith('ready\n')) markReady();
  });
  const done = new Promise<string>((resolve, reject) =>
    proc.on('close', (code) => {
      const failed = new Error(`${file} exited ${code}: ${out}`);
      failReady(failed); // no effect once ready
      return code === 0 ? resolve(out) : reject(failed);
    }),
  );
  return { ready, done, go: () => proc.stdin.end('go\n') };
}
