/**
 * Functions the pipeline SQL calls, registered on the connection so that silver casts with
 * exactly the parsers the import gate validated with (no second, subtly different parser).
 */
import type Database from 'better-sqlite3';
import { normalizeMemberId } from '../member-id.ts';
import { parseInstant } from '../ingest/contract.ts';
import { zoneClock } from '../time.ts';

const registered = new WeakMap<Database.Database, string>();

export function registerSqlFunctions(sqlite: Database.Database, timeZone: string): void {
  if (registered.get(sqlite) === timeZone) return;
  const clock = zoneClock(timeZone);
  const opts = { deterministic: true, varargs: false };
  sqlite.function('leak_member_id', opts, (raw: unknown) => normalizeMemberId(String(raw)));
  sqlite.function('leak_ms', opts, (raw: unknown) => {
    const ms = parseInstant(String(raw));
    return Number.isNaN(ms) ? null : ms;
  });
  sqlite.function('leak_local_date', opts, (ms: unknown) => clock.localDate(Number(ms)));
  sqlite.function('leak_local_minute', opts, (ms: unknown) => clock.localMinute(Number(ms)));
  registered.set(sqlite, timeZone);
}
