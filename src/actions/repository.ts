/**
 * The actions store. Transitions are compare-and-set in SQL: the UPDATE names the status and
 * version the decision was made on, and only a row that still matches changes (changes() = 1).
 * Two processes or two concurrent requests can both decide "ok"; exactly one UPDATE lands.
 */
import type { Store } from '../../db/open-db.ts';
import { LeakError } from '../errors.ts';
import { decideTransition } from './state-machine.ts';
import { formatActionId, OPEN_STATUSES, type Action, type ActionEvent, type HistoryRow, type NewAction, type Via } from './types.ts';
import { mrkdwn, type Mrkdwn } from '../blocks/mrkdwn.ts';

const ACTION_COLUMNS = `id, journey, segment, error_message AS errorMessage, title, owner_team AS ownerTeam, assignee, effort,
  expected_reduction_pct AS expectedReductionPct, estimated_savings_per_year AS estimatedSavingsPerYear,
  recommendation_id AS recommendationId, status, ship_date AS shipDate, dismiss_reason AS dismissReason, channel,
  thread_ts AS threadTs, version, created_by AS createdBy, created_at AS createdAt, updated_at AS updatedAt,
  reminded_at AS remindedAt, interim_posted_at AS interimPostedAt, final_posted_at AS finalPostedAt,
  last_outcome AS lastOutcome, last_measured_on AS lastMeasuredOn, message_version AS messageVersion,
  post_attempts AS postAttempts, post_error AS postError`;

export type Actor = { user: string; via: Via; at: number };

export function getAction(store: Store, id: number): Action | undefined {
  return store.sqlite.prepare(`SELECT ${ACTION_COLUMNS} FROM actions WHERE id = ?`).get(id) as Action | undefined;
}

export function requireAction(store: Store, id: number): Action {
  const a = getAction(store, id);
  if (!a) {
    const max = store.sqlite.prepare('SELECT max(id) FROM actions').pluck().get() as number | null;
    throw new LeakError('not_found', `No action ${formatActionId(id)}.${max ? ` Actions run from A-1 to ${formatActionId(max)}; see 'leak action list'.` : ' No actions exist yet.'}`);
  }
  return a;
}

export function listActions(store: Store, opts: { open?: boolean } = {}): Action[] {
  const where = opts.open ? `WHERE status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})` : '';
  return store.sqlite.prepare(`SELECT ${ACTION_COLUMNS} FROM actions ${where} ORDER BY id`).all() as Action[];
}

export function listHistory(store: Store, actionId: number): HistoryRow[] {
  return store.sqlite
    .prepare(`SELECT id, action_id AS actionId, from_status AS fromStatus, to_status AS toStatus, by_user AS byUser, at, via, detail
              FROM action_history WHERE action_id = ? ORDER BY id`)
    .all(actionId) as HistoryRow[];
}

/**
 * Creates an action (status proposed) and its first history row. With a recommendation id,
 * an open action for the same recommendation is returned instead (created: false), so the digest
 * button clicked twice, or by two people, tracks one action.
 */
export function createAction(store: Store, input: NewAction, actor: Actor): { action: Action; created: boolean } {
  const { sqlite } = store;
  const run = sqlite.transaction(() => {
    if (input.recommendationId) {
      const existing = sqlite
        .prepare(`SELECT id FROM actions WHERE recommendation_id = ? AND status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(',')}) ORDER BY id LIMIT 1`)
        .pluck()
        .get(input.recommendationId) as number | undefined;
      if (existing !== undefined) return { id: existing, created: false };
    }
    const info = sqlite
      .prepare(
        `INSERT INTO actions (journey, segment, error_message, title, owner_team, effort, expected_reduction_pct,
           estimated_savings_per_year, recommendation_id, status, version, created_by, created_at, updated_at)
         VALUES (@journey, @segment, @errorMessage, @title, @ownerTeam, @effort, @expectedReductionPct,
           @estimatedSavingsPerYear, @recommendationId, 'proposed', 1, @user, @at, @at)`,
      )
      .run({
        journey: input.journey,
        segment: input.segment ?? null,
        errorMessage: input.errorMessage ?? null,
        title: input.title,
        ownerTeam: input.ownerTeam,
        effort: input.effort ?? null,
        expectedReductionPct: input.expectedReductionPct ?? null,
        estimatedSavingsPerYear: input.estimatedSavingsPerYear ?? null,
        recommendationId: input.recommendationId ?? null,
        user: actor.user,
        at: actor.at,
      });
    const id = Number(info.lastInsertRowid);
    insertHistory(store, id, null, 'proposed', actor, input.recommendationId ? `from recommendation ${input.recommendationId}` : null);
    return { id, created: true };
  });
  const { id, created } = run.immediate();
  return { action: getAction(store, id)!, created };
}

export type TransitionResult =
  | { ok: true; action: Action; before: Action; detail: string | null }
  | { ok: false; action: Action; reason: Mrkdwn };

/**
 * Applies an event if it is valid for the action as it is in the store now. `seenVersion` is the
 * version on the message the person clicked. Refusals change nothing and say why.
 */
export function transitionAction(store: Store, id: number, event: ActionEvent, actor: Actor, seenVersion?: number): TransitionResult {
  const before = requireAction(store, id);
  const decision = decideTransition(before, event, seenVersion);
  if (!decision.ok) return { ok: false, action: before, reason: decision.reason };
  const assignee = event.kind === 'take' ? actor.user : (decision.patch.assignee ?? before.assignee);
  const won = store.sqlite.transaction(() => {
    const info = store.sqlite
      .prepare(
        `UPDATE actions SET status = @to, assignee = @assignee, ship_date = coalesce(@shipDate, ship_date),
           dismiss_reason = coalesce(@dismissReason, dismiss_reason), version = version + 1, updated_at = @at
         WHERE id = @id AND status = @from AND version = @version`,
      )
      .run({
        id,
        to: decision.to,
        from: before.status,
        version: before.version,
        assignee,
        shipDate: decision.patch.shipDate ?? null,
        dismissReason: decision.patch.dismissReason ?? null,
        at: actor.at,
      });
    if (info.changes !== 1) return false;
    insertHistory(store, id, before.status, decision.to, actor, decision.detail);
    return true;
  })();
  if (!won) {
    // Someone else's transition landed between our read and our write: explain against what won.
    const now = requireAction(store, id);
    const again = decideTransition(now, event, before.version);
    return { ok: false, action: now, reason: again.ok ? mrkdwn`Someone changed this action at the same moment; nothing changed. Try again.` : again.reason };
  }
  return { ok: true, action: requireAction(store, id), before, detail: decision.detail };
}

function insertHistory(store: Store, actionId: number, from: string | null, to: string, actor: Actor, detail: string | null) {
  store.sqlite
    .prepare('INSERT INTO action_history (action_id, from_status, to_status, by_user, at, via, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(actionId, from, to, actor.user, actor.at, actor.via, detail);
}

/** Records where the action's parent message lives, once it is posted. */
export function setActionThread(store: Store, id: number, channel: string, ts: string): void {
  store.sqlite.prepare('UPDATE actions SET channel = ?, thread_ts = ? WHERE id = ?').run(channel, ts, id);
}

/**
 * Claims a one-time scheduler step (reminder, interim, final) by setting its timestamp only if unset.
 * True means this caller owns the step; a second scheduler run finds it taken.
 */
export function claimOnce(store: Store, id: number, column: 'reminded_at' | 'interim_posted_at' | 'final_posted_at', at: number): boolean {
  return store.sqlite.prepare(`UPDATE actions SET ${column} = ? WHERE id = ? AND ${column} IS NULL`).run(at, id).changes === 1;
}

/** Gives a claim back when the post it guarded failed, so the next run retries it. */
export function releaseClaim(store: Store, id: number, column: 'reminded_at' | 'interim_posted_at' | 'final_posted_at'): void {
  store.sqlite.prepare(`UPDATE actions SET ${column} = NULL WHERE id = ?`).run(id);
}

export function saveOutcome(store: Store, id: number, date: string, outcomeJson: string): void {
  store.sqlite.prepare('UPDATE actions SET last_outcome = ?, last_measured_on = ? WHERE id = ?').run(outcomeJson, date, id);
}
