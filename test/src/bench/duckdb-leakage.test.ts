import { describe, expect, it } from 'vitest';
import { countLeakageWithDuckDb } from '../../../src/bench/duckdb-leakage.ts';
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { makeDeps } from '../../helpers/store.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';

// The benchmark's second opinion must agree with the pipeline on the rule's hard cases.
describe('DuckDB leakage peer', () => {
  it('gives the same counts per day and journey as the pipeline', async () => {
    const dir = tempDir();
    writeCsv(dir, 'members.csv', MEMBER_HEADER, ['M-000001,MAPD,2026-06-01,en,1955,FL', 'M-000002,ACA,2020-01-01,es,,']);
    writeCsv(dir, 'digital_events.csv', DIGITAL_HEADER, [
      // member 1: failure in s1 then completed; an earlier failure in s0 is still live -> pharmacy
      'e0,M-000001,s0,2026-11-20T14:00:00Z,app,mobile,pharmacy,refill,error,Refill failed',
      'e1,M-000001,s1,2026-11-20T14:05:00Z,app,mobile,billing,pay,error,Not eligible',
      'e2,M-000001,s1,2026-11-20T14:06:00Z,app,mobile,billing,pay,complete,',
      // member 2: exactly 30:00 before a call (leaked), and a call 30:00.001 after (not)
      'e3,2,s2,2026-11-21T04:30:00Z,web,desktop,id_card,download,abandon,',
      'e4,m000002,s3,2026-11-22T10:00:00Z,web,desktop,billing,pay,error,',
      // seven-digit ids: neighbours stay apart (no leak for M-3678713), leading zeros fold (a leak for M-3678714)
      'e5,M-3678712,s5,2026-11-22T12:00:00Z,app,mobile,billing,pay,error,',
      'e6,m3678714,s6,2026-11-22T12:00:00Z,app,mobile,claims,submit,error,',
    ]);
    writeCsv(dir, 'calls.csv', CALL_HEADER, [
      'c1,M-000001,2026-11-20T14:10:00Z,2026-11-20T14:20:00Z,voice,r,A1,resolved,0,0,,',
      'c2,M000002,2026-11-21T05:00:00Z,2026-11-21T05:10:00Z,voice,r,A1,resolved,0,0,,',
      'c3,M-000002,2026-11-22T10:30:00.001Z,2026-11-22T10:40:00Z,voice,r,A1,resolved,0,0,,',
      'c4,M-000001,2026-11-20T13:59:00Z,2026-11-20T14:00:00Z,voice,r,A1,resolved,0,0,,',
      'c5,M-3678713,2026-11-22T12:10:00Z,2026-11-22T12:20:00Z,voice,r,A1,resolved,0,0,,',
      'c6,M-03678714,2026-11-22T12:10:00Z,2026-11-22T12:20:00Z,voice,r,A1,resolved,0,0,,',
    ]);
    const deps = makeDeps();
    for (const [kind, file] of [['members', 'members.csv'], ['digital', 'digital_events.csv'], ['calls', 'calls.csv']] as const) {
      await importCsvFile(deps.store, kind, `${dir}/${file}`);
    }
    runPipeline(deps.store, deps.config);
    const ours = deps.store.sqlite
      .prepare('SELECT date, journey, sum(calls) AS calls FROM segment_drilldown GROUP BY date, journey ORDER BY date, journey')
      .all();
    const duck = await countLeakageWithDuckDb(dir, { timeZone: 'America/New_York', windowMinutes: 30 });
    expect(ours).toEqual([
      { date: '2026-11-20', journey: 'pharmacy', calls: 1 },
      { date: '2026-11-21', journey: 'id_card', calls: 1 },
      { date: '2026-11-22', journey: 'claims', calls: 1 },
    ]);
    expect(duck.counts).toEqual(ours);
  });
});
