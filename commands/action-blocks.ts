/**
 * `/leak action …` in Slack: the same facts as the terminal text, with people as mentions (<@U…>,
 * which Slack shows as names) instead of raw ids, and everything typed by people escaped.
 */
import type { KnownBlock } from '@slack/types';
import { STATUS_LABEL } from '../src/actions/state-machine.ts';
import { formatActionId } from '../src/actions/types.ts';
import { targetText } from '../src/actions/blocks.ts';
import { escapeMrkdwn } from '../src/blocks/mrkdwn.ts';
import type { RenderedAnswer } from '../src/blocks/limits.ts';
import { mentionOf } from '../src/mentions.ts';
import type { Outcome } from '../src/actions/outcome.ts';
import type { OpenActionRow } from '../src/actions/open-actions.ts';
import type { Action, HistoryRow } from '../src/actions/types.ts';

/** What `leak action` answers: the list, or one action with its history (and outcome so far). */
export type ActionResult =
  | { kind: 'list'; actions: OpenActionRow[]; all: boolean }
  | { kind: 'show' | 'created' | 'changed'; action: Action; history: HistoryRow[]; message: string; outcome?: Outcome | null };

const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });
const when = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + 'Z';

export function renderActionBlocks(r: ActionResult): RenderedAnswer {
  if (r.kind === 'list') {
    const title = r.all ? 'All actions' : 'Open actions';
    const rows = r.actions.map((a): KnownBlock[] => [
      section(`*${a.id}* ${escapeMrkdwn(a.title)} · ${escapeMrkdwn(a.journey)}\n${STATUS_LABEL[a.status]} · ${mentionOf(a.assignee, `${escapeMrkdwn(a.owner_team)} (unassigned)`)} · ${a.age_days}d old`),
    ]);
    const none = `${title}: none. Create one with \`/leak action new JOURNEY "title" --team TEAM\` or the "I'll take it" button on a recommendation.`;
    return { text: r.actions.length ? `${title} (${r.actions.length})` : none, head: [section(r.actions.length ? `*${title} (${r.actions.length})*` : none)], rows, tail: [], unit: 'actions' };
  }
  const a = r.action;
  const status = `${STATUS_LABEL[a.status]}${a.shipDate ? ` (shipped ${a.shipDate})` : ''}${a.dismissReason ? `, dismissed: ${escapeMrkdwn(a.dismissReason)}` : ''}`;
  const head: KnownBlock[] = [
    section(escapeMrkdwn(r.message)),
    section(
      `*${formatActionId(a.id)} · ${escapeMrkdwn(a.title)}*\n${escapeMrkdwn(targetText(a))}\nTeam ${escapeMrkdwn(a.ownerTeam)} · assignee ${mentionOf(a.assignee)} · ${status}` +
        (r.outcome ? `\nOutcome so far: ${escapeMrkdwn(r.outcome.sentence)}` : ''),
    ),
  ];
  const rows = r.history.map((h): KnownBlock[] => [
    { type: 'context', elements: [{ type: 'mrkdwn', text: `${when(h.at)} · ${h.fromStatus ?? '-'} → ${h.toStatus} · ${mentionOf(h.byUser)} via ${h.via}${h.detail ? ` (${escapeMrkdwn(h.detail)})` : ''}` }] },
  ]);
  return { text: r.message, head, rows, tail: [], unit: 'history entries' };
}
