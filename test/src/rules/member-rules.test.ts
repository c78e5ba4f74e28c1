/** The segment and age-group rules, run as JavaScript and as the SQL built from the same definition, agree on every case. */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ageGroupOf, ageGroupSql } from '../../../src/rules/age-group.ts';
import { segmentOf, segmentSql } from '../../../src/rules/segment.ts';

const sqlite = new Database(':memory:');

describe('member rules: one definition, two languages', () => {
  it('segment: MAPD New below 365 days, MAPD Tenured from 365, other plans by name, Unknown without a profile', () => {
    const sql = sqlite.prepare(`SELECT ${segmentSql({ plan: '@plan', enrolledOn: '@enrolled', date: '@date' })}`).pluck();
    const cases: [string | null, string, string, string][] = [
      ['MAPD', '2025-11-24', '2026-11-23', 'MAPD New'],
      ['MAPD', '2025-11-24', '2026-11-24', 'MAPD Tenured'],
      ['MAPD', '2024-02-29', '2025-02-27', 'MAPD New'],
      ['MAPD', '2026-11-30', '2026-11-24', 'MAPD New'],
      ['Commercial', '2001-01-01', '2026-11-24', 'Commercial'],
      [null, '2020-01-01', '2026-11-24', 'Unknown'],
    ];
    for (const [plan, enrolled, date, expected] of cases) {
      expect(segmentOf(plan, enrolled, date)).toBe(expected);
      expect(sql.get({ plan, enrolled, date })).toBe(expected);
    }
  });

  it('age group: the bands by calendar year, Unknown without a birth year', () => {
    const sql = sqlite.prepare(`SELECT ${ageGroupSql({ birthYear: '@birth', date: '@date' })}`).pluck();
    const seen = new Set<string>();
    for (const birth of [null, 1940, 1951, 1952, 1961, 1962, 1976, 1977, 1991, 1992, 2010]) {
      const js = ageGroupOf(birth, '2026-11-24');
      expect(sql.get({ birth, date: '2026-11-24' }), String(birth)).toBe(js);
      seen.add(js);
    }
    expect([...seen].sort()).toEqual(['35-49', '50-64', '65-74', '75+', 'Under 35', 'Unknown']);
  });
});
