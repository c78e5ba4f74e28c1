import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { BronzeWriter } from '../../../src/ingest/bronze-writer.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';

const event = (i: number, outcome = 'error') => [`e${i}`, ` m${i} `, `s${i}`, '2026-11-20T14:00:00Z', 'app', 'mobile', 'billing', 'pay', outcome, ''];

describe('BronzeWriter: the one gate into bronze', () => {
  it('loads 450 rows (two full 200-row chunks and a remainder) as one contiguous raw_id range, values as they arrived', () => {
    const deps = makeDeps();
    const w = new BronzeWriter(deps.store, { source: 'simulator', kind: 'digital', file: 'sim' });
    w.open();
    for (let i = 1; i <= 450; i++) w.add(i, event(i));
    const r = w.commit();
    expect(r).toMatchObject({ loaded: 450, quarantined: 0 });
    const sqlite = deps.store.sqlite;
    expect(sqlite.prepare('SELECT count(*) AS n, min(raw_id) AS a, max(raw_id) AS b FROM digital_journeys_raw').get()).toEqual({ n: 450, a: 1, b: 450 });
    expect(sqlite.prepare('SELECT first_raw_id, last_raw_id, source FROM import_batches').get()).toEqual({ first_raw_id: 1, last_raw_id: 450, source: 'simulator' });
    expect(sqlite.prepare('SELECT line_no, member_id FROM digital_journeys_raw WHERE raw_id = 450').get()).toEqual({ line_no: 450, member_id: ' m450 ' });
    runPipeline(deps.store, deps.config);
    expect(sqlite.prepare('SELECT count(*) FROM digital_journeys_cleaned').pluck().get()).toBe(450);
  });

  it('checks simulator rows against the same contract: a bad row goes to quarantine with its reason', () => {
    const deps = makeDeps();
    const w = new BronzeWriter(deps.store, { source: 'simulator', kind: 'digital', file: 'sim' });
    w.open();
    w.add(1, event(1, 'exploded'));
    w.add(2, event(2));
    const r = w.commit();
    expect(r).toMatchObject({ loaded: 1, quarantined: 1 });
    expect(Object.fromEntries(r.reasons)).toEqual({ bad_value: 1 });
    expect(deps.store.sqlite.prepare('SELECT line_no, raw_line, reason FROM quarantine').get()).toEqual({
      line_no: 1,
      raw_line: 'e1, m1 ,s1,2026-11-20T14:00:00Z,app,mobile,billing,pay,exploded,',
      reason: 'outcome "exploded" must be one of ok, error, abandon, complete',
    });
  });

  it('a batch lands whole or not at all: abort leaves no rows, no quarantine and no batch', () => {
    const deps = makeDeps();
    const w = new BronzeWriter(deps.store, { source: 'csv', kind: 'digital', file: 'x.csv' });
    w.open();
    for (let i = 1; i <= 250; i++) w.add(i, event(i));
    w.add(251, event(251, 'nope'));
    w.abort();
    for (const t of ['digital_journeys_raw', 'quarantine', 'import_batches']) expect(deps.store.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
  });

  it('inside a transaction the caller holds, batches land with the caller: a committed one and an aborted one, then the caller rolls back', () => {
    const deps = makeDeps();
    const { sqlite } = deps.store;
    const count = (t: string) => sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get();
    sqlite.exec('BEGIN IMMEDIATE');
    const kept = new BronzeWriter(deps.store, { source: 'csv', kind: 'digital', file: 'a.csv' });
    kept.open();
    kept.add(1, event(1));
    kept.commit();
    const dropped = new BronzeWriter(deps.store, { source: 'csv', kind: 'digital', file: 'b.csv' });
    dropped.open();
    dropped.add(1, event(2));
    dropped.abort();
    expect(sqlite.inTransaction).toBe(true);
    expect([count('digital_journeys_raw'), count('import_batches')]).toEqual([1, 1]);
    sqlite.exec('ROLLBACK');
    expect([count('digital_journeys_raw'), count('import_batches')]).toEqual([0, 0]);
  });

  it('refuses rows before open()', () => {
    const deps = makeDeps();
    const w = new BronzeWriter(deps.store, { source: 'csv', kind: 'digital', file: 'x.csv' });
    expect(() => w.add(1, event(1))).toThrow(/open\(\) the batch first/);
  });
});
