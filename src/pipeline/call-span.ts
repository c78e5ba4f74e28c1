/** The first and last local day with calls in the store: where histories, baselines and the savings model start and end. */
import type Database from 'better-sqlite3';

export type CallSpan = { first: string | null; last: string | null };

const statements = new WeakMap<Database.Database, Database.Statement>();

export function readCallSpan(sqlite: Database.Database): CallSpan {
  let stmt = statements.get(sqlite);
  if (!stmt) {
    // Two subqueries, not min() and max() in one SELECT: SQLite answers a lone min or max with one
    // seek on the calls_date index, but scans the whole table when both share a query.
    stmt = sqlite.prepare('SELECT (SELECT min(local_date) FROM call_logs_cleaned) AS first, (SELECT max(local_date) FROM call_logs_cleaned) AS last');
    statements.set(sqlite, stmt);
  }
  return stmt.get() as CallSpan;
}
