/** Every value has a length limit, checked before any other rule, so hostile values cost no more than normal ones. */
import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { CALL_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';
import { checkCsvFile, importCsvFile, loadCsvFile } from '../../../src/ingest/import-csv.ts';
import { slowdown } from '../../helpers/slowdown.ts';

const call = (o: { id?: string; member?: string; comment?: string; transcript?: string } = {}) =>
  [o.id ?? 'c1', o.member ?? 'M-000001', '2026-11-20T14:00:00Z', '2026-11-20T14:05:00Z', 'voice', '', '', 'resolved', '', '', o.comment ?? '', o.transcript ?? ''].join(',');

describe('field length limits', () => {
  it('a value at its limit loads; one character more is bad_value naming the column, the length and the limit', async () => {
    const deps = makeDeps();
    const rows = [
      call({ id: 'a', member: `${' '.repeat(56)}M-000001` }), // 64 characters, spaces included
      call({ id: 'b', member: `${' '.repeat(57)}M-000001` }),
      call({ id: 'c'.repeat(64), transcript: 't'.repeat(200_000) }),
      call({ id: 'd', transcript: 't'.repeat(200_001) }),
      call({ id: 'e'.repeat(65) }),
      call({ id: 'f', comment: 's'.repeat(10_001) }),
    ];
    const r = await importCsvFile(deps.store, 'calls', writeCsv(tempDir(), 'calls.csv', CALL_HEADER, rows));
    expect(r).toMatchObject({ loaded: 2, quarantined: 4 });
    expect(deps.store.sqlite.prepare('SELECT line_no, reason_code, reason FROM quarantine ORDER BY id').all()).toEqual([
      { line_no: 3, reason_code: 'bad_value', reason: 'member_id "M-000001" is 65 characters long; the limit is 64' },
      { line_no: 5, reason_code: 'bad_value', reason: `transcript "${'t'.repeat(57)}..." is 200,001 characters long; the limit is 200,000` },
      { line_no: 6, reason_code: 'bad_value', reason: `call_id "${'e'.repeat(57)}..." is 65 characters long; the limit is 64` },
      { line_no: 7, reason_code: 'bad_value', reason: `survey_comment "${'s'.repeat(57)}..." is 10,001 characters long; the limit is 10,000` },
    ]);
  });

  it('a hostile member id (m, 8,000 spaces, x) imports in under 20× the time of a normal row of the same size', async () => {
    // Before the limit and the linear id reader, each such row cost quadratic time in the id reader.
    const dir = tempDir();
    const N = 8_000;
    const rows = 40;
    const hostile = writeCsv(dir, 'hostile.csv', CALL_HEADER, Array.from({ length: rows }, (_, i) => call({ id: `h${i}`, member: `m${' '.repeat(N)}x` })));
    const normal = writeCsv(dir, 'normal.csv', CALL_HEADER, Array.from({ length: rows }, (_, i) => call({ id: `n${i}`, comment: 'a'.repeat(N + 2) })));
    const load = (file: string) => async () => {
      const deps = makeDeps();
      const csv = await checkCsvFile('calls', file);
      return () => void loadCsvFile(deps.store, csv);
    };
    expect(await slowdown(load(normal), load(hostile))).toBeLessThan(20);
    const deps = makeDeps();
    expect(await importCsvFile(deps.store, 'calls', hostile)).toMatchObject({ loaded: 0, quarantined: rows });
  });
});
