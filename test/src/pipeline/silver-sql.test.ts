import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { instantSql, memberIdSql } from '../../../src/pipeline/silver-sql.ts';
import { registerSqlFunctions } from '../../../src/pipeline/sql-functions.ts';
import { parseInstant } from '../../../src/ingest/contract.ts';
import { normalizeMemberId } from '../../../src/member-id.ts';

// Silver casts the common forms in plain SQL and hands the rest to the gate's parsers: both
// routes must give exactly what the gate's parsers give, for every form the gate lets through.
describe('silver fast paths', () => {
  const sqlite = new Database(':memory:');
  registerSqlFunctions(sqlite, 'America/New_York');
  const instant = sqlite.prepare(`SELECT ${instantSql('@v')} AS v`).pluck();
  const member = sqlite.prepare(`SELECT ${memberIdSql('@v')} AS v`).pluck();

  it('turns every accepted instant into the same epoch milliseconds as the gate', () => {
    const forms = [
      '2026-11-20T14:03:09Z', '2026-11-20T23:59:59Z', '2026-11-20T24:00:00Z', '2024-02-29T00:00:00Z', '1969-12-31T23:59:59Z',
      '2026-11-20T14:03:09.123Z', '2026-11-20T14:03:09.1239Z', '2026-11-20T09:03:09-05:00', '2026-11-20T14:03Z',
      ' 2026-11-20T14:03:09Z ', '2026-03-08T07:00:00+00:00',
    ];
    for (const v of forms) expect([v, instant.get({ v })]).toEqual([v, parseInstant(v)]);
  });

  it('turns every accepted member id form into the same canonical id as the gate', () => {
    for (const v of ['M-104382', 'M-000001', 'm104382', 'M104382', '104382', ' M-104382 ', 'M-0104382', 'M-1043821', 'M-5099999', 'M-123456789', 'M-0123456789', 'M-1234567890', 'M-12345a7', '42']) {
      expect([v, member.get({ v })]).toEqual([v, normalizeMemberId(v)]);
    }
  });
});
