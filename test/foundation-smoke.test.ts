import { describe, expect, it } from 'vitest';
import { importCsvFile } from '../src/ingest/import-csv.ts';
import { runPipeline } from '../src/pipeline/run-pipeline.ts';
import { queryToday } from '../src/leakage/today.ts';
import { makeDeps } from './helpers/store.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from './helpers/csv.ts';

describe('foundation smoke', () => {
  it('imports CSVs and answers today from gold', async () => {
    const deps = makeDeps();
    const dir = tempDir();
    await importCsvFile(deps.store, 'members', writeCsv(dir, 'm.csv', MEMBER_HEADER, ['M-000001,MAPD,2026-06-01,en,1955,FL']));
    await importCsvFile(
      deps.store,
      'digital',
      writeCsv(dir, 'd.csv', DIGITAL_HEADER, ['e1,M-000001,s1,2026-11-20T14:00:00Z,app,mobile,billing,pay,error,Not eligible']),
    );
    await importCsvFile(
      deps.store,
      'calls',
      writeCsv(dir, 'c.csv', CALL_HEADER, ['c1,m000001,2026-11-20T14:30:00Z,2026-11-20T14:40:00Z,voice,billing,A1,resolved,0,-0.5,,']),
    );
    runPipeline(deps.store, deps.config);
    const r = queryToday(deps, '2026-11-20');
    expect(r.journeys).toEqual([{ journey: 'billing', calls: 1, cost: 8, top_segment: 'MAPD New', trend_pct: null, weekday_pct: null, prior_mean: null, weekday_mean: null }]);
    expect(r.total).toMatchObject({ calls: 1, cost: 8 });
  });
});
