import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { LeakError } from '../../../src/errors.ts';
import { rowCount } from '../../helpers/leak-fixture.ts';

const GOOD_CALL = 'c1,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,r,A1,resolved,0.1,0.2,,';
const GOOD_EVENT = 'e1,M-000001,s1,2026-11-20T14:00:00Z,app,mobile,billing,pay,error,';
const GOOD_MEMBER = 'M-000001,MAPD,2026-01-01,en,1956,FL';

type Q = { line_no: number; reason_code: string; reason: string; raw_line: string; file: string };
const quarantined = (deps: ReturnType<typeof makeDeps>) =>
  deps.store.sqlite.prepare('SELECT file, line_no, reason_code, reason, raw_line FROM quarantine ORDER BY id').all() as Q[];

describe('quarantine: each rejected row with file, line number, raw line and reason', () => {
  it('missing_value, bad_time_order, field_count and bad_quoting on calls; the good rows still load', async () => {
    const deps = makeDeps();
    const rows = [
      GOOD_CALL,
      ',M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,r,A1,resolved,,,,', // line 3
      'c3,M-000001,2026-11-20T14:00:00Z,2026-11-20T13:59:59Z,voice,r,A1,resolved,,,,', // line 4
      'c4,M-000001,2026-11-20T14:00:00Z', // line 5
      'c5,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,r,A1,resolved,,,"he said "no"",', // line 6
      'c6,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,r,A1,resolved,,,"open,', // line 7
      'c7,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:00:00Z,chat,,,resolved,,,"a, ""quoted""\ncomment",', // lines 8-9, good
      '',
      'c8,  M-000002 ,2026-11-20T15:00:00Z,2026-11-20T15:05:00Z,voice,r,A1,resolved,,,,', // line 11, good
    ];
    const r = await importCsvFile(deps.store, 'calls', writeCsv(tempDir(), 'calls.csv', CALL_HEADER, rows));
    expect(r).toMatchObject({ loaded: 3, quarantined: 5 });
    expect(Object.fromEntries(r.reasons)).toEqual({ missing_value: 1, bad_time_order: 1, field_count: 1, bad_quoting: 2 });
    expect(quarantined(deps)).toEqual([
      { file: 'calls.csv', line_no: 3, reason_code: 'missing_value', reason: 'call_id is empty', raw_line: rows[1] },
      { file: 'calls.csv', line_no: 4, reason_code: 'bad_time_order', reason: 'ended_at is before started_at', raw_line: rows[2] },
      { file: 'calls.csv', line_no: 5, reason_code: 'field_count', reason: 'row has 3 fields, the header has 12', raw_line: rows[3] },
      { file: 'calls.csv', line_no: 6, reason_code: 'bad_quoting', reason: 'cannot split into fields: text after a closing quote in field 11', raw_line: rows[4] },
      { file: 'calls.csv', line_no: 7, reason_code: 'bad_quoting', reason: 'cannot split into fields: a quoted field is never closed', raw_line: rows[5] },
    ]);
    const raw = deps.store.sqlite.prepare('SELECT line_no, call_id, member_id, survey_comment FROM call_logs_raw ORDER BY raw_id').all();
    expect(raw).toEqual([
      { line_no: 2, call_id: 'c1', member_id: 'M-000001', survey_comment: '' },
      { line_no: 8, call_id: 'c7', member_id: 'M-000001', survey_comment: 'a, "quoted"\ncomment' },
      { line_no: 11, call_id: 'c8', member_id: '  M-000002 ', survey_comment: '' },
    ]);
  });

  const badValues: [kind: 'members' | 'digital' | 'calls', header: string, row: string, column: string][] = [
    ['members', MEMBER_HEADER, 'X-12,MAPD,2026-01-01,en,,', 'member_id'],
    ['members', MEMBER_HEADER, 'M-000001,Gold,2026-01-01,en,,', 'plan'],
    ['members', MEMBER_HEADER, 'M-000001,MAPD,2026-02-30,en,,', 'enrolled_on'],
    ['members', MEMBER_HEADER, 'M-000001,MAPD,2026-01-01,eng,,', 'language'],
    ['members', MEMBER_HEADER, 'M-000001,MAPD,2026-01-01,en,56,', 'birth_year'],
    ['members', MEMBER_HEADER, 'M-000001,MAPD,2026-01-01,en,,Florida', 'state'],
    ['digital', DIGITAL_HEADER, 'e1,M-1x,s1,2026-11-20T14:00:00Z,app,mobile,billing,pay,error,', 'member_id'],
    ['digital', DIGITAL_HEADER, 'e1,M-000001,s1,2026-11-20T14:00:00,app,mobile,billing,pay,error,', 'ts'],
    ['digital', DIGITAL_HEADER, 'e1,M-000001,s1,2026-11-20 14:00:00Z,app,mobile,billing,pay,error,', 'ts'],
    ['digital', DIGITAL_HEADER, 'e1,M-000001,s1,2026-11-31T14:00:00Z,app,mobile,billing,pay,error,', 'ts'],
    ['digital', DIGITAL_HEADER, 'e1,M-000001,s1,2026-11-20T14:00:00Z,kiosk,mobile,billing,pay,error,', 'channel'],
    ['digital', DIGITAL_HEADER, 'e1,M-000001,s1,2026-11-20T14:00:00Z,app,watch,billing,pay,error,', 'device'],
    ['digital', DIGITAL_HEADER, 'e1,M-000001,s1,2026-11-20T14:00:00Z,app,mobile,bill pay,pay,error,', 'journey'],
    ['digital', DIGITAL_HEADER, 'e1,M-000001,s1,2026-11-20T14:00:00Z,app,mobile,billing,pay,failed,', 'outcome'],
    ['calls', CALL_HEADER, 'c1,M-000001,yesterday,2026-11-20T14:05:00Z,voice,,,resolved,,,,', 'started_at'],
    ['calls', CALL_HEADER, 'c1,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00+0100,voice,,,resolved,,,,', 'ended_at'],
    ['calls', CALL_HEADER, 'c1,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,fax,,,resolved,,,,', 'interaction'],
    ['calls', CALL_HEADER, 'c1,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,,,dropped,,,,', 'disposition'],
    ['calls', CALL_HEADER, 'c1,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,,,resolved,1.5,,,', 'sentiment_start'],
    ['calls', CALL_HEADER, 'c1,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,,,resolved,,abc,,', 'sentiment_end'],
  ];
  for (const [kind, header, row, column] of badValues) {
    it(`bad_value: ${kind} ${column} in ${JSON.stringify(row.split(',').find((v, i) => header.split(',')[i] === column))}`, async () => {
      const deps = makeDeps();
      const r = await importCsvFile(deps.store, kind, writeCsv(tempDir(), `${kind}.csv`, header, [row]));
      expect(r).toMatchObject({ loaded: 0, quarantined: 1 });
      const [q] = quarantined(deps);
      expect(q).toMatchObject({ file: `${kind}.csv`, line_no: 2, reason_code: 'bad_value', raw_line: row });
      expect(q.reason.startsWith(`${column} "`)).toBe(true);
      expect(q.reason).toMatch(/must be|is not a member id/);
    });
  }

  it('values in any case and with stray spaces are accepted and normalized in silver', async () => {
    const deps = makeDeps();
    const dir = tempDir();
    await importCsvFile(deps.store, 'digital', writeCsv(dir, 'd.csv', DIGITAL_HEADER, [' e1 , m000001 , s1 , 2026-11-20T09:00:00-05:00 , APP , Mobile , Billing , pay , ERROR , Oops ']));
    runPipeline(deps.store, deps.config);
    expect(deps.store.sqlite.prepare('SELECT * FROM digital_journeys_cleaned').get()).toEqual({
      event_id: 'e1', member_id: 'M-000001', session_id: 's1', ts: Date.parse('2026-11-20T14:00:00Z'), local_date: '2026-11-20',
      channel: 'app', device: 'mobile', journey: 'billing', step: 'pay', outcome: 'error', error_message: 'Oops', raw_id: 1,
    });
  });
});

describe('column order, extra and optional columns', () => {
  it('reads columns by header name in any order and case, ignoring extra columns; absent optional columns are empty', async () => {
    const deps = makeDeps();
    const dir = tempDir();
    await importCsvFile(deps.store, 'members', writeCsv(dir, 'm.csv', 'Language,EXTRA,enrolled_on,plan,member_id', ['es,zzz,2026-01-01,medicaid,104382']));
    runPipeline(deps.store, deps.config);
    expect(deps.store.sqlite.prepare('SELECT member_id, plan, enrolled_on, language, birth_year, state FROM member_profiles').get()).toEqual({
      member_id: 'M-104382', plan: 'Medicaid', enrolled_on: '2026-01-01', language: 'es', birth_year: null, state: null,
    });
  });
});

describe('member ids: normalized everywhere, original forms kept', () => {
  it('M-104382, m104382, M104382, 104382 and " M-104382 " are one member; bronze keeps each form as it arrived', async () => {
    const deps = makeDeps();
    const dir = tempDir();
    const forms = ['M-104382', 'm104382', 'M104382', '104382', ' M-104382 '];
    await importCsvFile(deps.store, 'members', writeCsv(dir, 'm.csv', MEMBER_HEADER, ['m104382,MAPD,2026-01-01,en,,']));
    await importCsvFile(deps.store, 'digital', writeCsv(dir, 'd.csv', DIGITAL_HEADER, forms.map((f, i) => `e${i},${f},s${i},2026-11-20T14:0${i}:00Z,app,mobile,billing,pay,error,`)));
    await importCsvFile(deps.store, 'calls', writeCsv(dir, 'c.csv', CALL_HEADER, [`c1,"${forms[4]}",2026-11-20T14:20:00Z,2026-11-20T14:25:00Z,voice,,,resolved,,,,`]));
    runPipeline(deps.store, deps.config);
    expect(deps.store.sqlite.prepare('SELECT member_id FROM digital_journeys_raw ORDER BY raw_id').pluck().all()).toEqual(forms);
    expect(deps.store.sqlite.prepare('SELECT DISTINCT member_id FROM digital_journeys_cleaned').pluck().all()).toEqual(['M-104382']);
    expect(deps.store.sqlite.prepare('SELECT source_id, member_id FROM member_source_ids ORDER BY source_id').all()).toEqual(
      ['104382', 'M-104382', 'M104382', 'm104382'].map((source_id) => ({ source_id, member_id: 'M-104382' })),
    );
    expect(deps.store.sqlite.prepare('SELECT member_id, failure_event_id, segment FROM digital_call_leakage').all()).toEqual([
      { member_id: 'M-104382', failure_event_id: 'e4', segment: 'MAPD New' },
    ]);
  });
});

describe('refused files: one clear message, exit code 1 at the CLI, nothing of the file loaded', () => {
  const refuse = async (file: string, kind: 'members' | 'digital' | 'calls' = 'calls') => {
    const deps = makeDeps();
    const err = await importCsvFile(deps.store, kind, file).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(LeakError);
    expect((err as LeakError).code).toBe('bad_file');
    for (const t of ['import_batches', 'quarantine', 'call_logs_raw', 'digital_journeys_raw', 'member_profiles_raw']) expect(rowCount(deps.store, t)).toBe(0);
    return (err as LeakError).message;
  };
  const dir = tempDir();

  it('a missing required column', async () => {
    const file = writeCsv(dir, 'calls.csv', CALL_HEADER.replace('started_at,', '').replace('disposition,', ''), ['c1,M-1,2026-11-20T14:05:00Z,voice,r,A1,,,,']);
    expect(await refuse(file)).toBe(
      'calls.csv is not a calls.csv file: missing columns started_at, disposition (needs call_id, member_id, started_at, ended_at, interaction, disposition). Nothing was loaded.',
    );
  });

  it('a members file given as digital events', async () => {
    expect(await refuse(writeCsv(dir, 'members.csv', MEMBER_HEADER, [GOOD_MEMBER]), 'digital')).toMatch(/^members\.csv is not a digital_events\.csv file: missing columns event_id, session_id, ts/);
  });

  it('an empty file', async () => {
    const file = path.join(dir, 'empty.csv');
    fs.writeFileSync(file, '');
    expect(await refuse(file)).toMatch(/^empty\.csv is empty: a calls file needs a header row with call_id, member_id/);
  });

  it('a binary file', async () => {
    const file = path.join(dir, 'logo.png');
    fs.writeFileSync(file, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    expect(await refuse(file)).toBe('logo.png is not a CSV text file (it contains binary data). Nothing was loaded.');
  });

  it('a file that is not UTF-8', async () => {
    const file = path.join(dir, 'latin1.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from(`${MEMBER_HEADER}\nM-000001,MAPD,2026-01-01,es,,PR,Jos`), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect(await refuse(file, 'members')).toBe('latin1.csv is not UTF-8 text: save it as UTF-8 CSV and import again. Nothing was loaded.');
  });

  it('a UTF-16 file (as some spreadsheet exports write)', async () => {
    const file = path.join(dir, 'utf16.csv');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${CALL_HEADER}\n${GOOD_CALL}\n`, 'utf16le')]));
    expect(await refuse(file)).toBe('utf16.csv is UTF-16 text: save it as UTF-8 CSV and import again. Nothing was loaded.');
  });

  it('a path that does not exist', async () => {
    expect(await refuse(path.join(dir, 'nope.csv'))).toBe(`No such file: ${path.join(dir, 'nope.csv')}`);
    // A relative path says where it was looked for: `npm run` runs in the project folder, not where the person typed.
    expect(await refuse('nope.csv')).toBe(`No such file: nope.csv (looked for ${path.resolve('nope.csv')}: a relative path starts from the folder Leak runs in; give the full path).`);
  });

  it('a header that cannot be split', async () => {
    const file = path.join(dir, 'hdr.csv');
    fs.writeFileSync(file, `"call_id,member_id\n${GOOD_CALL}\n`);
    expect(await refuse(file)).toMatch(/^hdr\.csv: the header row cannot be read/);
  });
});

describe('the batch', () => {
  it('records file, hash, counts and the raw id range; a header-only file loads nothing and is fine', async () => {
    const deps = makeDeps();
    const dir = tempDir();
    await importCsvFile(deps.store, 'digital', writeCsv(dir, 'd.csv', DIGITAL_HEADER, [GOOD_EVENT, 'bad']));
    const r = await importCsvFile(deps.store, 'calls', writeCsv(dir, 'c.csv', CALL_HEADER, []));
    expect(r).toMatchObject({ loaded: 0, quarantined: 0 });
    const batches = deps.store.sqlite.prepare('SELECT kind, file, rows_loaded, rows_quarantined, first_raw_id, last_raw_id, length(sha256) AS h FROM import_batches ORDER BY batch_id').all();
    expect(batches).toEqual([
      { kind: 'digital', file: 'd.csv', rows_loaded: 1, rows_quarantined: 1, first_raw_id: 1, last_raw_id: 1, h: 64 },
      { kind: 'calls', file: 'c.csv', rows_loaded: 0, rows_quarantined: 0, first_raw_id: 1, last_raw_id: 0, h: 64 },
    ]);
    expect(runPipeline(deps.store, deps.config).batches).toBe(2);
  });
});
