import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../commands/invocation.ts';
import simulateCommand, { type SimulateResult } from '../../commands/simulate.ts';
import { importCsvFile } from '../../src/ingest/import-csv.ts';
import { addDays } from '../../src/time.ts';
import { makeDeps } from '../helpers/store.ts';
import { MEMBER_HEADER, tempDir, writeCsv } from '../helpers/csv.ts';
import { ANCHOR, END } from '../helpers/simulated.ts';

type Deps = ReturnType<typeof makeDeps>;

async function simulate(deps: Deps, argv: string[]): Promise<SimulateResult> {
  const inv = parseCommandArgs(simulateCommand, [...argv], deps);
  return (await inv.cmd.run(inv.args, deps)) as SimulateResult;
}

const refusal = (deps: Deps, argv: string[]) => {
  try {
    parseCommandArgs(simulateCommand, [...argv], deps);
  } catch (e) {
    return (e as Error).message;
  }
  return 'accepted';
};

describe('simulate command', () => {
  it('backfills through bronze and the pipeline and sums up rows per table, time and rate', async () => {
    const deps = makeDeps({ now: END });
    const r = await simulate(deps, ['--days', '2', '--scale', '0.002', '--seed', '4']);
    expect(r.backfill!.rows.members).toBe(10_000);
    expect(r.backfill!.rows.digital).toBeGreaterThan(1000);
    expect(r.backfill!.to).toBe(new Date(END).toISOString());
    const bronze = deps.store.sqlite.prepare("SELECT sum(rows_loaded) FROM import_batches WHERE source = 'simulator'").pluck().get();
    expect(bronze).toBe(r.backfill!.rows.members + r.backfill!.rows.digital + r.backfill!.rows.calls);
    expect(deps.store.sqlite.prepare('SELECT count(*) FROM digital_call_leakage').pluck().get()).toBeGreaterThan(0);
    const text = simulateCommand.renderText(r);
    expect(text).toMatch(/members\s+10,000/);
    expect(text).toMatch(/rows\/s end to end/);
  });

  it('a second run continues the same world from where it ended, without duplicates', async () => {
    const deps = makeDeps({ now: END });
    await simulate(deps, ['--days', '1', '--scale', '0.002', '--end', '2026-11-24T12:00:00Z']);
    const r = await simulate(deps, ['--days', '1', '--scale', '0.5', '--end', '2026-11-24T17:00:00Z']);
    expect(r.backfill!.from).toBe('2026-11-24T12:00:00.000Z');
    expect(r.backfill!.rows.members).toBe(0);
    expect(r.backfill!.notes.join(' ')).toMatch(/Continuing the store's simulated world \(seed 42, scale 0\.002\)/);
    const dupes = deps.store.sqlite.prepare('SELECT count(*) - count(DISTINCT event_id) FROM digital_journeys_raw').pluck().get();
    expect(dupes).toBe(0);
  });

  it('refuses bad options in one line that names what is valid', () => {
    const deps = makeDeps({ now: END });
    expect(refusal(deps, ['--fix', 'billing:2026-13-01:10'])).toBe('--fix "billing:2026-13-01:10": its date 2026-13-01 does not exist: there is no month 13.');
    expect(refusal(deps, ['--fix', 'billing:11/10:10'])).toMatch(/^--fix must be JOURNEY:YYYY-MM-DD:PCT, e\.g\. billing:2026-11-10:15 .*got "billing:11\/10:10"\.$/);
    expect(refusal(deps, ['--fix', 'shoes:2026-11-01:10'])).toMatch(/journeys: billing, id_card/);
    expect(refusal(deps, ['--speed', '60'])).toBe('--speed applies to --live only.');
    expect(refusal(deps, ['--scale', '2'])).toMatch(/--scale must be a number from 0.0001 to 1/);
    expect(refusal(deps, ['--end', 'yesterday'])).toMatch(/^--end must be an ISO 8601 time/);
    expect(refusal(deps, ['--days', '2.5'])).toBe('--days must be a whole number from 0 to 400 (got "2.5").');
  });

  it('stays off when LEAK_SIMULATE=off or when the store holds imported data', async () => {
    const off = makeDeps({ now: END, env: { LEAK_SIMULATE: 'off' } });
    await expect(simulate(off, ['--days', '1', '--scale', '0.002'])).rejects.toThrow('The simulator is off (LEAK_SIMULATE=off).');
    const real = makeDeps({ now: END });
    await importCsvFile(real.store, 'members', writeCsv(tempDir(), 'members.csv', MEMBER_HEADER, ['M-000001,MAPD,2026-06-01,en,1955,FL']));
    await expect(simulate(real, ['--days', '1', '--scale', '0.002'])).rejects.toThrow(/this store holds imported data/);
  });

  it('--fix lowers the measured leak of that journey from the ship date on, and nothing before it', async () => {
    const ship = addDays(ANCHOR, -4);
    const base = makeDeps({ now: END });
    const fixed = makeDeps({ now: END });
    await simulate(base, ['--days', '8', '--scale', '0.004', '--seed', '3']);
    await simulate(fixed, ['--days', '8', '--scale', '0.004', '--seed', '3', '--fix', `billing:${ship}:40`]);
    const leaks = (deps: Deps, journey: string, after: boolean) =>
      deps.store.sqlite
        .prepare(`SELECT coalesce(sum(calls), 0) FROM daily_leakage_summary WHERE journey = ? AND date ${after ? '>=' : '<'} ? AND date < ?`)
        .pluck()
        .get(journey, ship, ANCHOR) as number;
    expect(leaks(fixed, 'billing', false)).toBe(leaks(base, 'billing', false));
    const ratio = leaks(fixed, 'billing', true) / leaks(base, 'billing', true);
    expect(ratio).toBeGreaterThan(0.53);
    expect(ratio).toBeLessThan(0.67);
    // Other journeys are untouched by a billing fix.
    expect(leaks(fixed, 'pharmacy', true)).toBe(leaks(base, 'pharmacy', true));
  });
});
