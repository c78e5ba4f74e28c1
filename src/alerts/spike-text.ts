/**
 * The sentence a spike alert says, every number computed: "MAPD New billing leaks up 14% (+620 calls,
 * +$5.0K today); 78% carry '…', 82% on mobile; started 2026-11-09, near the note 'AEP benefit changes'."
 * Shares are of the series' own leaked calls in the scanned window; the start is the first day of the
 * series' run of material rises (spike-start.ts); the note is the change annotation nearest that start.
 */
import type { Context } from '../context.ts';
import { listAnnotations } from '../annotations/annotations.ts';
import { NEAR_DAYS } from '../root-cause/explain-journey.ts';
import { formatCount, formatMoney } from '../format.ts';
import { addDays } from '../time.ts';
import type { AlertRules } from './rules.ts';
import type { SeriesEval, Spike } from './types.ts';
import { spikeStart } from './spike-start.ts';
import { NO_MESSAGE_LABEL } from '../leakage/missing-values.ts';

type ScanWindow = { rules: AlertRules['leak_spike']; date: string; hour: number | null; today: string; baselineDates: string[]; pThreshold: number; seriesTested: number };

function seriesLabel(s: Pick<SeriesEval, 'dimension' | 'journey' | 'segment' | 'error_message'>): string {
  if (s.dimension === 'journey_segment') return `${s.segment} ${s.journey}`;
  if (s.dimension === 'journey_error') return `${s.journey} '${s.error_message || NO_MESSAGE_LABEL}'`;
  return s.journey;
}

export function describeSpike(ctx: Context, s: SeriesEval, scan: ScanWindow): Spike {
  const cutoff = scan.hour === null ? 1440 : (scan.hour + 1) * 60;
  const filter = s.dimension === 'journey_segment' ? 'AND segment = @segment' : s.dimension === 'journey_error' ? "AND coalesce(error_message, '') = @err" : '';
  const params = { date: scan.date, journey: s.journey, segment: s.segment, err: s.error_message, cutoff };
  const factors = s.dimension === 'journey_error' ? (['segment', 'device'] as const) : (['error_message', 'device'] as const);
  const shares = factors.flatMap((factor) => {
    const top = ctx.store.sqlite
      .prepare(
        `SELECT coalesce(${factor}, '') AS value, count(*) AS calls, sum(count(*)) OVER () AS total FROM digital_call_leakage
         WHERE local_date = @date AND journey = @journey AND local_minute < @cutoff ${filter}
         GROUP BY 1 ORDER BY calls DESC, value LIMIT 1`,
      )
      .get(params) as { value: string; calls: number; total: number } | undefined;
    return top ? [{ factor, value: top.value, pct: Math.round((100 * top.calls) / top.total) }] : [];
  });
  const callIds = ctx.store.sqlite
    .prepare(`SELECT call_id FROM digital_call_leakage WHERE local_date = @date AND journey = @journey AND local_minute < @cutoff ${filter} ORDER BY started_at, call_id LIMIT 20`)
    .pluck()
    .all(params) as string[];

  const started = spikeStart(ctx, s, scan.date, scan.rules);
  // Change notes (the answers' annotations table) dated near the start, as root cause reads them.
  const notes = listAnnotations(ctx.store, { from: addDays(started, -NEAR_DAYS), to: addDays(started, NEAR_DAYS), journey: s.journey });
  const note = closestNote(notes, started);
  const label = seriesLabel(s);
  const spike: Spike = {
    ...s,
    date: scan.date,
    hour: scan.hour,
    label,
    baseline_dates: scan.baselineDates,
    p_threshold: scan.pThreshold,
    series_tested: scan.seriesTested,
    shares,
    started,
    note,
    text: '',
    call_ids: callIds,
  };
  spike.text = spikeSentence(spike, scan.today);
  return spike;
}

function closestNote(notes: { date: string; text: string }[], started: string): string | null {
  const gap = (d: string) => Math.abs(Date.parse(d) - Date.parse(started));
  return [...notes].sort((a, b) => gap(a.date) - gap(b.date))[0]?.text ?? null;
}

function when(date: string, hour: number | null, today: string): string {
  const through = hour === null ? '' : ` through ${String(hour + 1).padStart(2, '0')}:00`;
  if (date === today) return `today${through}`;
  if (date === addDays(today, -1)) return `yesterday${through}`;
  return `on ${date}${through}`;
}

function sharePhrase(sh: Spike['shares'][number]): string {
  if (sh.factor === 'error_message') return sh.value ? `${sh.pct}% carry '${sh.value}'` : `${sh.pct}% follow an abandon (no message)`;
  if (sh.factor === 'segment') return `${sh.pct}% ${sh.value}`;
  return `${sh.pct}% on ${sh.value}`;
}

function spikeSentence(s: Spike, today: string): string {
  const rise = s.rise_pct === null ? `from nothing to ${formatCount(s.observed)}` : `up ${Math.round(s.rise_pct)}%`;
  const head = `${s.label} leaks ${rise} (+${formatCount(s.extra_calls)} calls, +${formatMoney(Math.round(s.extra_dollars))} ${when(s.date, s.hour, today)})`;
  const shares = s.shares.length ? `; ${s.shares.map(sharePhrase).join(', ')}` : '';
  const start = `; started ${s.started}${s.note ? `, near the note '${s.note}'` : ''}.`;
  return head + shares + start;
}
