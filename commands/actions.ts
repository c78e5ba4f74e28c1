/**
 * "What should my teams do next?" Next-best actions ranked by ROI, computed from the measured leak
 * and the action catalog (src/actions/action-templates.json, or LEAK_ACTION_CATALOG), followed by
 * the open tracked actions so nobody proposes what a team already owns. In Slack each recommendation
 * has an "I'll take it" button (action_take:n, value = the recommendation) that turns it into a
 * tracked action owned by whoever clicks.
 */
import type { KnownBlock } from '@slack/types';
import { recommendationTakeButton } from '../src/actions/from-recommendation.ts';
import { STATUS_LABEL } from '../src/actions/state-machine.ts';
import type { RenderedAnswer } from '../src/blocks/limits.ts';
import { contextBlock, fieldsBlock, headerBlock, joinMrkdwn, mrkdwn, mrkdwnOf, sectionBlock, userMention } from '../src/blocks/mrkdwn.ts';
import { queryOpenActions, type OpenActionRow } from '../src/actions/open-actions.ts';
import { renderOpenActionsText } from './open-actions-table.ts';
import { recommendActions, type Recommendation } from '../src/actions/recommendations.ts';
import { formatMoney, formatPct, formatPerDay, renderTable, round1 } from '../src/format.ts';
import { dateArg, journeyArg, wholeArg } from './args.ts';
import { defineCommand, EVERYWHERE } from './command.ts';
import type { Context } from '../src/context.ts';

const DEFAULT_TOP = 8;

export type ActionsResult = { date: string; journey: string | null; recommendations: Recommendation[]; more: number; open_actions: OpenActionRow[]; headline: string };

function queryActions(ctx: Context, a: { date: string; journey?: string; top: number }): ActionsResult {
  const all = recommendActions(ctx, { date: a.date, journey: a.journey });
  const open = queryOpenActions(ctx).filter((o) => !a.journey || o.journey === a.journey);
  const top = all[0];
  const headline = top
    ? `Best return${a.journey ? ` for ${a.journey}` : ''}: ${top.title} (${top.owner_team}, effort ${top.effort} ≈ ${top.effort_weeks} wk) cuts the ${top.journey} leak ${Math.round(top.expected_reduction_pct)}% and saves ${formatMoney(top.savings_per_year)} a year, ${roiText(top.roi)} its cost.`
    : `No measured leak${a.journey ? ` for ${a.journey}` : ''} in the 7 days before ${a.date}: nothing to recommend yet.`;
  return { date: a.date, journey: a.journey ?? null, recommendations: all.slice(0, a.top), more: Math.max(0, all.length - a.top), open_actions: open, headline };
}

const roiText = (roi: number) => `${roi >= 10 ? Math.round(roi) : round1(roi)}×`;

export default defineCommand({
  name: 'actions',
  summary: 'What should my teams do next: next-best actions ranked by ROI, and the open tracked actions',
  args: {
    positionals: [{ name: 'JOURNEY', description: 'one journey (default: every leaking journey)' }],
    options: [{ name: 'top', type: 'string', value: 'N', description: `how many recommendations to show, 1-50 (default ${DEFAULT_TOP})` }],
  },
  query: true,
  surfaces: EVERYWHERE,
  examples: [{ line: 'actions', what: 'the best next actions for every leaking journey, and the tracked ones with their owners', onStart: true }],
  parse: (parsed, ctx) => ({ date: dateArg(parsed, ctx, 'date', { reachBack: 7 }), journey: journeyArg(parsed.positionals[0], ctx), top: wholeArg(parsed, 'top', 1, 50, DEFAULT_TOP)! }),
  run: (args: { date: string; journey?: string; top: number }, ctx) => queryActions(ctx, args),
  renderText: (r: ActionsResult) =>
    [
      r.headline,
      '',
      r.recommendations.length
        ? renderTable(
            ['action', 'owner', 'effort', 'leak cut', 'calls/day', 'a year', 'ROI'],
            r.recommendations.map((x, i) => [
              `${i + 1}. ${x.journey}: ${x.title.length > 60 ? `${x.title.slice(0, 59)}…` : x.title}`,
              x.owner_team,
              `${x.effort} ${x.effort_weeks}wk`,
              formatPct(x.expected_reduction_pct),
              formatPerDay(x.calls_avoided_per_day),
              formatMoney(x.savings_per_year),
              roiText(x.roi),
            ]),
          )
        : '',
      r.more ? `(${r.more} more; --top N to see them)` : '',
      'Leak cut = share of the journey\'s leaked calls the action removes; ROI = savings a year ÷ effort cost (catalog: effort_week_cost).',
      '',
      renderOpenActionsText(r.open_actions),
    ]
      .filter((l, i, all) => l !== '' || all[i - 1] !== '')
      .join('\n'),
  renderBlocks: renderActionsBlocks,
});

const who = (u: string | null, team: string) => (u ? userMention(u) : mrkdwn`${team} (unassigned)`);

function renderActionsBlocks(r: ActionsResult): RenderedAnswer {
  const head: KnownBlock[] = [headerBlock(`Next-best actions${r.journey ? ` for ${r.journey}` : ''} (${r.date})`), sectionBlock(mrkdwnOf(r.headline))];
  const rows: KnownBlock[][] = r.recommendations.map((x, i) => {
    const target = [x.targets.segment, x.targets.error_message && `"${x.targets.error_message}"`, x.targets.device, x.targets.channel, x.targets.language].filter(Boolean).join(' · ');
    return [
      fieldsBlock(
        [
          mrkdwn`*${i + 1}. ${x.title}*\n${x.journey}${target ? mrkdwn` · ${target}` : ''}`,
          mrkdwn`${x.owner_team} · effort ${x.effort} (${x.effort_weeks} wk)\nCuts ${formatPct(x.expected_reduction_pct)} · ${formatPerDay(x.calls_avoided_per_day)} calls/day · ${formatMoney(x.savings_per_year)}/yr`,
        ],
        { block_id: `rec:${i}` },
      ),
      { type: 'actions', block_id: `take:${i}`, elements: [recommendationTakeButton(x, i, r.date)] },
    ];
  });
  const open = r.open_actions;
  const openLines = open.slice(0, 15).map((o) => mrkdwn`• ${o.id} ${o.title} — ${STATUS_LABEL[o.status]}, ${who(o.assignee, o.owner_team)}, ${o.age_days}d old`);
  const tail: KnownBlock[] = [
    sectionBlock(
      open.length
        ? mrkdwn`*Open actions (${open.length})*\n${joinMrkdwn(openLines, '\n')}${open.length > 15 ? mrkdwn`\n…and ${open.length - 15} more (/leak action list)` : ''}`
        : mrkdwn`*Open actions*: none yet. Click "I'll take it" on a recommendation, or \`/leak action new JOURNEY "title" --team TEAM\`.`,
      { block_id: 'open_actions' },
    ),
    contextBlock(mrkdwn`Leak cut = share of the journey's leaked calls the action removes. "I'll take it" creates a tracked action in this channel; its thread gets the before/after outcome once shipped.`),
  ];
  return { text: mrkdwnOf(r.headline), head, rows, tail, unit: 'recommendations' };
}
