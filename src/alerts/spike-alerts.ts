/**
 * Spikes as alerts: the candidate a spike becomes (dedupe key = the series, so a spike going on for
 * days stays one alert), and resolution: an open spike alert whose series a later closed day finds
 * back within the material minimums is resolved, with the "back to normal" sentence its thread will get.
 */
import type { Context } from '../context.ts';
import { formatCount } from '../format.ts';
import { addDays, zoneClock } from '../time.ts';
import { listAlerts } from './repository.ts';
import type { Evaluation, Spike } from './types.ts';
import type { AlertCandidate, SubjectType } from './types.ts';

const SUBJECT: Record<Spike['dimension'], SubjectType> = { journey: 'journey', journey_segment: 'segment', journey_error: 'error' };

export function spikeCandidate(ctx: Context, s: Spike): AlertCandidate {
  const clock = zoneClock(ctx.config.timeZone);
  const dayStart = clock.startOfDay(s.date);
  const windowEnd = s.hour === null ? clock.startOfDay(addDays(s.date, 1)) : dayStart + (s.hour + 1) * 3_600_000;
  return {
    kind: 'spike', rule: 'leak_spike', subjectType: SUBJECT[s.dimension], subject: s.label,
    windowStart: dayStart, windowEnd, value: s.observed, threshold: s.expected, pValue: s.p_value, text: s.text,
    dedupeKey: `leak_spike:${s.key}`, rowRefs: { call_ids: s.call_ids, total: s.observed },
    detail: { journey: s.journey, segment: s.segment ?? undefined, error_message: s.error_message ?? undefined, date: s.date },
  };
}

/**
 * Resolves open spike alerts last seen no later than the evaluated (closed) day whose series that
 * day is no longer materially above its baseline. Returns the ids resolved. The reply text goes into the alert's detail.
 */
export function resolveSpikes(ctx: Context, ev: Evaluation, now: number): number[] {
  if (ev.hour !== null || ev.series.length === 0) return [];
  const clock = zoneClock(ctx.config.timeZone);
  const dayEnd = clock.startOfDay(addDays(ev.date, 1));
  const byKey = new Map(ev.series.map((s) => [`leak_spike:${s.key}`, s]));
  const resolved: number[] = [];
  const update = ctx.store.sqlite.prepare(
    "UPDATE alerts SET status = 'resolved', resolved_at = ?, detail = json_set(coalesce(detail, '{}'), '$.normal_text', ?) WHERE id = ? AND status != 'resolved'",
  );
  for (const a of listAlerts(ctx.store, { status: 'all', rule: 'leak_spike' }, now)) {
    if (a.status === 'resolved' || a.windowEnd > dayEnd) continue;
    const s = byKey.get(a.dedupeKey);
    // Still materially up is not "normal", even when the rise is no longer a surprise against a
    // baseline the spike itself has started to inflate.
    if (s?.material) continue;
    const observed = s?.observed ?? 0;
    const expected = s?.expected ?? 0;
    const vs = expected > 0 ? ` (${observed >= expected ? '+' : ''}${Math.round((100 * (observed - expected)) / expected)}%)` : '';
    const text = `Back to normal: ${a.subject} had ${formatCount(observed)} leaked calls on ${ev.date} against ${formatCount(expected)} expected${vs}.`;
    if (update.run(now, text, a.id).changes) resolved.push(a.id);
  }
  return resolved;
}
