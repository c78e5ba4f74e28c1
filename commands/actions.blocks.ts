/**
 * /leak actions as Block Kit: each recommendation with its numbers and an "I'll take it" button
 * (action_take:n, value = the recommendation) that turns it into a tracked action owned by whoever
 * clicks, then the open tracked actions with owner and age. Written by the tracked-actions work
 * (issue 7); the command and its figures are commands/actions.ts.
 */
import type { KnownBlock } from '@slack/types';
import type { Config } from '../src/config.ts';
import { recommendationTakeButton } from '../src/actions/from-recommendation.ts';
import { STATUS_LABEL } from '../src/actions/state-machine.ts';
import { formatCount, formatMoney, formatPct, round1 } from '../src/format.ts';
import type { RenderedAnswer } from '../src/blocks/limits.ts';
import type { ActionsResult } from './actions.ts';
import { escapeMrkdwn } from '../src/blocks/mrkdwn.ts';

const perDay = (n: number) => (n >= 100 ? formatCount(n) : String(round1(n)));
const who = (u: string | null, team: string) => (u ? (/^[UW][A-Z0-9]+$/.test(u) ? `<@${u}>` : escapeMrkdwn(u)) : `${escapeMrkdwn(team)} (unassigned)`);

export function renderActionsBlocks(r: ActionsResult, _config: Config): RenderedAnswer {
  const head: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: `Next-best actions${r.journey ? ` for ${r.journey}` : ''} (${r.date})`, emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(r.headline) } },
  ];
  const rows: KnownBlock[][] = r.recommendations.map((x, i) => {
    const target = [x.targets.segment, x.targets.error_message && `"${x.targets.error_message}"`, x.targets.device, x.targets.channel, x.targets.language].filter(Boolean).join(' · ');
    return [
      {
        type: 'section',
        block_id: `rec:${i}`,
        fields: [
          { type: 'mrkdwn', text: `*${i + 1}. ${escapeMrkdwn(x.title)}*\n${escapeMrkdwn(x.journey)}${target ? ` · ${escapeMrkdwn(target)}` : ''}` },
          {
            type: 'mrkdwn',
            text: `${escapeMrkdwn(x.owner_team)} · effort ${x.effort} (${x.effort_weeks} wk)\nCuts ${formatPct(x.expected_reduction_pct)} · ${perDay(x.calls_avoided_per_day)} calls/day · ${formatMoney(x.savings_per_year)}/yr`,
          },
        ],
      },
      { type: 'actions', block_id: `take:${i}`, elements: [recommendationTakeButton(x, i)] },
    ];
  });
  const open = r.open_actions;
  const tail: KnownBlock[] = [
    {
      type: 'section',
      block_id: 'open_actions',
      text: {
        type: 'mrkdwn',
        text: open.length
          ? `*Open actions (${open.length})*\n${open
              .slice(0, 15)
              .map((o) => `• ${o.id} ${escapeMrkdwn(o.title)} — ${STATUS_LABEL[o.status]}, ${who(o.assignee, o.owner_team)}, ${o.age_days}d old`)
              .join('\n')}${open.length > 15 ? `\n…and ${open.length - 15} more (/leak action list)` : ''}`
          : '*Open actions*: none yet. Click "I\'ll take it" on a recommendation, or `/leak action new JOURNEY "title" --team TEAM`.',
      },
    },
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Leak cut = share of the journey\'s leaked calls the action removes. "I\'ll take it" creates a tracked action in this channel; its thread gets the before/after outcome once shipped.' }] },
  ];
  return { text: r.headline, head, rows, tail, unit: 'recommendations' };
}
