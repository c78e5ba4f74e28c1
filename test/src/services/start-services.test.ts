import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { askingHelp, startServices } from '../../../src/services/start-services.ts';
import { loadSimState } from '../../../src/simulator/state.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { makeDeps } from '../../helpers/store.ts';
import { CALL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { createAction } from '../../../src/actions/repository.ts';
import { seedLeakage } from '../../reports/digest/seed-store.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { END } from '../../helpers/simulated.ts';
import { loadCommands } from '../../../commands/registry.ts';
import { parseInvocation } from '../../../commands/invocation.ts';

const TINY = { days: 1, scale: 0.002, seed: 42 };
const collect = (lines: string[]) => ({ info: (m: string) => lines.push(m), warn: (m: string) => lines.push(m) });
/** The digest folder and the inbox in a temp folder, never the checkout's ./data. */
const folders = () => {
  const dir = tempDir();
  return { LEAK_DIGEST_DIR: path.join(dir, 'digests'), LEAK_INBOX: path.join(dir, 'inbox') };
};
const JOBS = ['action jobs', 'alert jobs', 'digests', 'inbox'];

function fakeLive() {
  let now = 0;
  return { speed: 600, batchMs: 1000, now: () => now, sleep: async (ms: number) => void (now += ms), maxBatches: 3 };
}

describe('startServices (npm start)', () => {
  it('on an empty store: backfills a demo history, streams live, says how to ask and how to connect Slack; stops cleanly', async () => {
    const deps = makeDeps({ now: END, env: folders() });
    const lines: string[] = [];
    const services = await startServices({ ...deps, log: collect(lines) }, { demo: TINY, live: fakeLive(), inboxPollMs: 0 });
    const text = lines.join('\n');
    expect(text).toMatch(/Simulator: new store, backfilling a 1-day demo history at scale 0.002 \(LEAK_SIMULATE=auto\)/);
    expect(text).toMatch(/npm run -s leak -- today/);
    expect(text).toMatch(/SLACK_BOT_TOKEN/);
    expect(text).toMatch(/SLACK_SIGNING_SECRET/);
    expect(text).toMatch(/SLACK_APP_TOKEN/);
    expect(services.map((s) => s.name)).toEqual(['simulator', ...JOBS]);
    for (const s of services) await s.stop();
    // The live stream ran past the backfill's end: 3 batches of 10 simulated minutes.
    expect(loadSimState(deps.store)!.cut.calls).toBe(END + 30 * 60_000);
    expect(deps.store.sqlite.prepare('SELECT count(*) FROM digital_call_leakage').pluck().get()).toBeGreaterThan(0);
  });

  it('raises the threshold alerts of the backfilled history, each dated the hour a running Leak would have raised it', async () => {
    const deps = makeDeps({ now: END, env: folders() });
    const lines: string[] = [];
    const services = await startServices({ ...deps, log: collect(lines) }, { demo: { ...TINY, days: 2 }, live: { ...fakeLive(), maxBatches: 0 }, inboxPollMs: 0 });
    for (const s of services) await s.stop();
    const alerts = deps.store.sqlite.prepare('SELECT rule, created_at, window_start FROM alerts ORDER BY created_at').all() as { rule: string; created_at: number; window_start: number }[];
    const before = alerts.filter((a) => a.created_at < END - 24 * 3_600_000);
    expect(before.length).toBeGreaterThan(0);
    // Raised within the hour after what they flag, never before it.
    for (const a of alerts.filter((x) => x.rule === 'failed_interaction')) {
      expect(a.created_at).toBeGreaterThan(a.window_start);
      expect(a.created_at - a.window_start).toBeLessThanOrEqual(3_600_000);
    }
    expect(lines.join("\n")).toMatch(new RegExp(`Alerts: ${alerts.length} threshold alerts and 0 spike alerts over that history`));
  });

  it('a store fed by imports says the simulator is off and writes nothing simulated', async () => {
    const deps = makeDeps({ now: END, env: folders() });
    await importCsvFile(deps.store, 'members', writeCsv(tempDir(), 'members.csv', MEMBER_HEADER, ['M-000001,MAPD,2026-06-01,en,1955,FL']));
    const lines: string[] = [];
    const services = await startServices({ ...deps, log: collect(lines) }, { demo: TINY, live: fakeLive(), inboxPollMs: 0 });
    expect(lines[0]).toMatch(/^The simulator is off: this store holds imported data/);
    expect(services.map((s) => s.name)).toEqual(JOBS);
    for (const s of services) await s.stop();
    expect(deps.store.sqlite.prepare("SELECT count(*) FROM import_batches WHERE source = 'simulator'").pluck().get()).toBe(0);
  });

  it('LEAK_SIMULATE=off keeps it off', async () => {
    const deps = makeDeps({ now: END, env: { LEAK_SIMULATE: 'off', ...folders() } });
    const lines: string[] = [];
    const services = await startServices({ ...deps, log: collect(lines) }, { demo: TINY, inboxPollMs: 0 });
    expect(lines[0]).toBe('The simulator is off (LEAK_SIMULATE=off).');
    for (const s of services) await s.stop();
  });

  it("forgets the subject of conversations untouched for 30 days, and keeps the others", async () => {
    const deps = makeDeps({ now: END, env: { LEAK_SIMULATE: 'off', ...folders() } });
    const save = deps.store.sqlite.prepare("INSERT INTO ask_threads (thread_key, context, updated_at) VALUES (?, '{}', ?)");
    save.run('slack:T1:C1:old', END - 31 * 86_400_000);
    save.run('slack:T1:C1:recent', END - 29 * 86_400_000);
    const lines: string[] = [];
    const services = await startServices({ ...deps, log: collect(lines) }, { inboxPollMs: 0 });
    for (const s of services) await s.stop();
    expect(deps.store.sqlite.prepare('SELECT thread_key FROM ask_threads').pluck().all()).toEqual(['slack:T1:C1:recent']);
    expect(lines).toContain('Asking: forgot the subject of 1 conversation(s) untouched for 30 days.');
  });

  it('on imported data without Slack the jobs still run: alerts and reminders to the log, the digest to its folder, the inbox on', async () => {
    const env = folders();
    // Tuesday Nov 24, 10:00 in New York: the 08:00 digest run has passed, Monday is the last complete day.
    const deps = makeDeps({ now: '2026-11-24T15:00:00Z', env });
    await seedLeakage(deps, { endDate: '2026-11-23', days: 10 });
    // A failed call an hour ago (a threshold alert) and an action nobody acknowledged for two weeks (a reminder).
    await importCsvFile(deps.store, 'calls', writeCsv(tempDir(), 'calls.csv', CALL_HEADER, ['cf1,M-000001,2026-11-24T14:00:00Z,2026-11-24T14:05:00Z,voice,billing,A101,failed,,,,']));
    runPipeline(deps.store, deps.config);
    createAction(deps.store, { journey: 'billing', title: 'Fix the billing failure', ownerTeam: 'Digital Billing' }, { user: 'dana', via: 'cli', at: Date.parse('2026-11-09T15:00:00Z') });
    const lines: string[] = [];
    const services = await startServices({ ...deps, log: collect(lines) }, { inboxPollMs: 0 });
    expect(services.map((s) => s.name)).toEqual(JOBS);
    // Stopping waits for the start-up runs, so everything they did is done when it returns.
    for (const s of services) await s.stop();
    const text = lines.join('\n');
    expect(text).toContain('Jobs, hourly in America/New_York and once now (Slack is not connected):');
    expect(text).toContain('alert scans (spikes, thresholds) at :12, new alerts to this log;');
    expect(lines).toContainEqual(expect.stringMatching(/^alerts: #\d+ Failed interaction: voice cf1 \(member M-000001, agent A101, 2026-11-24 09:00\)\.$/));
    expect(lines).toContainEqual(expect.stringMatching(/^actions: Reminder: nobody has acknowledged A-1 after 48 business hours\. Digital Billing, can someone/));
    expect(text).toContain(`Digests: written to ${env.LEAK_DIGEST_DIR}/, a dated folder each (Markdown and charts, operations view), at '0 8 * * 1-5' in America/New_York (Slack is not connected).`);
    expect(lines).toContain(`digest ${env.LEAK_DIGEST_DIR} 2026-11-23: written (late)`);
    expect(fs.readdirSync(path.join(env.LEAK_DIGEST_DIR, '2026-11-23')).sort()).toEqual(['cost-by-journey.png', 'daily-by-journey.png', 'digest.md', 'top-journey-segments.png']);
    expect(text).toContain(`Inbox: drop contract CSV files (members, digital events, calls) into ${env.LEAK_INBOX}/`);
    expect(fs.readdirSync(env.LEAK_INBOX).sort()).toEqual(['done', 'refused']);
  });

  it('lists only commands this build has, each described as its help describes it', async () => {
    const help = await askingHelp(makeDeps({ now: END }));
    const commands = await loadCommands();
    for (const line of help.split('\n').slice(1)) {
      const [, name, summary] = /^  npm run -s leak -- ([a-z]+)\S*(?: \S+)* {2,}(.+)$/.exec(line)!;
      expect(summary).toBe(commands.find((c) => c.name === name)!.summary);
    }
    expect(help).toMatch(/leak -- today +What's breaking right now/);
    expect(help).not.toContain('tracked fixes');
    // An empty store has no member to show: no journey line rather than a made-up id.
    expect(help).not.toMatch(/leak -- journey/);
  });

  it("suggests a member who leaked in the store, whose journey shows the leak", async () => {
    // Temp folders: npm start's digest folder and inbox default to the checkout's ./data.
    const deps = makeDeps({ now: END, env: folders() });
    const services = await startServices({ ...deps, log: collect([]) }, { demo: TINY, live: { ...fakeLive(), maxBatches: 0 } });
    for (const s of services) await s.stop();
    const line = (await askingHelp(deps)).split('\n').find((l) => l.includes('leak -- journey '))!;
    const argv = /leak -- (journey M-\d+(?: --date \S+)?)/.exec(line)![1].split(' ');
    const inv = await parseInvocation(argv, deps);
    const timeline = (await inv.cmd.run(inv.args, deps)) as { counts: { leaked_calls: number } };
    expect(timeline.counts.leaked_calls).toBeGreaterThan(0);
  });
});
