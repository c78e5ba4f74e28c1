/**
 * Sources: digital_call_leakage (silver). Rebuilds the gold tables for the days in
 * gold_pending_days only, then empties it.
 * Grains: daily_leakage_summary (date × journey × segment × device × channel),
 * segment_drilldown (date × journey × segment), savings_model (date × journey),
 * error_drilldown (date × journey × segment × error message × language).
 */
import type Database from 'better-sqlite3';
import { addDays, daysBetween } from '../time.ts';
import { readCallSpan, type CallSpan } from './call-span.ts';
import { REPEAT_LOOKBACK_DAYS } from './repeat-window.ts';
import { readMeta, writeMeta } from '../../db/meta.ts';

/** The pending days this call rebuilds: the earliest, up to @upTo (see rebuildGold). */
const CHANGED = 'SELECT date FROM gold_pending_days WHERE date <= @upTo';

/**
 * Rebuilds gold for the earliest `maxDays` pending days (all of them by default) and takes them
 * off gold_pending_days; returns those days. Every day of a full recompute is pending at once,
 * and rebuilding them all in one transaction would hold the write lock too long at full scale:
 * the pipeline goes a few days per transaction so the bot's writes never wait long. The savings model stays right across
 * calls: a day's model is redone with each of the 7 days before it.
 */
export function rebuildGold(sqlite: Database.Database, costPerCall: number, maxDays = Number.MAX_SAFE_INTEGER): string[] {
  const days = sqlite.prepare('SELECT date FROM gold_pending_days ORDER BY date LIMIT ?').pluck().all(maxDays) as string[];
  if (days.length > 0) rebuildDailyTables(sqlite, costPerCall, days[days.length - 1]);
  // Not only for changed days: the savings model also moves when the first or last call date does.
  rebuildSavingsModel(sqlite, days, costPerCall);
  if (days.length > 0) sqlite.prepare(`DELETE FROM gold_pending_days WHERE date IN (${CHANGED})`).run({ upTo: days[days.length - 1] });
  return days;
}

function rebuildDailyTables(sqlite: Database.Database, cost: number, upTo: string): void {
  sqlite.prepare(`DELETE FROM daily_leakage_summary WHERE date IN (${CHANGED})`).run({ upTo });
  sqlite.prepare(
    `INSERT INTO daily_leakage_summary (date, journey, segment, device, channel, calls, cost, repeats,
       sentiment_end_sum, sentiment_end_n, handle_seconds)
     SELECT local_date, journey, segment, device, channel, count(*), count(*) * @cost, sum(is_repeat),
       coalesce(sum(sentiment_end), 0), count(sentiment_end), sum(handle_seconds)
     FROM digital_call_leakage WHERE local_date IN (${CHANGED})
     GROUP BY local_date, journey, segment, device, channel`,
  ).run({ upTo, cost });

  sqlite.prepare(`DELETE FROM segment_drilldown WHERE date IN (${CHANGED})`).run({ upTo });
  sqlite.prepare(
    `INSERT INTO segment_drilldown (date, journey, segment, calls, cost, repeats, members, sentiment_end_sum, sentiment_end_n)
     SELECT local_date, journey, segment, count(*), count(*) * @cost, sum(is_repeat), count(DISTINCT member_id),
       coalesce(sum(sentiment_end), 0), count(sentiment_end)
     FROM digital_call_leakage WHERE local_date IN (${CHANGED})
     GROUP BY local_date, journey, segment`,
  ).run({ upTo, cost });

  // Grouped in the covering index's own order (no sort of every row on a full recompute); a NULL
  // and an '' message of one key are two groups that the upsert adds into one row.
  sqlite.prepare(`DELETE FROM error_drilldown WHERE date IN (${CHANGED})`).run({ upTo });
  sqlite.prepare(
    `INSERT INTO error_drilldown (date, journey, segment, error_message, language, calls)
     SELECT local_date, journey, segment, coalesce(error_message, ''), language, count(*)
     FROM digital_call_leakage WHERE local_date IN (${CHANGED})
     GROUP BY local_date, journey, segment, error_message, language
     ON CONFLICT DO UPDATE SET calls = calls + excluded.calls`,
  ).run({ upTo });
}

/**
 * A date's savings inputs are the mean of the 7 days before it, so a changed day moves the
 * model of the 7 days after it too. Days before the store's first day of calls are not
 * counted in the mean (a young store is not diluted by days it never saw), and no date after
 * the day following the last call gets a row. The repeat rate counts only days whose calls' look-back
 * lies inside the history (repeat-window.ts), from the first call date + 7 on. So when a call, leaked
 * or not, moves the first or last call date, the dates near the old and new ends move too (up to 14
 * days after the later first date: 7 to where repeats become known, 7 more for the mean's reach):
 * the span is kept in meta to see it. The key names the definition, so a store built with an older
 * one (repeat rates over the warm-up week) is rebuilt once.
 */
const SPAN_KEY = 'savings_call_span_repeat_known';
const FIRST_DATE_REACH = REPEAT_LOOKBACK_DAYS + 7;

function rebuildSavingsModel(sqlite: Database.Database, changed: string[], costPerCall: number): void {
  const span = readCallSpan(sqlite);
  const storedText = readMeta(sqlite, SPAN_KEY);
  const stored: CallSpan = storedText ? JSON.parse(storedText) : { first: null, last: null };
  const targets = new Set<string>();
  for (const day of changed) for (let i = 0; i <= 7; i++) targets.add(addDays(day, i));
  if (span.first && span.last) {
    if (!storedText) {
      // No record (a new store, or one built before the span was kept): every date that can hold a row.
      addRange(targets, span.first, addDays(span.last, 1));
    } else {
      if (stored.first !== span.first) addRange(targets, minDate(stored.first, span.first), addDays(maxDate(stored.first, span.first), FIRST_DATE_REACH));
      if (stored.last !== span.last) addRange(targets, addDays(minDate(stored.last, span.last), 1), addDays(maxDate(stored.last, span.last), 1));
    }
  }
  if (storedText !== JSON.stringify(span)) {
    writeMeta(sqlite, SPAN_KEY, JSON.stringify(span));
  }
  if (targets.size === 0) return;
  const { first, last } = span;
  const known = first === null ? null : addDays(first, REPEAT_LOOKBACK_DAYS);
  const del = sqlite.prepare('DELETE FROM savings_model WHERE date = ?');
  const window = sqlite.prepare(
    `SELECT journey, sum(CASE WHEN date = @d THEN calls ELSE 0 END) AS today,
       sum(CASE WHEN date < @d THEN calls ELSE 0 END) AS prior,
       sum(CASE WHEN date < @d AND date >= @known THEN calls ELSE 0 END) AS knownCalls,
       sum(CASE WHEN date < @d AND date >= @known THEN repeats ELSE 0 END) AS repeats
     FROM segment_drilldown WHERE date BETWEEN @from AND @d GROUP BY journey`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO savings_model (date, journey, calls, baseline_calls_per_day, baseline_repeat_rate, cost_per_call, annual_cost)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const d of targets) {
    del.run(d);
    if (!first || !last || d <= first || d > addDays(last, 1)) continue;
    const from = addDays(d, -7) < first ? first : addDays(d, -7);
    const covered = daysBetween(from, d);
    for (const r of window.all({ d, from, known }) as { journey: string; today: number; prior: number; knownCalls: number; repeats: number }[]) {
      const perDay = r.prior / covered;
      insert.run(d, r.journey, r.today, perDay, r.knownCalls ? r.repeats / r.knownCalls : null, costPerCall, perDay * costPerCall * 365);
    }
  }
}

const minDate = (a: string | null, b: string) => (a !== null && a < b ? a : b);
const maxDate = (a: string | null, b: string) => (a !== null && a > b ? a : b);

/** Every date from `from` to `to`, counted rather than compared as strings (see addDays for dates past 9999). */
function addRange(targets: Set<string>, from: string, to: string): void {
  for (let i = 0, n = daysBetween(from, to); i <= n; i++) targets.add(addDays(from, i));
}
