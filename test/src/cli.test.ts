/**
 * The CLI: main(argv) in-process with stdout, stderr and the settings captured, judged only by what it
 * prints and its exit code; and a few runs as a user runs it (a real process on the built code,
 * `node scripts/build.mjs src/cli.ts`, what `npm run -s leak --` runs) for what only a process shows.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from '../helpers/csv.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function leak(args: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, env });
  return { code, stdout, stderr };
}

function leakProcess(args: string[], env: Record<string, string> = {}) {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LEAK_|SLACK_|PORT$)/.test(k)));
  // As `npm run leak` runs it, without npm's own lines on stdout and stderr.
  const r = spawnSync(process.execPath, ['scripts/build.mjs', 'src/cli.ts', ...args], { cwd: root, env: { ...clean, ...env }, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = tempDir();
const db = path.join(dir, 'leak.db');
const files = {
  members: writeCsv(dir, 'members.csv', MEMBER_HEADER, ['M-000001,MAPD,2026-06-01,en,1955,FL', 'M-000002,Gold,2026-06-01,en,,']),
  digital: writeCsv(dir, 'digital_events.csv', DIGITAL_HEADER, [
    'e1,M-000001,s1,2026-11-20T14:00:00Z,app,mobile,billing,pay,error,Card declined',
    'e2,m000002,s2,2026-11-19T14:00:00Z,web,desktop,id_card,download,abandon,',
  ]),
  calls: writeCsv(dir, 'calls.csv', CALL_HEADER, [
    'c1,m000001,2026-11-20T14:30:00Z,2026-11-20T14:40:00Z,voice,billing,A1,resolved,0,-0.5,,',
    'c2,104382,2026-11-20T14:30:00Z',
    ',M-000002,2026-11-20T14:30:00Z,2026-11-20T14:40:00Z,voice,billing,A1,resolved,,,,',
    'c4,M-000002,2026-11-19T14:10:00Z,2026-11-19T14:20:00Z,chat,,,resolved,,,,',
  ]),
};

describe('leak CLI', () => {
  it('import prints "N loaded, M quarantined" per file with reasons grouped, then the pipeline line; a re-import changes nothing', async () => {
    const r = await leak(['import', '--members', files.members, '--digital', files.digital, '--calls', files.calls], { LEAK_DB: db });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `${files.members}: 1 loaded, 1 quarantined (bad_value 1)`,
      `${files.digital}: 2 loaded, 0 quarantined`,
      `${files.calls}: 2 loaded, 2 quarantined (field_count 1, missing_value 1)`,
    ]);
    expect(lines[3]).toMatch(/^Pipeline: 3 batch\(es\), 2 day\(s\) updated in \d+ ms\.$/);
    expect(lines[4]).toBe('See quarantined rows with: leak quarantine');

    const again = await leak(['import', '--calls', files.calls], { LEAK_DB: db });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/calls\.csv: already imported \(batch 3\); nothing changed\./);
  });

  it('today --date 2026-11-20 --json prints only JSON with the required keys', async () => {
    const r = await leak(['today', '--date', '2026-11-20', '--json'], { LEAK_DB: db });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({
      date: '2026-11-20',
      journeys: [{ journey: 'billing', calls: 1, cost: 8, trend_pct: null }],
      total: { calls: 1, cost: 8 },
    });
    const day19 = JSON.parse((await leak(['today', '--date', '2026-11-19', '--json'], { LEAK_DB: db })).stdout);
    expect(day19.journeys).toEqual([{ journey: 'id_card', calls: 1, cost: 8, top_segment: 'Unknown', trend_pct: null, weekday_pct: null, prior_mean: null, weekday_mean: null }]);
  });

  it('quarantine --file calls.csv --json lists the rejected rows', async () => {
    const r = await leak(['quarantine', '--file', 'calls.csv', '--json'], { LEAK_DB: db });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rows.map((q: { line: number; reason_code: string }) => [q.line, q.reason_code])).toEqual([[3, 'field_count'], [4, 'missing_value']]);
  });

  it('an unknown command: usage on stderr, exit 2', async () => {
    const r = await leak(['todya'], { LEAK_DB: db });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Unknown command "todya"\. Did you mean "today"\? Commands: .*today.*import.*quarantine/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('an unknown option: usage on stderr, exit 2', async () => {
    const r = await leak(['today', '--dtae', '2026-11-20'], { LEAK_DB: db });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Unknown option --dtae. Did you mean --date? Options: --date, --json, --help. Usage: leak today [--date YYYY-MM-DD] [--json]\n');
  });

  it('a bad --date: one line saying what is wrong with it, exit 2', async () => {
    const r = await leak(['today', '--date', '2026-02-30'], { LEAK_DB: db });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('--date "2026-02-30" does not exist: February 2026 has 28 days.\n');
    const early = await leak(['today', '--date', '0999-12-31'], { LEAK_DB: db });
    expect([early.code, early.stderr]).toEqual([2, '--date "0999-12-31" is before 1000-01-01, the first date Leak computes with.\n']);
  });

  it("an option's own message, not the argument parser's: a negative number is a value the option refuses by name, exit 2", async () => {
    const calls = await leak(['savings', '--calls', '-3'], { LEAK_DB: db });
    expect([calls.code, calls.stdout, calls.stderr]).toEqual([2, '', '--calls must be a number from 0 to 1,000,000,000 (got "-3").\n']);
    const limit = await leak(['quarantine', '--limit', '-1'], { LEAK_DB: db });
    expect([limit.code, limit.stderr]).toEqual([2, '--limit must be a whole number from 1 to 100,000 (got "-1").\n']);
    const missing = await leak(['today', '--date', '--json'], { LEAK_DB: db });
    expect([missing.code, missing.stderr]).toEqual([2, '--date needs a value: --date YYYY-MM-DD (day to answer for (default: today in LEAK_TZ)). Usage: leak today [--date YYYY-MM-DD] [--json]\n']);
  });

  it('a date outside the store: which dates it holds, exit 1', async () => {
    const r = await leak(['today', '--date', '2030-01-01'], { LEAK_DB: db });
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe('No data for --date 2030-01-01: the store holds calls from 2026-11-19 to 2026-11-20 (dates in America/New_York). Try a date from 2026-11-19 to 2026-11-20.\n');
  });

  it('a store that is not there: a read-only command says so and creates nothing, exit 1; a command that writes creates it', async () => {
    const nowhere = path.join(dir, 'nonexistent', 'dir', 'x.db');
    const r = await leak(['today'], { LEAK_DB: nowhere });
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(`No store at ${nowhere} (LEAK_DB): nothing to answer from yet. Run npm start for a demo or leak import to load data, or set LEAK_DB to an existing store.\n`);
    expect(fs.existsSync(path.join(dir, 'nonexistent'))).toBe(false);
    // --help needs no store either.
    expect((await leak(['today', '--help'], { LEAK_DB: nowhere })).code).toBe(0);
    const note = await leak(['note', '2026-11-20', 'Release 4.2'], { LEAK_DB: nowhere });
    expect([note.code, note.stderr]).toEqual([0, '']);
    expect(fs.existsSync(nowhere)).toBe(true);
  });

  it('a producer (publish, simulate --publish) needs no store and creates none: it only sends to the event log', async () => {
    const nowhere = path.join(dir, 'producer-only', 'x.db');
    const calls = writeCsv(dir, 'producer-calls.csv', CALL_HEADER, ['c1,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,,,resolved,,,,']);
    // Nothing listens on port 1: the answer is about the event log, not about a missing store.
    const publish = await leak(['publish', '--calls', calls, '--to', 'nats://127.0.0.1:1'], { LEAK_DB: nowhere });
    expect([publish.code, publish.stderr]).toEqual([1, 'Cannot reach the event log at nats://127.0.0.1:1 (connection refused). Is nats-server -js running there?\n']);
    const simulate = await leak(['simulate', '--days', '1', '--scale', '0.0001', '--publish', 'nats://127.0.0.1:1'], { LEAK_DB: nowhere });
    expect([simulate.code, simulate.stderr]).toEqual([1, 'Cannot reach the event log at nats://127.0.0.1:1 (connection refused). Is nats-server -js running there?\n']);
    expect(fs.existsSync(path.join(dir, 'producer-only'))).toBe(false);
  });

  it('a LEAK_DB that is not a SQLite file is named in the error, exit 1', async () => {
    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'these are my notes, not a database\n'.repeat(200));
    const r = await leak(['today'], { LEAK_DB: text });
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toBe(`LEAK_DB=${text} is not a SQLite database (file is not a database): point LEAK_DB at a Leak store, or at a new file name to create one.\n`);
  });

  it('a bad environment variable: one line naming it, exit 1', async () => {
    const r = await leak(['today', '--date', '2026-11-20'], { LEAK_DB: db, LEAK_TZ: 'Mars/Base' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('Invalid LEAK_TZ="Mars/Base": must be an IANA time zone such as America/New_York or Europe/Paris.\n');
  });

  it('a refused file (binary, or a path that does not exist): one line, exit 1, nothing of the command loaded', async () => {
    const fresh = path.join(dir, 'fresh.db');
    const bad = path.join(dir, 'photo.csv');
    fs.writeFileSync(bad, Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x10]));
    const r = await leak(['import', '--calls', bad], { LEAK_DB: fresh });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('photo.csv is not a CSV text file (it contains binary data). Nothing was loaded.\n');
    const missing = await leak(['import', '--members', files.members, '--calls', path.join(dir, 'nope.csv')], { LEAK_DB: fresh });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`No such file: ${path.join(dir, 'nope.csv')}\n`);
    const json = JSON.parse((await leak(['quarantine', '--json'], { LEAK_DB: fresh })).stdout);
    expect(json.total).toBe(0);
  });
});

// What only a real process shows: the built code runs, the exit code reaches the shell, and npm-free
// stdout and stderr carry exactly what main() wrote. Runs after the in-process import above.
describe('leak CLI as a user runs it', () => {
  it('an answer: JSON on stdout, nothing on stderr, exit 0', () => {
    const r = leakProcess(['today', '--date', '2026-11-20', '--json'], { LEAK_DB: db });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ date: '2026-11-20', total: { calls: 1, cost: 8 } });
  });

  it('a usage error: one line on stderr, exit 2', () => {
    const r = leakProcess(['todya'], { LEAK_DB: db });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Unknown command "todya"\. Did you mean "today"\?/);
  });

  it('a failure: one line on stderr, exit 1', () => {
    const r = leakProcess(['today'], { LEAK_DB: db, LEAK_TZ: 'Mars/Base' });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('Invalid LEAK_TZ="Mars/Base": must be an IANA time zone such as America/New_York or Europe/Paris.\n');
  });
});
