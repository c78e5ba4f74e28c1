/** The Home tab as Block Kit: pure, from HomeData, fitted to the view limit (100 blocks). */
import type { KnownBlock, View } from '@slack/types';
import { formatCount, formatMoney, formatPct, plural } from '../../format.ts';
import { weekdayName } from '../../time.ts';
import { STATUS_LABEL } from '../../actions/state-machine.ts';
import { contextBlock, dividerBlock, fieldsBlock, headerBlock, joinMrkdwn, mrkdwn, mrkdwnOf, sectionBlock, userMention } from '../../blocks/mrkdwn.ts';
import { fitAnswer, LIMITS, truncate } from '../../blocks/limits.ts';
import type { HomeData } from './query.ts';

const calls = (n: number) => plural(n, 'call');

/** Top leaks listed; the rest are one /leak today away. */
const TOP = 5;
const ACTIONS_SHOWN = 10;

const trend = (pct: number | null) => (pct === null ? 'no earlier week' : `${formatPct(pct, true)} vs 7-day avg`);

export function buildHomeBlocks(data: HomeData): View {
  const { today } = data;
  const head: KnownBlock[] = [
    headerBlock('Leak: command center'),
    contextBlock(mrkdwn`Updated ${data.updated_at} · ${today.date} · refreshed each time you open this tab`),
    ...(data.eventLog ? [contextBlock(mrkdwn`${data.eventLog}`)] : []),
    sectionBlock(mrkdwnOf(today.headline)),
    ...(today.data_note ? [contextBlock(mrkdwn`:warning: ${today.data_note}`)] : []),
    headerBlock('Top leaks today'),
  ];
  const rows: KnownBlock[][] = today.journeys
    .slice(0, TOP)
    .map((j) => [fieldsBlock([mrkdwn`*${j.journey}*\n${calls(j.calls)} · ${formatMoney(j.cost)}`, mrkdwn`Top segment: ${j.top_segment ?? '—'}\n${trend(j.trend_pct)}`])]);
  if (today.journeys.length === 0) rows.push([sectionBlock(mrkdwn`No leaked calls so far today.`)]);
  const tail: KnownBlock[] = [];
  if (today.journeys.length > TOP) tail.push(contextBlock(mrkdwn`Top ${TOP} of ${today.journeys.length} leaking journeys; \`/leak today\` lists them all.`));
  tail.push(dividerBlock(), headerBlock('Biggest mover'));
  const m = data.mover;
  tail.push(
    sectionBlock(
      m
        ? mrkdwn`*${m.journey}*: ${calls(m.calls)} vs ${formatCount(Math.round(m.prior_mean))} on ${m.basis === 'weekday' ? `a usual ${weekdayName(today.date)}` : 'an average day before'} (${m.change > 0 ? 'up' : 'down'} ${formatCount(Math.abs(Math.round(m.change)))}${m.trend_pct === null ? ', new' : `, ${formatPct(m.trend_pct, true)}`}).`
        : mrkdwn`Nothing moved against the 7-day average yet.`,
    ),
  );
  tail.push(dividerBlock(), headerBlock('Open actions'));
  if (data.actions.length === 0) {
    tail.push(sectionBlock(mrkdwn`No open actions. Recommendations offer an "I'll take it" button.`));
  } else {
    const lines = data.actions
      .slice(0, ACTIONS_SHOWN)
      .map((a) => mrkdwn`*${a.id}* ${a.journey} · ${truncate(a.title, 80)}\n      ${STATUS_LABEL[a.status]} · owner ${a.assignee ? userMention(a.assignee) : mrkdwn`${a.owner_team} (unassigned)`} · ${a.age_days}d old`);
    tail.push(sectionBlock(joinMrkdwn(lines, '\n')));
    if (data.actions.length > ACTIONS_SHOWN) tail.push(contextBlock(mrkdwn`Showing ${ACTIONS_SHOWN} of ${data.actions.length} open actions.`));
  }
  tail.push(...alertBlocks(data), ...digestFailureBlocks(data));
  const fitted = fitAnswer({ text: mrkdwnOf(today.headline), head, rows, tail, unit: 'journeys' }, { maxBlocks: LIMITS.viewBlocks });
  return { type: 'home', blocks: fitted.blocks };
}

const ALERTS_SHOWN = 5;

function alertBlocks(data: HomeData): KnownBlock[] {
  const blocks: KnownBlock[] = [dividerBlock(), headerBlock('Open alerts')];
  if (data.alerts.length === 0) {
    blocks.push(sectionBlock(mrkdwn`No open alerts.`));
    return blocks;
  }
  const lines = data.alerts.slice(0, ALERTS_SHOWN).map((a) => mrkdwn`*#${a.id}* ${truncate(a.text, 200)}`);
  blocks.push(sectionBlock(joinMrkdwn(lines, '\n')));
  if (data.alerts.length > ALERTS_SHOWN) blocks.push(contextBlock(mrkdwn`Showing ${ALERTS_SHOWN} of ${data.alerts.length} open alerts; \`/leak alerts\` lists them all.`));
  return blocks;
}

/** Shown only when something went wrong: a digest that failed or may not have gone out. */
function digestFailureBlocks(data: HomeData): KnownBlock[] {
  if (data.digestFailures.length === 0) return [];
  const lines = data.digestFailures.map((d) => mrkdwn`*${d.channel}* ${d.digest_date} (${d.role}): ${d.status}${d.error ? mrkdwn` — ${truncate(d.error, 200)}` : ''}`);
  return [dividerBlock(), headerBlock('Digests that did not go out'), sectionBlock(joinMrkdwn(lines, '\n'))];
}
