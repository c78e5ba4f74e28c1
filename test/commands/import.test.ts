import { describe, expect, it } from 'vitest';
import { makeDeps } from '../helpers/store.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from '../helpers/csv.ts';
import importCommand from '../../commands/import.ts';
import { LeakError } from '../../src/errors.ts';
import { simulatedStore } from '../helpers/simulated.ts';

describe('import command', () => {
  it('loads the files, runs the pipeline, and summarizes each file with reasons grouped', async () => {
    const deps = makeDeps();
    const dir = tempDir();
    const files = [
      { kind: 'members' as const, file: writeCsv(dir, 'members.csv', MEMBER_HEADER, ['M-000001,MAPD,2026-06-01,en,1955,FL']) },
      { kind: 'digital' as const, file: writeCsv(dir, 'digital_events.csv', DIGITAL_HEADER, ['e1,M-000001,s1,2026-11-20T14:00:00Z,app,mobile,billing,pay,error,', 'e2,x']) },
      { kind: 'calls' as const, file: writeCsv(dir, 'calls.csv', CALL_HEADER, ['c1,m1,2026-11-20T14:30:00Z,2026-11-20T14:40:00Z,voice,,,resolved,,,,']) },
    ];
    const r = await importCommand.run({ files }, deps);
    expect(r.pipeline).toMatchObject({ batches: 3, changedDays: ['2026-11-20'], full: false });
    const text = importCommand.renderText(r).split('\n');
    expect(text[0]).toBe(`${files[0].file}: 1 loaded, 0 quarantined`);
    expect(text[1]).toBe(`${files[1].file}: 1 loaded, 1 quarantined (field_count 1)`);
    expect(text[2]).toBe(`${files[2].file}: 1 loaded, 0 quarantined`);
    expect(text.at(-1)).toBe('See quarantined rows with: leak quarantine');
    expect(deps.store.sqlite.prepare('SELECT calls, cost FROM segment_drilldown').all()).toEqual([{ calls: 1, cost: 8 }]);
  });

  it('the summary counts the empty lines it skipped', async () => {
    const deps = makeDeps();
    const rows = ['M-000001,MAPD,2026-06-01,en,1955,FL', '', 'M-000002,ACA,2026-06-01,en,,', 'M-000003,Gold,2026-06-01,en,,', '', 'M-000004,ACA,2026-06-01,es,,'];
    const file = writeCsv(tempDir(), 'members.csv', MEMBER_HEADER, rows);
    const r = await importCommand.run({ files: [{ kind: 'members', file }] }, deps);
    expect(importCommand.renderText(r).split('\n')[0]).toBe(`${file}: 3 loaded, 1 quarantined (bad_value 1), 2 empty lines skipped`);
  });

  it('one refused file refuses the whole command: nothing of any file is loaded', async () => {
    const deps = makeDeps();
    const dir = tempDir();
    const files = [
      { kind: 'members' as const, file: writeCsv(dir, 'members.csv', MEMBER_HEADER, ['M-000001,MAPD,2026-06-01,en,1955,FL']) },
      { kind: 'calls' as const, file: writeCsv(dir, 'calls.csv', 'call_id,member_id', ['c1,M-000001']) },
    ];
    const err = await Promise.resolve(importCommand.run({ files }, deps)).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(LeakError);
    expect((err as LeakError).message).toMatch(/^calls\.csv is not a calls\.csv file: missing columns started_at, ended_at, interaction, disposition/);
    for (const t of ['import_batches', 'member_profiles_raw', 'member_profiles']) expect(deps.store.sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0);
  });

  it('refuses to mix real data into a simulated store, loading nothing', async () => {
    const { deps } = simulatedStore({ days: 1 });
    const before = deps.store.sqlite.prepare('SELECT count(*) AS n FROM call_logs_raw').get();
    const dir = tempDir();
    const file = writeCsv(dir, 'calls.csv', CALL_HEADER, ['c1,m1,2026-11-20T14:30:00Z,2026-11-20T14:40:00Z,voice,,,resolved,,,,']);
    const run = importCommand.run({ files: [{ kind: 'calls', file }] }, deps);
    await expect(run).rejects.toThrow(LeakError);
    await expect(run).rejects.toThrow(/holds simulated data.*LEAK_DB=/);
    expect(deps.store.sqlite.prepare('SELECT count(*) AS n FROM call_logs_raw').get()).toEqual(before);
  });
});
