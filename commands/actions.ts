/**
 * "What should my teams do next?" Next-best actions ranked by ROI, computed from the measured leak
 * and the action catalog (src/actions/action-templates.json, or LEAK_ACTION_CATALOG), followed by
 * the open tracked actions so nobody proposes what a team already owns.
 */
import { queryOpenActions, type OpenActionRow } from '../src/actions/open-actions.ts';
import { renderOpenActionsText } from './open-actions-table.ts';
import { recommendActions, type Recommendation } from '../src/actions/recommendations.ts';
import { formatCount, formatMoney, formatPct, renderTable, round1 } from '../src/format.ts';
import { dateArg, journeyArg, noMorePositionals, numberArg } from './args.ts';
import { defineCommand } from './types.ts';
import type { Context } from '../src/context.ts';

export const DEFAULT_TOP = 8;

export type ActionsResult = { date: string; journey: string | null; recommendations: Recommendation[]; more: number; open_actions: OpenActionRow[]; headline: string };

export function queryActions(ctx: Context, a: { date: string; journey?: string; top: number }): ActionsResult {
  const all = recommendActions(ctx, { date: a.date, journey: a.journey });
  const open = queryOpenActions(ctx).filter((o) => !a.journey || o.journey === a.journey);
  const top = all[0];
  const headline = top
    ? `Best return${a.journey ? ` for ${a.journey}` : ''}: ${top.title} (${top.owner_team}, effort ${top.effort} ≈ ${top.effort_weeks} wk) cuts the ${top.journey} leak ${Math.round(top.expected_reduction_pct)}% and saves ${formatMoney(top.savings_per_year)} a year, ${roiText(top.roi)} its cost.`
    : `No measured leak${a.journey ? ` for ${a.journey}` : ''} in the 7 days before ${a.date}: nothing to recommend yet.`;
  return { date: a.date, journey: a.journey ?? null, recommendations: all.slice(0, a.top), more: Math.max(0, all.length - a.top), open_actions: open, headline };
}

const roiText = (roi: number) => `${roi >= 10 ? Math.round(roi) : round1(roi)}×`;
const calls = (n: number) => (n >= 100 ? formatCount(n) : String(round1(n)));

export const actionsCommand = defineCommand({
  name: 'actions',
  summary: 'What should my teams do next: next-best actions ranked by ROI, and the open tracked actions',
  args: '[JOURNEY]',
  options: [{ name: 'top', type: 'string', value: 'N', description: `how many recommendations to show, 1-50 (default ${DEFAULT_TOP})` }],
  query: true,
  parse: (parsed, ctx) => {
    noMorePositionals(parsed, 1, 'leak actions [JOURNEY] [--top N] [--date YYYY-MM-DD] [--json]');
    return { date: dateArg(parsed, ctx), journey: journeyArg(parsed.positionals[0], ctx), top: Math.floor(numberArg(parsed, 'top', 1, 50, DEFAULT_TOP)!) };
  },
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
              calls(x.calls_avoided_per_day),
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
});
