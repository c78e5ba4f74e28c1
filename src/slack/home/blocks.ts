/** The Home tab as Block Kit: pure, from HomeData, fitted to the view limit (100 blocks). */
import type { KnownBlock, View } from '@slack/types';
import { formatCount, formatMoney, formatPct } from '../../format.ts';
import { STATUS_LABEL } from '../../actions/state-machine.ts';
import { escapeMrkdwn } from '../../blocks/mrkdwn.ts';
import { mentionOf } from '../../mentions.ts';
import { fitAnswer, LIMITS, truncate } from '../../blocks/limits.ts';
import type { HomeData } from './query.ts';

const calls = (n: number) => `${formatCount(n)} call${n === 1 ? '' : 's'}`;

/** Top leaks listed; the rest are one /leak today away. */
const TOP = 5;
const ACTIONS_SHOWN = 10;

const trend = (pct: number | null) => (pct === null ? 'no earlier week' : `${formatPct(pct, true)} vs 7-day avg`);

export function buildHomeBlocks(data: HomeData): View {
  const { today } = data;
  const head: KnownBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: 'Leak: command center', emoji: true } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: `Updated ${data.updated_at} · ${today.date} · refreshed each time you open this tab` }] },
    { type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(today.headline) } },
    { type: 'header', text: { type: 'plain_text', text: 'Top leaks today', emoji: true } },
  ];
  const rows: KnownBlock[][] = today.journeys.slice(0, TOP).map((j) => [
    {
      type: 'section',
      fields: [
        { type: 'mrkdwn', text: `*${escapeMrkdwn(j.journey)}*\n${calls(j.calls)} · ${formatMoney(j.cost)}` },
        { type: 'mrkdwn', text: `Top segment: ${escapeMrkdwn(j.top_segment ?? '—')}\n${trend(j.trend_pct)}` },
      ],
    },
  ]);
  if (today.journeys.length === 0) rows.push([{ type: 'section', text: { type: 'mrkdwn', text: 'No leaked calls so far today.' } }]);
  const tail: KnownBlock[] = [];
  if (today.journeys.length > TOP) {
    tail.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Top ${TOP} of ${today.journeys.length} leaking journeys; \`/leak today\` lists them all.` }] });
  }
  tail.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: 'Biggest mover', emoji: true } });
  const m = data.mover;
  tail.push({
    type: 'section',
    text: {
      type: 'mrkdwn',
      text: m
        ? `*${escapeMrkdwn(m.journey)}*: ${calls(m.calls)} vs ${formatCount(Math.round(m.prior_mean))} on an average day before (${m.change > 0 ? 'up' : 'down'} ${formatCount(Math.abs(Math.round(m.change)))}, ${formatPct(m.trend_pct, true)}).`
        : 'Nothing moved against the 7-day average yet.',
    },
  });
  tail.push({ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: 'Open actions', emoji: true } });
  if (data.actions.length === 0) {
    tail.push({ type: 'section', text: { type: 'mrkdwn', text: 'No open actions. Recommendations offer an "I\'ll take it" button.' } });
  } else {
    const lines = data.actions
      .slice(0, ACTIONS_SHOWN)
      .map((a) => `*${a.id}* ${escapeMrkdwn(a.journey)} · ${escapeMrkdwn(truncate(a.title, 80))}\n      ${STATUS_LABEL[a.status]} · owner ${mentionOf(a.assignee, `${escapeMrkdwn(a.owner_team)} (unassigned)`)} · ${a.age_days}d old`);
    tail.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), LIMITS.sectionText) } });
    if (data.actions.length > ACTIONS_SHOWN) {
      tail.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Showing ${ACTIONS_SHOWN} of ${data.actions.length} open actions.` }] });
    }
  }
  tail.push(...alertBlocks(data), ...digestFailureBlocks(data));
  const fitted = fitAnswer({ text: today.headline, head, rows, tail, unit: 'journeys' }, { maxBlocks: LIMITS.viewBlocks });
  return { type: 'home', blocks: fitted.blocks };
}

const ALERTS_SHOWN = 5;

function alertBlocks(data: HomeData): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'divider' }, { type: 'header', text: { type: 'plain_text', text: 'Open alerts', emoji: true } }];
  if (data.alerts.length === 0) {
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: 'No open alerts.' } });
    return blocks;
  }
  const lines = data.alerts.slice(0, ALERTS_SHOWN).map((a) => `*#${a.id}* ${escapeMrkdwn(truncate(a.text, 200))}`);
  blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), LIMITS.sectionText) } });
  if (data.alerts.length > ALERTS_SHOWN) {
    blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: `Showing ${ALERTS_SHOWN} of ${data.alerts.length} open alerts; \`/leak alerts\` lists them all.` }] });
  }
  return blocks;
}

/** Shown only when something went wrong: a digest that failed or may not have gone out. */
function digestFailureBlocks(data: HomeData): KnownBlock[] {
  if (data.digestFailures.length === 0) return [];
  const lines = data.digestFailures.map(
    (d) => `*${escapeMrkdwn(d.channel)}* ${d.digest_date} (${d.role}): ${d.status}${d.error ? ` — ${escapeMrkdwn(truncate(d.error, 200))}` : ''}`,
  );
  return [
    { type: 'divider' },
    { type: 'header', text: { type: 'plain_text', text: 'Digests that did not go out', emoji: true } },
    { type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), LIMITS.sectionText) } },
  ];
}
