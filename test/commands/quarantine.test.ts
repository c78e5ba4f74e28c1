import { describe, expect, it } from 'vitest';
import { makeDeps } from '../helpers/store.ts';
import { CALL_HEADER, DIGITAL_HEADER, tempDir, writeCsv } from '../helpers/csv.ts';
import { importCsvFile } from '../../src/ingest/import-csv.ts';
import quarantineCommand, { renderQuarantine } from '../../commands/quarantine.ts';
import { queryQuarantine } from '../../src/import-batches/quarantine.ts';
import { parseCommandArgs } from '../../commands/invocation.ts';
import { LeakError } from '../../src/errors.ts';

const LONG = `c9,M-000001,2026-11-20T14:00:00Z,2026-11-20T14:05:00Z,voice,r,A1,resolved,,,${'x'.repeat(150)},`;

async function seeded() {
  const deps = makeDeps();
  const dir = tempDir();
  await importCsvFile(deps.store, 'digital', writeCsv(dir, 'digital.csv', DIGITAL_HEADER, ['e1,M-000001,s1,2026-11-20T14:00:00Z,kiosk,mobile,billing,pay,error,']));
  await importCsvFile(deps.store, 'calls', writeCsv(dir, 'calls.csv', CALL_HEADER, [
    'c1,M-000001,2026-11-20T14:00:00Z,2026-11-20T13:00:00Z,voice,r,A1,resolved,,,,',
    'c2,short',
    LONG.replace('x'.repeat(150), `"${'x'.repeat(150)}"`).replace('resolved', 'dropped'),
  ]));
  return deps;
}

describe('quarantine command', () => {
  it('lists every quarantined row, newest import first, with batch, file, line, reason and raw line', async () => {
    const deps = await seeded();
    const r = queryQuarantine(deps, { limit: 50 });
    expect(r).toMatchObject({ file: null, total: 4, shown: 4, by_reason: { bad_time_order: 1, bad_value: 2, field_count: 1 } });
    expect(r.rows.map((q) => [q.batch_id, q.file, q.line, q.reason_code])).toEqual([
      [2, 'calls.csv', 2, 'bad_time_order'],
      [2, 'calls.csv', 3, 'field_count'],
      [2, 'calls.csv', 4, 'bad_value'],
      [1, 'digital.csv', 2, 'bad_value'],
    ]);
    expect(r.rows[3]).toEqual({
      batch_id: 1, file: 'digital.csv', line: 2, reason_code: 'bad_value',
      reason: 'channel "kiosk" must be one of app, web', raw_line: 'e1,M-000001,s1,2026-11-20T14:00:00Z,kiosk,mobile,billing,pay,error,',
    });
  });

  it('--file and --limit narrow the list; text says how many are not shown and truncates long raw lines', async () => {
    const deps = await seeded();
    const r = queryQuarantine(deps, { file: 'calls.csv', limit: 2 });
    expect(r).toMatchObject({ file: 'calls.csv', total: 3, shown: 2 });
    expect(renderQuarantine(r)).toBe([
      '3 quarantined rows in calls.csv (bad_time_order 1, bad_value 1, field_count 1), newest import first. Showing the first 2 (use --limit N for more).',
      '',
      'batch 2  calls.csv line 2  bad_time_order: ended_at is before started_at',
      '  c1,M-000001,2026-11-20T14:00:00Z,2026-11-20T13:00:00Z,voice,r,A1,resolved,,,,',
      '',
      'batch 2  calls.csv line 3  field_count: row has 2 fields, the header has 12',
      '  c2,short',
    ].join('\n'));
    const long = renderQuarantine(queryQuarantine(deps, { file: 'calls.csv', limit: 3 })).split('\n').at(-1)!;
    expect(long.length).toBe(2 + 100);
    expect(long.endsWith('…')).toBe(true);
  });

  it('an unknown --file names the imported files; no rows says so', async () => {
    const deps = await seeded();
    expect(() => queryQuarantine(deps, { file: 'nope.csv', limit: 5 })).toThrow('No import of a file named "nope.csv". Imported files: calls.csv, digital.csv.');
    expect(renderQuarantine(queryQuarantine(makeDeps(), { limit: 5 }))).toBe('No quarantined rows.');
  });

  it('parses --file, --limit and --json; refuses a bad --limit', async () => {
    const deps = makeDeps();
    expect(parseCommandArgs(quarantineCommand, ['--file', 'calls.csv', '--limit', '3', '--json'], deps)).toMatchObject({ cmd: quarantineCommand, args: { file: 'calls.csv', limit: 3 }, json: true });
    expect(parseCommandArgs(quarantineCommand, [], deps).args).toEqual({ file: undefined, limit: 50 });
    for (const bad of ['0', '2.5', 'ten', '-1']) {
      const err = (() => { try { parseCommandArgs(quarantineCommand, ['--limit', bad], deps); } catch (e) { return e; } })();
      expect(err).toBeInstanceOf(LeakError);
      expect((err as LeakError).code).toBe('bad_argument');
      expect((err as LeakError).message).toMatch(/^--limit must be a whole number from 1 to 100,000 \(got "/);
    }
  });
});
