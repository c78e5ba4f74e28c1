import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../commands/invocation.ts';
import { computeSavings } from '../../src/savings/savings.ts';
import { describeError } from '../../src/errors.ts';
import { loadSmallFixture } from '../helpers/fixture-small.ts';
import { makeDeps } from '../helpers/store.ts';
import savingsCommand, { type SavingsResult } from '../../commands/savings.ts';

const deps = makeDeps();
beforeAll(() => loadSmallFixture(deps));

function savings(...argv: string[]) {
  const inv = parseCommandArgs(savingsCommand, [...argv], deps);
  return inv.cmd.run(inv.args, deps) as Record<string, unknown>;
}
function failure(...argv: string[]): string {
  try {
    savings(...argv);
  } catch (e) {
    return describeError(e);
  }
  throw new Error('expected a failure');
}

describe('savings', () => {
  it('reproduces the worked example exactly', () => {
    const r = savings('--calls', '5000', '--cost', '8', '--fix', '10', '--repeat-rate', '28');
    expect(r).toMatchObject({
      calls_per_day: 5000,
      cost_per_call: 8,
      annual_cost: 14_600_000,
      fix_pct: 10,
      calls_avoided_per_day: 500,
      savings_per_day: 4000,
      savings_per_year: 1_460_000,
      repeat_calls_avoided_per_day: 140,
    });
    expect(r.headline).toBe('The leak across all journeys costs $14.6M a year; fixing 10% of it saves $1.46M a year ($4.0K a day, 500 calls avoided a day).');
  });

  it('measures billing on 11-20: 28 calls in the 7 days before (4/day); their repeat rate is unknown (the store starts 11-13)', () => {
    const r = savings('billing', '--date', '2026-11-20');
    expect(r).toMatchObject({
      journey: 'billing',
      calls_per_day: 4,
      cost_per_call: 8,
      repeat_rate_pct: null,
      annual_cost: 11_680,
      fix_pct: 10,
      calls_avoided_per_day: 0.4,
      savings_per_day: 3.2,
      savings_per_year: 1168,
      repeat_calls_avoided_per_day: null,
      baseline: { from: '2026-11-13', to: '2026-11-19' },
      repeat_window: null,
      repeat_known_from: '2026-11-20',
      sources: { calls_per_day: 'measured', cost_per_call: 'config', repeat_rate_pct: 'measured' },
    });
    expect(savingsCommand.renderText(r as unknown as SavingsResult)).toMatch(/repeat rate +unknown +7-day look-back before the store's first call; known from 2026-11-20/);
  });

  it("on 11-21 the repeat rate counts 11-20 alone, the one baseline day whose look-back the history covers: C1 and R7, 2 of 10", () => {
    const r = savings('billing', '--date', '2026-11-21');
    expect(r).toMatchObject({ calls_per_day: 5.14, repeat_rate_pct: 20, repeat_window: { from: '2026-11-20', to: '2026-11-20' }, baseline: { from: '2026-11-14', to: '2026-11-20' } });
    expect(savingsCommand.renderText(r as unknown as SavingsResult)).toMatch(/repeat rate +20% +measured 2026-11-20\.\.2026-11-20 \(earlier days' 7-day look-back is before the first call\)/);
  });

  it('takes the fix rate as a second positional, as Slack sends it (savings billing 25)', () => {
    expect(savings('billing', '25', '--date', '2026-11-20')).toMatchObject({ fix_pct: 25, calls_avoided_per_day: 1, savings_per_day: 8, savings_per_year: 2920, repeat_calls_avoided_per_day: null });
  });

  it('all journeys: (28 + 7 + 19) / 7 calls a day; repeats pooled over the known days (on 11-21: 2 of the 12 calls of 11-20)', () => {
    const r = savings('50', '--date', '2026-11-20');
    expect(r).toMatchObject({ journey: null, fix_pct: 50, calls_per_day: 7.71, annual_cost: 22_525.71, repeat_rate_pct: null, calls_avoided_per_day: 3.86 });
    expect(savings('--date', '2026-11-21')).toMatchObject({ journey: null, repeat_rate_pct: 16.67 });
  });

  it('a date past the last savings_model row counts the same 7 days from segment_drilldown', () => {
    // 11-16..11-22 for billing: 2 + 2 + 8 + 10 + 10 = 32 calls.
    expect(savings('billing', '--date', '2026-11-23')).toMatchObject({ calls_per_day: 4.57, annual_cost: 13_348.57 });
  });

  it("a young store's baseline says the days it has: on 11-16 the mean of 11-13..11-15 (2 a day), not of a week it never saw", () => {
    expect(savings('billing', '--date', '2026-11-16')).toMatchObject({ calls_per_day: 2, baseline: { from: '2026-11-13', to: '2026-11-15' } });
  });

  it('overrides one input and measures the rest', () => {
    expect(savings('billing', '--date', '2026-11-20', '--cost', '12')).toMatchObject({ calls_per_day: 4, cost_per_call: 12, annual_cost: 17_520, sources: { cost_per_call: 'given' } });
  });

  it('refuses bad input with one line naming what is valid', () => {
    expect(failure('billing', '150')).toBe(
      'The fix rate must be a number from 0 to 100 (got "150"). Usage: leak savings [JOURNEY] [FIX%] [--fix PCT] [--calls N] [--cost DOLLARS] [--repeat-rate PCT] [--date YYYY-MM-DD] [--json]',
    );
    expect(failure('--fix', '101')).toBe('--fix must be a number from 0 to 100 (got "101").');
    expect(failure('--fix', 'ten')).toBe('--fix must be a number from 0 to 100 (got "ten").');
    expect(failure('biling')).toBe('Unknown journey "biling". Known journeys: billing, id_card, pharmacy.');
    expect(failure('--date', '2026-02-30')).toBe('--date "2026-02-30" does not exist: February 2026 has 28 days.');
    expect(failure('--date', '0999-12-31')).toBe('--date "0999-12-31" is before 1000-01-01, the first date Leak computes with.');
    expect(failure('--calls', '-3')).toBe('--calls must be a number from 0 to 1,000,000,000 (got "-3").');
    expect(failure('--dat', '2026-11-20')).toMatch(/^Unknown option --dat\. Did you mean --date\? Options: --fix, --calls, --cost, --repeat-rate, --date, --json, --help\. Usage: leak savings /);
    expect(failure('--date', '2026-11-28')).toBe('No data for --date 2026-11-28: the store holds calls from 2026-11-13 to 2026-11-20 (dates in America/New_York). Try a date from 2026-11-13 to 2026-11-20.');
    expect(failure('--repeat-rate', '120')).toBe('--repeat-rate must be a number from 0 to 100 (got "120").');
  });

  it('computeSavings is exact to the cent', () => {
    expect(computeSavings({ calls_per_day: 3, cost_per_call: 7.1, repeat_rate_pct: 10, fix_pct: 10 })).toMatchObject({ calls_avoided_per_day: 0.3, savings_per_day: 2.13, repeat_calls_avoided_per_day: 0.03 });
  });
});
