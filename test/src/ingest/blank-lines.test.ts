/** Every line that is not empty is loaded or quarantined with a reason; empty lines are skipped and counted. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { MEMBER_HEADER, tempDir } from '../../helpers/csv.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { LeakError } from '../../../src/errors.ts';

const write = (text: string) => {
  const file = path.join(tempDir(), 'members.csv');
  fs.writeFileSync(file, text);
  return file;
};
const quarantined = (deps: ReturnType<typeof makeDeps>) =>
  deps.store.sqlite.prepare('SELECT line_no, reason_code, reason, raw_line FROM quarantine ORDER BY id').all();

describe('lines that are only spaces or only a quote', () => {
  it('are quarantined; only empty lines are skipped, and counted', async () => {
    const deps = makeDeps();
    const text = ['', MEMBER_HEADER, 'M-000001,MAPD,2026-01-01,en,,', '', '   ', '"', 'M-000002,Gold,2026-01-01,en,,', '\t', 'M-000003,ACA,2026-01-01,es,,', '"', ''].join('\n');
    const r = await importCsvFile(deps.store, 'members', write(text));
    expect(r).toMatchObject({ loaded: 2, quarantined: 5, emptyLines: 2 });
    expect(Object.fromEntries(r.reasons)).toEqual({ field_count: 2, bad_quoting: 2, bad_value: 1 });
    expect(quarantined(deps)).toEqual([
      { line_no: 5, reason_code: 'field_count', reason: 'row has 1 field (the line holds only spaces), the header has 6', raw_line: '   ' },
      { line_no: 6, reason_code: 'bad_quoting', reason: 'cannot split into fields: a quoted field is never closed', raw_line: '"' },
      { line_no: 7, reason_code: 'bad_value', reason: 'plan "Gold" must be one of MAPD, Commercial, Medicaid, ACA', raw_line: 'M-000002,Gold,2026-01-01,en,,' },
      { line_no: 8, reason_code: 'field_count', reason: 'row has 1 field (the line holds only spaces), the header has 6', raw_line: '\t' },
      { line_no: 10, reason_code: 'bad_quoting', reason: 'cannot split into fields: a quoted field is never closed', raw_line: '"' },
    ]);
  });

  it('100,000 lone-quote lines: each one quarantined as bad_quoting on its own line, the good rows around them loaded', async () => {
    const deps = makeDeps();
    const n = 100_000;
    const text = `${MEMBER_HEADER}\nM-000001,MAPD,2026-01-01,en,,\n${'"\n'.repeat(n)}M-000002,MAPD,2026-01-01,en,,\n"`;
    const r = await importCsvFile(deps.store, 'members', write(text));
    expect(r).toMatchObject({ loaded: 2, quarantined: n + 1, emptyLines: 0 });
    expect(Object.fromEntries(r.reasons)).toEqual({ bad_quoting: n + 1 });
    const lines = deps.store.sqlite.prepare("SELECT min(line_no) AS first, max(line_no) AS last, count(DISTINCT line_no) AS n FROM quarantine WHERE raw_line = '\"'").get();
    expect(lines).toEqual({ first: 3, last: n + 4, n: n + 1 });
    expect(deps.store.sqlite.prepare('SELECT line_no FROM member_profiles_raw ORDER BY raw_id').pluck().all()).toEqual([2, n + 3]);
  });

  it('empty lines are counted before the header too, with any line ending; a header line of spaces is refused', async () => {
    const deps = makeDeps();
    const r = await importCsvFile(deps.store, 'members', write(`\r\n\n${MEMBER_HEADER}\r\n\r\nM-000001,MAPD,2026-01-01,en,,\r\n\r\n`));
    expect(r).toMatchObject({ loaded: 1, quarantined: 0, emptyLines: 4 });
    const err = await importCsvFile(makeDeps().store, 'members', write(`  \n${MEMBER_HEADER}\n`)).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(LeakError);
    expect((err as LeakError).message).toBe(
      'members.csv: line 1 holds only spaces where the header row should be (member_id, plan, enrolled_on, language). Nothing was loaded.',
    );
  });
});
