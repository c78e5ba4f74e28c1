import { beforeAll, describe, expect, it } from 'vitest';
import { makeDeps } from '../helpers/store.ts';
import { loadMembersFixture } from '../helpers/fixture-members.ts';
import cubeCommand from '../../commands/cube.ts';
import { queryCube, type CubeResult } from '../../src/leakage/cube.ts';
import { parseCommandArgs } from '../../commands/invocation.ts';

// Leaked calls (see fixture-members.ts): 11-19 c-r1; 11-20 c-r3, c-t1, c-t2, c-m1.
const deps = makeDeps({ now: '2026-11-20T22:00:00Z' });
beforeAll(() => loadMembersFixture(deps));

const cube = (...argv: string[]) => {
  const inv = parseCommandArgs(cubeCommand, [...argv], deps);
  return inv.cmd.run(inv.args, deps) as CubeResult;
};
const values = (r: CubeResult) => r.rows.map(({ calls: _calls, ...rest }) => rest);

describe('cube', () => {
  it('calls by journey on --date (default: today in LEAK_TZ)', () => {
    const r = cube('--measure', 'calls', '--by', 'journey');
    expect(r).toMatchObject({ from: '2026-11-20', to: '2026-11-20', source: 'gold', total: { value: 4, calls: 4 } });
    expect(values(r)).toEqual([{ journey: 'billing', value: 2 }, { journey: 'id_card', value: 1 }, { journey: 'pharmacy', value: 1 }]);
  });

  it('cost by segment over --from/--to, at LEAK_COST_PER_CALL', () => {
    const r = cube('--measure', 'cost', '--by', 'segment', '--from', '2026-11-19', '--to', '2026-11-20');
    expect(values(r)).toEqual([{ segment: 'Commercial', value: 16 }, { segment: 'MAPD New', value: 16 }, { segment: 'Medicaid', value: 8 }]);
    expect(r.total).toEqual({ value: 40, calls: 5 });
  });

  it("repeat %: unknown (not 0) where a call's 7-day look-back reaches before the store's first call, here all of it, and said so", () => {
    const r = cube('--measure', 'repeat_pct', '--by', 'journey', '--from', '2026-11-19', '--to', '2026-11-20');
    expect(values(r)).toEqual([{ journey: 'billing', value: null }, { journey: 'id_card', value: null }, { journey: 'pharmacy', value: null }]);
    expect(r.total.value).toBeNull();
    expect(cubeCommand.renderText(r)).toContain("Repeat rates count calls from 2026-11-26 on (earlier, the 7-day look-back reaches before the first call in the store, 2026-11-19); n/a where none of a row's calls are from then on.");
  });

  it('average end sentiment by interaction, from silver: voice (−0.1 + 0.4 − 0.8) / 3', () => {
    const r = cube('--measure', 'avg_sentiment', '--by', 'interaction');
    expect(r.source).toBe('silver');
    expect(values(r)).toEqual([{ interaction: 'voice', value: -0.17 }, { interaction: 'video', value: -0.5 }]);
    expect(r.total.value).toBe(-0.25);
  });

  it('handle time (average seconds) by journey and device', () => {
    const r = cube('--measure', 'handle_time', '--by', 'journey,device');
    expect(values(r)).toEqual([
      { journey: 'pharmacy', device: 'tablet', value: 3300 },
      { journey: 'billing', device: 'desktop', value: 3100 },
      { journey: 'id_card', device: 'desktop', value: 1200 },
      { journey: 'billing', device: 'mobile', value: 600 },
    ]);
    expect(r.total.value).toBe(2050);
  });

  it('--where (case-insensitive, repeatable: the same dimension twice means either) and by date in date order', () => {
    const r = cube('--by', 'date', '--where', 'journey=Billing', '--from', '2026-11-19', '--to', '2026-11-20');
    expect(values(r)).toEqual([{ date: '2026-11-19', value: 1 }, { date: '2026-11-20', value: 2 }]);
    const either = cube('--by', 'segment', '--where', 'device=mobile', '--where', 'device=tablet', '--where', 'age_group=35-49');
    expect(values(either)).toEqual([{ segment: 'Commercial', value: 1 }]); // c-t1: mobile, 35-49
    expect(cube('--by', 'plan', '--where', 'error_message=card declined', '--from', '2026-11-19').rows.map((x) => [x.plan, x.value])).toEqual([['Commercial', 1], ['MAPD', 1]]);
  });

  it('gold and silver agree on every measure (gold when every dimension is in its grain)', () => {
    for (const measure of ['calls', 'cost', 'repeat_pct', 'avg_sentiment', 'handle_time']) {
      const viaGold = queryCube(deps, { measure: measure as never, by: ['journey', 'segment'], where: {}, from: '2026-11-19', to: '2026-11-20' });
      const viaSilver = queryCube(deps, { measure: measure as never, by: ['journey', 'segment'], where: { interaction: ['voice', 'video'] }, from: '2026-11-19', to: '2026-11-20' });
      expect([viaGold.source, viaSilver.source]).toEqual(['gold', 'silver']);
      expect(viaSilver.rows).toEqual(viaGold.rows);
      expect(viaSilver.total).toEqual(viaGold.total);
    }
  });

  it('user text never reaches the SQL: a quote in a --where value is just a value', () => {
    const r = cube('--by', 'journey', '--where', "journey=billing' OR 1=1 --");
    expect(r.rows).toEqual([]);
    expect(r.unmatched).toEqual([{ dimension: 'journey', value: "billing' OR 1=1 --", seen: ['billing', 'id_card', 'pharmacy'] }]);
  });

  it('an empty answer names the --where value nothing has, with the values that occur (a typo, most likely)', () => {
    const r = cube('--by', 'journey', '--where', 'journey=biling', '--where', 'device=mobile');
    expect(r.unmatched).toEqual([{ dimension: 'journey', value: 'biling', seen: ['billing', 'id_card', 'pharmacy'] }]);
    expect(cubeCommand.renderText(r)).toBe(
      'calls of leaked calls by journey, 2026-11-20 where journey=biling and device=mobile: no leaked calls. No leaked call has journey=biling; journey values: billing, id_card, pharmacy.',
    );
    // values that exist but never together: nothing to blame
    const both = cube('--where', 'journey=pharmacy', '--where', 'device=mobile');
    expect(both.unmatched).toEqual([]);
    expect(cubeCommand.renderText(both)).toBe('calls of leaked calls, 2026-11-20 where journey=pharmacy and device=mobile: no leaked calls.');
  });

  it('renders a table with a total row; measures other than calls show the calls they rest on', () => {
    expect(cubeCommand.renderText(cube('--measure', 'cost', '--by', 'segment', '--from', '2026-11-19', '--to', '2026-11-20')).split('\n')).toEqual([
      'cost of leaked calls by segment, from 2026-11-19 to 2026-11-20',
      '',
      'segment     cost  calls',
      '----------  ----  -----',
      'Commercial   $16      2',
      'MAPD New     $16      2',
      'Medicaid      $8      1',
      'total        $40      5',
    ]);
    expect(cubeCommand.renderText(cube('--by', 'error_message')).split('\n').slice(2)).toEqual([
      'error_message                 calls',
      '----------------------------  -----',
      'Card declined                     2',
      'Photo upload failed               1',
      'Prior authorization required      1',
      'total                             4',
    ]);
  });

  it('bad dimension, measure, --where or range: one line with the valid choices', () => {
    const dims = 'journey, segment, plan, language, age_group, device, channel, error_message, interaction, date';
    expect(() => cube('--by', 'journey,colour')).toThrow(`Unknown dimension "colour" in --by. Dimensions: ${dims}.`);
    expect(() => cube('--measure', 'revenue')).toThrow('Unknown measure "revenue". Measures: calls, cost, repeat_pct, avg_sentiment, handle_time.');
    expect(() => cube('--where', 'journey')).toThrow(`--where must be DIM=VALUE, e.g. --where journey=billing (got "journey"). Dimensions: ${dims}.`);
    expect(() => cube('--where', 'member_id=M-1')).toThrow(`Unknown dimension "member_id" in --where. Dimensions: ${dims}.`);
    expect(() => cube('--by', 'journey,journey')).toThrow('--by names a dimension twice (journey,journey); give each once.');
    expect(() => cube('--from', '2026-11-21', '--to', '2026-11-20')).toThrow('--from 2026-11-21 is after --to 2026-11-20; give the earlier date first.');
    expect(() => cube('--from', '2026-13-01')).toThrow('--from "2026-13-01" does not exist: there is no month 13.');
  });
});
