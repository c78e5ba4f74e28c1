/**
 * The alerts store. One rule decides "new alert or the same one again" (recordAlerts):
 *  - a live alert (open, acknowledged, snoozed) with the same dedupe key is refreshed in place,
 *    never raised twice; a snoozed one whose snooze has ended is put back to open and re-posted;
 *  - a resolved one raised within the rule's cooldown is reopened silently (no second post);
 *  - otherwise a new alert is created, to be posted.
 * Acknowledged alerts older than the cooldown count as done, so a member failing again next week is news.
 */
import type { Store } from '../../db/open-db.ts';
import type { AlertRules, RuleName } from './rules.ts';
import type { Alert, AlertCandidate, AlertStatus, Verdict } from './types.ts';

const HOUR_MS = 3_600_000;

type Raw = Record<string, unknown>;

export function toAlert(r: Raw): Alert {
  return {
    id: r.id as number, kind: r.kind as Alert['kind'], rule: r.rule as RuleName, subjectType: r.subject_type as Alert['subjectType'], subject: r.subject as string,
    windowStart: r.window_start as number, windowEnd: r.window_end as number, value: r.value as number, threshold: r.threshold as number,
    pValue: r.p_value as number | null, text: r.text as string, status: r.status as AlertStatus, snoozedUntil: r.snoozed_until as number | null,
    dedupeKey: r.dedupe_key as string, channel: r.channel as string | null, messageTs: r.message_ts as string | null, threadTs: r.thread_ts as string | null,
    createdAt: r.created_at as number, lastSeenAt: r.last_seen_at as number, resolvedAt: r.resolved_at as number | null,
    normalPostedAt: r.normal_posted_at as number | null, rowRefs: JSON.parse(r.row_refs as string), detail: r.detail ? JSON.parse(r.detail as string) : {},
  };
}

export type RecordResult = { created: number[]; refreshed: number[]; reopened: number[] };

export function recordAlerts(store: Store, rules: AlertRules, candidates: AlertCandidate[], now: number): RecordResult {
  const { sqlite } = store;
  const result: RecordResult = { created: [], refreshed: [], reopened: [] };
  const latest = sqlite.prepare('SELECT * FROM alerts WHERE dedupe_key = ? ORDER BY created_at DESC, id DESC LIMIT 1');
  const refresh = sqlite.prepare(
    `UPDATE alerts SET value = @value, threshold = @threshold, p_value = @pValue, text = @text, row_refs = @rowRefs, detail = @detail,
       window_start = min(window_start, @windowStart), window_end = max(window_end, @windowEnd), last_seen_at = @now,
       status = @status, snoozed_until = @snoozedUntil, resolved_at = @resolvedAt, normal_posted_at = @normalPostedAt,
       message_ts = @messageTs, channel = @channel, thread_ts = @threadTs
     WHERE id = @id`,
  );
  const insert = sqlite.prepare(
    `INSERT INTO alerts (kind, rule, subject_type, subject, window_start, window_end, value, threshold, p_value, text, status,
       dedupe_key, created_at, last_seen_at, row_refs, detail)
     VALUES (@kind, @rule, @subjectType, @subject, @windowStart, @windowEnd, @value, @threshold, @pValue, @text, 'open',
       @dedupeKey, @now, @now, @rowRefs, @detail)`,
  );
  sqlite.transaction(() => {
    for (const c of candidates) {
      const row = latest.get(c.dedupeKey) as Raw | undefined;
      const prev = row && toAlert(row);
      const fields = { ...c, rowRefs: JSON.stringify(c.rowRefs), detail: JSON.stringify(c.detail), now };
      const cooldownMs = rules[c.rule].cooldownHours * HOUR_MS;
      const withinCooldown = prev !== undefined && now - prev.createdAt < cooldownMs;
      const live = prev !== undefined && (prev.status === 'open' || prev.status === 'snoozed' || (prev.status === 'acknowledged' && withinCooldown));
      if (prev && live) {
        const snoozeOver = prev.status === 'snoozed' && (prev.snoozedUntil ?? 0) <= now;
        // Checks run after every ingested batch: an unchanged alert is not rewritten each time (last seen kept to the hour).
        const unchanged = !snoozeOver && prev.value === c.value && prev.text === c.text && prev.windowEnd >= c.windowEnd && now - prev.lastSeenAt < HOUR_MS;
        if (unchanged) {
          result.refreshed.push(prev.id);
          continue;
        }
        refresh.run({
          ...fields, id: prev.id, status: snoozeOver ? 'open' : prev.status, snoozedUntil: snoozeOver ? null : prev.snoozedUntil,
          resolvedAt: null, normalPostedAt: prev.normalPostedAt,
          // A snooze that ended while the condition still holds is news again: a fresh message.
          messageTs: snoozeOver ? null : prev.messageTs, channel: snoozeOver ? null : prev.channel, threadTs: snoozeOver ? null : prev.threadTs,
        });
        result.refreshed.push(prev.id);
      } else if (prev && prev.status === 'resolved' && withinCooldown) {
        refresh.run({ ...fields, id: prev.id, status: 'open', snoozedUntil: null, resolvedAt: null, normalPostedAt: null, messageTs: prev.messageTs, channel: prev.channel, threadTs: prev.threadTs });
        result.reopened.push(prev.id);
      } else {
        result.created.push(Number(insert.run(fields).lastInsertRowid));
      }
    }
  }).immediate();
  return result;
}

export function getAlert(store: Store, id: number): Alert | undefined {
  const r = store.sqlite.prepare('SELECT * FROM alerts WHERE id = ?').get(id) as Raw | undefined;
  return r && toAlert(r);
}

export type ListQuery = { status?: 'open' | 'all'; rule?: string; limit?: number };

/** Newest first. 'open' means needing attention: open, or snoozed past its snooze. */
export function listAlerts(store: Store, q: ListQuery = {}, now = Date.now()): Alert[] {
  const rows = store.sqlite
    .prepare(
      `SELECT * FROM alerts WHERE (@rule IS NULL OR rule = @rule)
         AND (@all = 1 OR status = 'open' OR (status = 'snoozed' AND snoozed_until <= @now))
       ORDER BY created_at DESC, id DESC LIMIT @limit`,
    )
    .all({ rule: q.rule ?? null, all: q.status === 'all' ? 1 : 0, now, limit: q.limit ?? 1000 }) as Raw[];
  return rows.map(toAlert);
}

/** The alerts one Slack message carries (a button names the first; the message groups the rest). */
export function alertsOfMessage(store: Store, id: number): Alert[] {
  const first = getAlert(store, id);
  if (!first) return [];
  if (!first.messageTs || first.messageTs === 'posting') return [first];
  return (store.sqlite.prepare('SELECT * FROM alerts WHERE message_ts = ? AND channel IS ? ORDER BY id').all(first.messageTs, first.channel) as Raw[]).map(toAlert);
}

/** Acknowledge / snooze / resolve a set of alerts; resolved ones stay resolved. Returns how many changed. */
export function setAlertStatus(store: Store, ids: number[], status: Exclude<AlertStatus, 'open'>, now: number, snoozeHours = 24): number {
  if (!ids.length) return 0;
  const until = status === 'snoozed' ? now + snoozeHours * HOUR_MS : null;
  return store.sqlite
    .prepare(
      `UPDATE alerts SET status = ?, snoozed_until = ?, resolved_at = CASE WHEN ? = 'resolved' THEN ? ELSE resolved_at END
       WHERE id IN (${ids.map(() => '?').join(',')}) AND status != 'resolved'`,
    )
    .run(status, until, status, now, ...ids).changes;
}

/** One verdict per person per alert message; a second click replaces the first. */
export function recordFeedback(store: Store, alertId: number, user: string, verdict: Verdict, now: number): boolean {
  const alert = getAlert(store, alertId);
  if (!alert) return false;
  store.sqlite
    .prepare(
      `INSERT INTO alert_feedback (alert_id, rule, user, verdict, at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT(alert_id, user) DO UPDATE SET verdict = excluded.verdict, at = excluded.at`,
    )
    .run(alertId, alert.rule, user, verdict, now);
  return true;
}

export type RuleQuality = { rule: string; alerts: number; feedback: number; useful: number; noise: number; known: number; noise_pct: number | null };

/** Per rule over the last `days`: alerts raised, feedback given, and the share of feedback saying noise. */
export function ruleQuality(store: Store, days: number, now: number): RuleQuality[] {
  const since = now - days * 24 * HOUR_MS;
  return (
    store.sqlite
      .prepare(
        `WITH a AS (SELECT rule, count(*) AS alerts FROM alerts WHERE created_at >= @since GROUP BY rule),
              f AS (SELECT rule, count(*) AS feedback, sum(verdict = 'useful') AS useful, sum(verdict = 'noise') AS noise, sum(verdict = 'known') AS known
                    FROM alert_feedback WHERE at >= @since GROUP BY rule)
         SELECT r.rule, coalesce(a.alerts, 0) AS alerts, coalesce(f.feedback, 0) AS feedback, coalesce(f.useful, 0) AS useful,
                coalesce(f.noise, 0) AS noise, coalesce(f.known, 0) AS known
         FROM (SELECT rule FROM a UNION SELECT rule FROM f) r LEFT JOIN a USING (rule) LEFT JOIN f USING (rule) ORDER BY r.rule`,
      )
      .all({ since }) as Omit<RuleQuality, 'noise_pct'>[]
  ).map((q) => ({ ...q, noise_pct: q.feedback ? Math.round((1000 * q.noise) / q.feedback) / 10 : null }));
}
