/**
 * `leak today`: what's breaking right now, per journey (src/leakage/today.ts). In Slack, which has
 * no table block, each journey is one section with two fields (numbers | who and trend): two columns
 * on a desktop, stacked on a phone, readable both ways, with "Who is affected?" and "Why?" buttons.
 */
import type { KnownBlock } from '@slack/types';
import { formatCount, formatMoney, formatPct, renderTable, plural } from '../src/format.ts';
import { weekdayName } from '../src/time.ts';
import type { Config } from '../src/config.ts';
import { buttonsBlock, runButton } from '../src/blocks/elements.ts';
import { contextBlock, fieldsBlock, headerBlock, mrkdwn, mrkdwnOf, sectionBlock } from '../src/blocks/mrkdwn.ts';
import type { RenderedAnswer } from '../src/blocks/limits.ts';
import { queryToday, type TodayJourney, type TodayResult } from '../src/leakage/today.ts';
import { dateArg } from './args.ts';
import { defineCommand, EVERYWHERE } from './command.ts';

const calls = (n: number) => plural(n, 'call');

const arrow = (pct: number) => (pct > 0 ? ':arrow_up:' : pct < 0 ? ':arrow_down:' : ':left_right_arrow:');
/** "⬆ +25.6% vs 7-day avg · +5.8% vs Mondays": the weekday comparison too when the store holds one. */
const trendWord = (pct: number | null, weekday: number | null | undefined, day: string) =>
  pct === null
    ? 'no earlier week'
    : `${arrow(weekday ?? pct)} ${formatPct(pct, true)} vs 7-day avg${weekday == null ? '' : ` · ${formatPct(weekday, true)} vs ${day}s`}`;

function journeyRow(j: TodayJourney, date: string): KnownBlock[] {
  return [
    fieldsBlock(
      [mrkdwn`*${j.journey}*\n${calls(j.calls)} · ${formatMoney(j.cost)}`, mrkdwn`Top segment: ${j.top_segment ?? '—'}\n${trendWord(j.trend_pct, j.weekday_pct, weekdayName(date))}`],
      { block_id: `journey:${j.journey}` },
    ),
    ...buttonsBlock(
      [runButton('Who is affected?', `segments ${j.journey} --date ${date}`), runButton('Why?', `why ${j.journey} --date ${date}`)],
      `next:${j.journey}`,
    ),
  ];
}

export function renderTodayBlocks(r: TodayResult, config: Pick<Config, 'windowMinutes' | 'costPerCall'>): RenderedAnswer {
  const title = r.partial_through ? `Leakage today (${r.date})` : `Leakage on ${r.date}`;
  const head: KnownBlock[] = [
    headerBlock(title),
    sectionBlock(mrkdwnOf(r.headline)),
  ];
  const when = r.partial_through
    ? `${r.date} through ${r.partial_through} ${r.time_zone}; trend compares the same hours of the 7 days before, and of the same weekday up to 4 weeks back`
    : `${r.date}, whole day, ${r.time_zone}; trend compares with the mean of the 7 days before, and with the same weekday up to 4 weeks back`;
  if (r.data_note) head.push(contextBlock(mrkdwn`:warning: ${r.data_note}`));
  const tail: KnownBlock[] = [];
  if (r.journeys.length > 0) {
    tail.push(
      fieldsBlock(
        [
          mrkdwn`*Total*\n${calls(r.total.calls)} · ${formatMoney(r.total.cost)}`,
          mrkdwn`${r.journeys.length} leaking journey${r.journeys.length === 1 ? '' : 's'}\n${trendWord(r.total.trend_pct, r.total.weekday_pct, weekdayName(r.date))}`,
        ],
        { block_id: 'total' },
      ),
    );
  }
  tail.push(contextBlock(mrkdwnOf(when), mrkdwn`Leaked call: a call within ${config.windowMinutes} min of a failed digital step · cost ${formatMoney(config.costPerCall)} a call`));
  return {
    text: mrkdwnOf(r.headline),
    head,
    rows: r.journeys.map((j) => journeyRow(j, r.date)),
    tail,
    unit: 'journeys',
  };
}

export default defineCommand({
  name: 'today',
  summary: "What's breaking right now: leaked calls and cost by journey, with the 7-day trend",
  args: { positionals: [], options: [] },
  query: true,
  surfaces: EVERYWHERE,
  examples: [{ line: 'today', what: "what's breaking right now", onStart: true }],
  parse: (parsed, ctx) => ({ date: dateArg(parsed, ctx) }),
  run: (args: { date: string }, ctx) => queryToday(ctx, args.date),
  renderText: (r: TodayResult) =>
    [
      r.headline,
      '',
      renderTable(
        ['journey', 'calls', 'cost', 'top segment', 'trend vs 7d', `vs ${weekdayName(r.date)}s`],
        [
          ...r.journeys.map((j) => [j.journey, formatCount(j.calls), formatMoney(j.cost), j.top_segment ?? '-', formatPct(j.trend_pct, true), formatPct(j.weekday_pct ?? null, true)]),
          ['total', formatCount(r.total.calls), formatMoney(r.total.cost), '', formatPct(r.total.trend_pct, true), formatPct(r.total.weekday_pct ?? null, true)],
        ],
      ),
      '',
      r.partial_through
        ? `${r.date} so far (through ${r.partial_through} ${r.time_zone}${r.stale ? ', the newest data' : ''}); trend compares the same hours of the 7 days before, and of the same weekday up to 4 weeks back.`
        : `${r.date}, whole day (${r.time_zone}); trend compares with the mean of the 7 days before, and with the same weekday up to 4 weeks back.`,
      ...(r.data_note ? [r.data_note] : []),
    ].join('\n'),
  renderBlocks: renderTodayBlocks,
});
