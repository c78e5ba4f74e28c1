/**
 * Times and dates outside a sane range are quarantined at the gate, and the pipeline's date
 * arithmetic throws rather than loop when one gets past it. End to end: real import, real pipeline.
 */
import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { addDays } from '../../../src/time.ts';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const DAYS = Array.from({ length: 15 }, (_, i) => addDays('2026-11-10', i));
const call = (id: string, start: string, end = start) => `${id},M-000001,${start},${end},voice,,,resolved,,,,`;
const event = (id: string, ts: string) => `${id},M-000001,s-${id},${ts},app,mobile,billing,pay,error,Oops`;

type Q = { reason_code: string; reason: string };
const quarantine = (deps: ReturnType<typeof makeDeps>) => deps.store.sqlite.prepare('SELECT reason_code, reason FROM quarantine ORDER BY id').all() as Q[];
const table = (deps: ReturnType<typeof makeDeps>, t: string) => deps.store.sqlite.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all();

describe('timestamps and dates outside their range are quarantined as bad_value, and nothing downstream moves', () => {
  it('calls at 9999-12-30, 9999-06-01, 0000-06-01 and 1969: quarantined with the range; the pipeline finishes; savings_model is intact', async () => {
    const deps = makeDeps({ now: NOW });
    const dir = tempDir();
    await importCsvFile(deps.store, 'members', writeCsv(dir, 'members.csv', MEMBER_HEADER, ['M-000001,MAPD,2026-01-01,en,1956,FL']), { now: NOW });
    await importCsvFile(deps.store, 'digital', writeCsv(dir, 'd.csv', DIGITAL_HEADER, DAYS.map((d, i) => event(`e${i}`, `${d}T13:50:00Z`))), { now: NOW });
    await importCsvFile(deps.store, 'calls', writeCsv(dir, 'c.csv', CALL_HEADER, DAYS.map((d, i) => call(`c${i}`, `${d}T14:00:00Z`))), { now: NOW });
    runPipeline(deps.store, deps.config);
    const savings = table(deps, 'savings_model');
    const daily = table(deps, 'daily_leakage_summary');
    expect(savings.length).toBeGreaterThan(10);

    const bad = [
      call('x1', '9999-12-30T12:00:00Z'),
      call('x2', '9999-06-01T12:00:00Z'),
      call('x3', '0000-06-01T12:00:00Z'),
      call('x4', '1969-12-31T23:59:59Z', '1970-01-01T00:00:00Z'),
      call('x5', '2026-11-20T14:10:00Z', '9999-12-30T12:00:00Z'),
    ];
    const r = await importCsvFile(deps.store, 'calls', writeCsv(dir, 'bad-calls.csv', CALL_HEADER, bad), { now: NOW });
    // Checked before the pipeline runs: without the gate, the first row sent it into an endless loop.
    expect(r).toMatchObject({ loaded: 0, quarantined: 5 });
    const range = 'is outside the valid range 1970-01-01T00:00:00Z to 2126-11-25T12:00:00Z (100 years after this import)';
    expect(quarantine(deps)).toEqual([
      { reason_code: 'bad_value', reason: `started_at "9999-12-30T12:00:00Z" ${range}` },
      { reason_code: 'bad_value', reason: `started_at "9999-06-01T12:00:00Z" ${range}` },
      { reason_code: 'bad_value', reason: `started_at "0000-06-01T12:00:00Z" ${range}` },
      { reason_code: 'bad_value', reason: `started_at "1969-12-31T23:59:59Z" ${range}` },
      { reason_code: 'bad_value', reason: `ended_at "9999-12-30T12:00:00Z" ${range}` },
    ]);
    const e = await importCsvFile(deps.store, 'digital', writeCsv(dir, 'bad-d.csv', DIGITAL_HEADER, [event('y1', '9999-12-30T12:00:00Z'), event('y2', '0000-01-01T00:00:00Z')]), { now: NOW });
    expect(e).toMatchObject({ loaded: 0, quarantined: 2 });

    runPipeline(deps.store, deps.config);
    expect(table(deps, 'savings_model')).toEqual(savings);
    expect(table(deps, 'daily_leakage_summary')).toEqual(daily);
    expect(deps.store.sqlite.prepare('SELECT min(local_date) AS first, max(local_date) AS last FROM call_logs_cleaned').get()).toEqual({ first: '2026-11-10', last: '2026-11-24' });
  });

  it('the range is inclusive and ends 100 years after the time of the import', async () => {
    const deps = makeDeps({ now: NOW });
    const rows = [call('a', '1970-01-01T00:00:00Z'), call('b', '2126-11-25T12:00:00Z'), call('c', '2126-11-25T07:00:01-05:00'), call('d', '2126-11-25T12:00:00.001Z')];
    const r = await importCsvFile(deps.store, 'calls', writeCsv(tempDir(), 'c.csv', CALL_HEADER, rows), { now: NOW });
    expect(r).toMatchObject({ loaded: 2, quarantined: 2 });
    expect(quarantine(deps).map((q) => q.reason.slice(0, 40))).toEqual(['started_at "2126-11-25T07:00:01-05:00" i', 'started_at "2126-11-25T12:00:00.001Z" is']);
    const later = await importCsvFile(deps.store, 'calls', writeCsv(tempDir(), 'c2.csv', CALL_HEADER, rows.slice(2)), { now: NOW + 1000 });
    expect(later).toMatchObject({ loaded: 2, quarantined: 0 });
  });

  it('members: enrolled_on from 1900-01-01 to 10 years ahead, birth_year from 1900 to the year of the import', async () => {
    const deps = makeDeps({ now: NOW });
    const rows = [
      'M-000001,MAPD,1900-01-01,en,1900,FL',
      'M-000002,MAPD,2036-11-25,en,2026,FL',
      'M-000003,MAPD,0000-01-01,en,,FL',
      'M-000004,MAPD,9999-12-31,en,,FL',
      'M-000005,MAPD,1899-12-31,en,,FL',
      'M-000006,MAPD,2036-11-26,en,,FL',
      'M-000007,MAPD,2026-01-01,en,1899,FL',
      'M-000008,MAPD,2026-01-01,en,2027,FL',
      'M-000009,MAPD,2026-01-01,en,0000,FL',
    ];
    const r = await importCsvFile(deps.store, 'members', writeCsv(tempDir(), 'members.csv', MEMBER_HEADER, rows), { now: NOW });
    expect(r).toMatchObject({ loaded: 2, quarantined: 7 });
    const enrolled = 'is outside the valid range 1900-01-01 to 2036-11-25 (up to 10 years after this import)';
    const born = 'must be a four-digit year from 1900 to 2026, or empty';
    expect(quarantine(deps).map((q) => q.reason)).toEqual([
      `enrolled_on "0000-01-01" ${enrolled}`,
      `enrolled_on "9999-12-31" ${enrolled}`,
      `enrolled_on "1899-12-31" ${enrolled}`,
      `enrolled_on "2036-11-26" ${enrolled}`,
      `birth_year "1899" ${born}`,
      `birth_year "2027" ${born}`,
      `birth_year "0000" ${born}`,
    ]);
  });
});

describe('past the gate, date arithmetic fails loudly instead of looping', () => {
  it('a call on 9999-12-31 (allowed by an import dated 9950) stops the pipeline with a RangeError naming the date', async () => {
    // The guard the pipeline relies on; without it the savings model walks past 9999 forever.
    expect(() => addDays('9999-12-31', 1)).toThrow(RangeError);
    const deps = makeDeps({ now: NOW });
    const now = Date.parse('9950-01-01T00:00:00Z');
    const r = await importCsvFile(deps.store, 'calls', writeCsv(tempDir(), 'c.csv', CALL_HEADER, [call('z', '9999-12-31T17:00:00Z')]), { now });
    expect(r).toMatchObject({ loaded: 1, quarantined: 0 });
    expect(() => runPipeline(deps.store, deps.config)).toThrow(/9999-12-31 \+ 1 days is outside 1000-01-01 to 9999-12-31/);
  });
});
