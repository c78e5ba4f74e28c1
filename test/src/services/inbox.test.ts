import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startInbox, type InboxEvent } from '../../../src/services/inbox.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir } from '../../helpers/csv.ts';
import { makeDeps } from '../../helpers/store.ts';
import { simulatedStore } from '../../helpers/simulated.ts';

const NOW = '2026-11-24T15:00:00Z';
const MEMBERS = ['M-000001,MAPD,2026-06-01,en,1955,FL', 'M-000002,Commercial,2020-01-01,es,1980,TX'];
const DIGITAL = ['e1,M-000001,s1,2026-11-23T15:00:00Z,app,mobile,billing,pay,error,Session expired'];
const CALLS = ['c1,M-000001,2026-11-23T15:10:00Z,2026-11-23T15:20:00Z,voice,billing,A101,resolved,,,,'];
const csv = (header: string, rows: string[]) => [header, ...rows].join('\n') + '\n';

function setUp(deps = makeDeps({ now: NOW })) {
  const dir = path.join(tempDir(), 'inbox');
  const lines: string[] = [];
  const checks: number[] = [];
  const inbox = startInbox(deps, { dir, pollMs: 0, log: (l) => lines.push(l), afterImport: () => checks.push(lines.length) });
  const events: InboxEvent[] = [];
  inbox.onEvent((e) => events.push(e));
  const drop = (name: string, text: string) => fs.writeFileSync(path.join(dir, name), text);
  const count = (table: string) => deps.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return { deps, dir, inbox, events, lines, checks, drop, count };
}

describe('the CSV inbox', () => {
  it('imports a file once two checks see it unchanged, members first, runs the pipeline, and moves it to done/; the alert checks run once after', async () => {
    const { dir, inbox, drop, count, lines, checks } = setUp();
    drop('members.csv', csv(MEMBER_HEADER, MEMBERS));
    drop('digital.csv', csv(DIGITAL_HEADER, DIGITAL));
    drop('calls.csv', csv(CALL_HEADER, CALLS));
    expect(await inbox.scan()).toEqual([]);
    expect(count('import_batches')).toBe(0);
    const events = await inbox.scan();
    expect(events.map((e) => [e.file, e.outcome, path.relative(dir, e.movedTo!)])).toEqual([
      ['members.csv', 'done', 'done/members.csv'],
      ['digital.csv', 'done', 'done/digital.csv'],
      ['calls.csv', 'done', 'done/calls.csv'],
    ]);
    // Once, after the three files were logged.
    expect(checks).toEqual([3]);
    expect(fs.readdirSync(dir).sort()).toEqual(['done', 'refused']);
    expect(count('member_profiles')).toBe(2);
    // The pipeline ran after each: the failure and the call ten minutes later are a leaked call.
    expect(count('digital_call_leakage')).toBe(1);
    expect(lines[2]).toMatch(/^Inbox: calls\.csv: 1 loaded, 0 quarantined; Pipeline: 1 batch\(es\), \d+ day\(s\) updated in \d+ ms\. → done\/calls\.csv$/);
    await inbox.stop();
  });

  it('does not read a file that is still being written: it waits until it stops growing', async () => {
    const { dir, inbox, drop, count } = setUp();
    drop('members.csv', csv(MEMBER_HEADER, MEMBERS.slice(0, 1)));
    await inbox.scan();
    fs.appendFileSync(path.join(dir, 'members.csv'), `${MEMBERS[1]}\n`);
    expect(await inbox.scan()).toEqual([]);
    expect(count('import_batches')).toBe(0);
    const [e] = await inbox.scan();
    expect(e.line).toMatch(/^members\.csv: 2 loaded, 0 quarantined/);
    expect(count('member_profiles')).toBe(2);
    await inbox.stop();
  });

  it('never takes a file under a temporary name (.part, .tmp, hidden): written there and renamed, it is taken whole', async () => {
    const { dir, inbox, drop, count } = setUp();
    drop('members.csv.part', csv(MEMBER_HEADER, MEMBERS));
    drop('.members.csv', csv(MEMBER_HEADER, MEMBERS));
    drop('calls.tmp', csv(CALL_HEADER, CALLS));
    await inbox.scan();
    expect(await inbox.scan()).toEqual([]);
    expect(count('import_batches')).toBe(0);
    fs.renameSync(path.join(dir, 'members.csv.part'), path.join(dir, 'members.csv'));
    await inbox.scan();
    expect((await inbox.scan()).map((e) => e.file)).toEqual(['members.csv']);
    expect(fs.readdirSync(dir).sort()).toEqual(['.members.csv', 'calls.tmp', 'done', 'refused']);
    await inbox.stop();
  });

  it('tells the contract file by its header, not its name', async () => {
    const { inbox, drop, count } = setUp();
    drop('CallLogs_20261123.csv', csv(CALL_HEADER, CALLS));
    drop('export-7.csv', csv(DIGITAL_HEADER, DIGITAL));
    await inbox.scan();
    expect((await inbox.scan()).map((e) => e.outcome)).toEqual(['done', 'done']);
    expect(deps(count)).toEqual({ calls: 1, digital: 1 });
    await inbox.stop();
  });

  it('refuses what the import refuses, into refused/ with the one-line reason beside it', async () => {
    const { dir, inbox, drop, count } = setUp();
    drop('calls.csv', csv('call_id,member_id,started_at,ended_at,interaction', CALLS));
    drop('notes.csv', csv('when,what', ['2026-11-23,release']));
    drop('readme.txt', 'hello');
    drop('empty.csv', '');
    await inbox.scan();
    const events = await inbox.scan();
    expect(events.map((e) => [e.file, e.outcome])).toEqual([
      ['calls.csv', 'refused'], ['empty.csv', 'refused'], ['notes.csv', 'refused'], ['readme.txt', 'refused'],
    ]);
    const reason = (name: string) => fs.readFileSync(path.join(dir, 'refused', `${name}.reason.txt`), 'utf8');
    expect(reason('calls.csv')).toBe('calls.csv is not a calls.csv file: missing column disposition (needs call_id, member_id, started_at, ended_at, interaction, disposition). Nothing was loaded.\n');
    expect(reason('notes.csv')).toMatch(/^notes\.csv: cannot tell from its header which contract file it is \(members\.csv needs member_id, plan, enrolled_on, language; /);
    expect(reason('readme.txt')).toBe('readme.txt is not a .csv file: only contract CSV files (members, digital events, calls) are imported here.\n');
    expect(reason('empty.csv')).toMatch(/^empty\.csv is empty/);
    for (const r of ['calls.csv', 'notes.csv', 'readme.txt', 'empty.csv']) expect(reason(r).trim().split('\n')).toHaveLength(1);
    expect(fs.readdirSync(path.join(dir, 'refused')).sort()).toEqual([
      'calls.csv', 'calls.csv.reason.txt', 'empty.csv', 'empty.csv.reason.txt', 'notes.csv', 'notes.csv.reason.txt', 'readme.txt', 'readme.txt.reason.txt',
    ]);
    expect(count('import_batches')).toBe(0);
    await inbox.stop();
  });

  it('keeps bad rows in quarantine and the file in done/, as the import does; a second file of the same name is kept too', async () => {
    const { dir, inbox, drop, count } = setUp();
    drop('members.csv', csv(MEMBER_HEADER, [...MEMBERS, 'M-000003,Gold,2026-01-01,en,1950,FL']));
    await inbox.scan();
    const [first] = await inbox.scan();
    expect(first.line).toMatch(/^members\.csv: 2 loaded, 1 quarantined \(bad_value 1\); Pipeline: .*; See quarantined rows with: leak quarantine → done\/members\.csv$/);
    expect(count('quarantine')).toBe(1);
    drop('members.csv', csv(MEMBER_HEADER, ['M-000004,ACA,2025-01-01,en,1990,NY']));
    await inbox.scan();
    const [second] = await inbox.scan();
    expect(path.relative(dir, second.movedTo!)).toBe('done/members-2.csv');
    expect(fs.readdirSync(path.join(dir, 'done')).sort()).toEqual(['members-2.csv', 'members.csv']);
    await inbox.stop();
  });

  it('a store holding simulated data refuses inbox files, as `leak import` does: real and simulated data never mix', async () => {
    const { deps: sim } = simulatedStore();
    const { dir, inbox, drop } = setUp(sim);
    const before = sim.store.sqlite.prepare("SELECT count(*) FROM import_batches WHERE source = 'csv'").pluck().get();
    drop('members.csv', csv(MEMBER_HEADER, MEMBERS));
    await inbox.scan();
    const [e] = await inbox.scan();
    expect(e.outcome).toBe('refused');
    expect(fs.readFileSync(path.join(dir, 'refused', 'members.csv.reason.txt'), 'utf8')).toMatch(/holds simulated data, and real and simulated data never mix\. Import into a new store/);
    expect(sim.store.sqlite.prepare("SELECT count(*) FROM import_batches WHERE source = 'csv'").pluck().get()).toBe(before);
    await inbox.stop();
  });
});

function deps(count: (table: string) => number) {
  return { calls: count('call_logs_cleaned'), digital: count('digital_journeys_cleaned') };
}
