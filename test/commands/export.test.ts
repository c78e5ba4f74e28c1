import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../commands/invocation.ts';
import exportCommand from '../../commands/export.ts';
import { csvField, type ExportResult } from '../../src/simulator/export-csv.ts';
import { importCsvFile } from '../../src/ingest/import-csv.ts';
import { runPipeline } from '../../src/pipeline/run-pipeline.ts';
import { makeDeps } from '../helpers/store.ts';
import { tempDir } from '../helpers/csv.ts';
import { END, simulatedStore, tableRows } from '../helpers/simulated.ts';

describe('export command', () => {
  it('quotes fields the RFC 4180 way', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Session expired, please sign in again')).toBe('"Session expired, please sign in again"');
    expect(csvField('He said "no"')).toBe('"He said ""no"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField(null)).toBe('');
    expect(csvField(-0.35)).toBe('-0.35');
  });

  it('writes the three contract files, and re-importing them into a fresh store gives identical gold tables', async () => {
    const { deps } = simulatedStore({ seed: 21, scale: 0.003, days: 9 });
    // A value that needs quoting on every axis, to prove the files survive a round trip.
    deps.store.sqlite.prepare(`UPDATE call_logs_cleaned SET survey_comment = 'Bill, plan "rules"' || char(10) || 'and more' WHERE rowid = 1`).run();
    const dir = tempDir('leak-export-');
    const inv = parseCommandArgs(exportCommand, ['--out', dir], deps);
    const result = (await inv.cmd.run(inv.args, deps)) as ExportResult;
    expect(result.files.map((f) => path.basename(f.file))).toEqual(['members.csv', 'digital_events.csv', 'calls.csv']);
    expect(fs.readFileSync(path.join(dir, 'digital_events.csv'), 'utf8').split('\r\n')[0]).toBe(
      'event_id,member_id,session_id,ts,channel,device,journey,step,outcome,error_message');
    expect(exportCommand.renderText(result)).toMatch(/Re-import with: leak import --members /);

    const fresh = makeDeps({ now: END });
    for (const f of result.files) {
      const r = await importCsvFile(fresh.store, f.kind, f.file);
      expect(r.quarantined).toBe(0);
      expect(r.loaded).toBe(f.rows);
    }
    runPipeline(fresh.store, fresh.config);
    const same: [string, string, string[]][] = [
      ['member_profiles', 'member_id', ['batch_id']],
      ['digital_journeys_cleaned', 'event_id', ['raw_id']],
      ['call_logs_cleaned', 'call_id', ['raw_id']],
      ['digital_call_leakage', 'call_id', []],
      ['daily_leakage_summary', 'date, journey, segment, device, channel', []],
      ['segment_drilldown', 'date, journey, segment', []],
      ['savings_model', 'date, journey', []],
    ];
    for (const [table, order, drop] of same) {
      const original = tableRows(deps, table, order, drop);
      expect(original.length, table).toBeGreaterThan(0);
      expect(tableRows(fresh, table, order, drop), table).toEqual(original);
    }
  });

  it('asks for --out in one line', () => {
    expect(() => parseCommandArgs(exportCommand, [], makeDeps())).toThrow('Where to? Give --out DIR (it is created if missing).');
  });
});
