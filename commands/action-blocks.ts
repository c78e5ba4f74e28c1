/**
 * `/leak action …` in Slack: the same facts as the terminal text, with people as mentions (<@U…>,
 * which Slack shows as names) instead of raw ids, and everything typed by people escaped.
 */
import type { KnownBlock } from '@slack/types';
import { STATUS_LABEL } from '../src/actions/state-machine.ts';
import { formatActionId } from '../src/actions/types.ts';
import { targetText } from '../src/actions/blocks.ts';
import { contextBlock, mrkdwn, sectionBlock, userMention, type Mrkdwn } from '../src/blocks/mrkdwn.ts';
import type { RenderedAnswer } from '../src/blocks/limits.ts';
import type { Outcome } from '../src/actions/outcome.ts';
import type { OpenActionRow } from '../src/actions/open-actions.ts';
import type { Action, HistoryRow } from '../src/actions/types.ts';

/** What `leak action` answers: the list, or one action with its history (and outcome so far). */
export type ActionResult =
  | { kind: 'list'; actions: OpenActionRow[]; all: boolean }
  | { kind: 'show' | 'created' | 'changed'; action: Action; history: HistoryRow[]; message: string; outcome?: Outcome | null };

const person = (user: string | null, nobody: Mrkdwn = mrkdwn`_unassigned_`) => (user ? userMention(user) : nobody);
const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';

export function renderActionBlocks(r: ActionResult): RenderedAnswer {
  if (r.kind === 'list') {
    const title = r.all ? 'All actions' : 'Open actions';
    const rows = r.actions.map((a): KnownBlock[] => [
      sectionBlock(mrkdwn`*${a.id}* ${a.title} · ${a.journey}\n${STATUS_LABEL[a.status]} · ${person(a.assignee, mrkdwn`${a.owner_team} (unassigned)`)} · ${a.age_days}d old`),
    ]);
    const none = mrkdwn`${title}: none. Create one with \`/leak action new JOURNEY "title" --team TEAM\` or the "I'll take it" button on a recommendation.`;
    const heading = r.actions.length ? mrkdwn`*${title} (${r.actions.length})*` : none;
    return { text: r.actions.length ? mrkdwn`${title} (${r.actions.length})` : none, head: [sectionBlock(heading)], rows, tail: [], unit: 'actions' };
  }
  const a = r.action;
  const status = mrkdwn`${STATUS_LABEL[a.status]}${a.shipDate ? ` (shipped ${a.shipDate})` : ''}${a.dismissReason ? mrkdwn`, dismissed: ${a.dismissReason}` : ''}`;
  const outcome = r.outcome ? mrkdwn`\nOutcome so far: ${r.outcome.sentence}` : '';
  const failed = a.postError ? mrkdwn` (${a.postAttempts} failed attempt${a.postAttempts === 1 ? '' : 's'} in ${a.channel ?? 'no channel'}, last: ${a.postError})` : '';
  const thread = a.channel && a.threadTs ? '' : mrkdwn`\nThread: not posted to Slack yet${failed}`;
  const head: KnownBlock[] = [
    sectionBlock(mrkdwn`${r.message}`),
    sectionBlock(mrkdwn`*${formatActionId(a.id)} · ${a.title}*\n${targetText(a)}\nTeam ${a.ownerTeam} · assignee ${person(a.assignee)} · ${status}${outcome}${thread}`),
  ];
  const rows = r.history.map((h): KnownBlock[] => [
    contextBlock(mrkdwn`${when(h.at)} · ${h.fromStatus ?? '-'} → ${h.toStatus} · ${person(h.byUser, mrkdwn`_unassigned_`)} via ${h.via}${h.detail ? mrkdwn` (${h.detail})` : ''}`),
  ]);
  return { text: mrkdwn`${r.message}`, head, rows, tail: [], unit: 'history entries' };
}
