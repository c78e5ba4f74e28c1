/**
 * The two things only the store can give a question (the resolver itself never reads it): the
 * vocabulary of journeys, segments and languages present, and the member a playback shows when a
 * question asked "what does this feel like" without naming one.
 */
import type { Store } from '../../db/open-db.ts';
import type { Needs, Vocabulary } from './types.ts';

/**
 * Journeys and segments with leaks, devices and channels (gold, small) and the languages of leaked
 * calls (an index scan: tens of milliseconds at full scale), so read it once per process or import and keep it.
 */
export function readVocabulary(store: Store): Vocabulary {
  const db = store.sqlite;
  const list = (sql: string) => db.prepare(sql).pluck().all() as string[];
  return {
    journeys: list('SELECT journey FROM segment_drilldown GROUP BY journey ORDER BY sum(calls) DESC, journey'),
    segments: list('SELECT DISTINCT segment FROM segment_drilldown ORDER BY segment'),
    languages: list('SELECT DISTINCT language FROM digital_call_leakage ORDER BY language'),
    devices: list('SELECT DISTINCT device FROM daily_leakage_summary ORDER BY device'),
    channels: list('SELECT DISTINCT channel FROM daily_leakage_summary ORDER BY channel'),
  };
}

/** The member of the day's most recent leaked call on the journey (any journey when none): a real example, or undefined. */
export function pickLeakedMember(store: Store, needs: Needs): string | undefined {
  return store.sqlite
    .prepare(
      `SELECT member_id FROM digital_call_leakage WHERE local_date = @date AND (@journey IS NULL OR journey = @journey)
       ORDER BY started_at DESC, call_id LIMIT 1`,
    )
    .pluck()
    .get({ date: needs.date, journey: needs.journey ?? null }) as string | undefined;
}
