/**
 * The digest as a Slack message: Block Kit plus the plain-text fallback Slack shows in
 * notifications and to screen readers. The charts go up separately into the thread; here
 * each chart's numbers are written out, so the message stands on its own without images.
 * Fitted like every message (src/blocks/limits.ts): if it would be too long, later sections
 * are left out with a line saying how many, never the whole message refused by Slack.
 */
import type { KnownBlock } from '@slack/types';
import type { Digest } from './build.ts';
import { RECOMMENDATION_TAKE_ACTION_ID } from '../../src/actions/from-recommendation.ts';
import type { DigestChart } from './chart.ts';
import { contextBlock, dividerBlock, fieldsBlock, headerBlock, joinMrkdwn, mrkdwn, mrkdwnOf, sectionBlock, type Mrkdwn } from '../../src/blocks/mrkdwn.ts';
import { fitAnswer, LIMITS, truncate, type SlackMessage } from '../../src/blocks/limits.ts';

export type DigestMessage = SlackMessage;

const bullets = (lines: string[]) => joinMrkdwn(lines.map((l) => mrkdwn`• ${l}`), '\n');

export function buildDigestBlocks(digest: Digest): DigestMessage {
  const head: KnownBlock[] = [
    headerBlock(truncate(digest.title, LIMITS.header), false),
    contextBlock(mrkdwnOf(digest.subtitle)),
    sectionBlock(mrkdwnOf(digest.headline)),
    fieldsBlock(digest.facts.map((f) => mrkdwn`*${f.label}*\n${f.value}`)),
  ];
  const rows: KnownBlock[][] = digest.sections.map((s) => [sectionBlock(mrkdwn`*${s.title}*\n${bullets(s.lines)}`)]);
  if (digest.actions.length) {
    // One section per action with its button; action_ids stay unique in the message (action_take:n).
    const actions = digest.actions.map((a, i) =>
      sectionBlock(mrkdwnOf(a.line), {
        block_id: `digest_action_${i + 1}`,
        accessory: { type: 'button', text: { type: 'plain_text', text: "I'll take it" }, action_id: `${RECOMMENDATION_TAKE_ACTION_ID}:${i + 1}`, value: a.value },
      }),
    );
    rows.push([sectionBlock(mrkdwn`*Next best actions*`), actions[0]], ...actions.slice(1).map((b) => [b]));
  }
  const posted = digest.charts.filter((c) => c.png);
  rows.push([dividerBlock(), sectionBlock(posted.length ? mrkdwn`*Charts* (images in the thread; the numbers they show):` : mrkdwn`*Charts*`)]);
  for (const c of digest.charts) rows.push([sectionBlock(chartText(c))]);
  return fitAnswer({ text: fallbackText(digest), head, rows, tail: [], unit: 'digest sections' });
}

function chartText(c: DigestChart): Mrkdwn {
  if (!c.png) return mrkdwn`*${c.title}*: no chart. ${c.notice ?? ''}`;
  return mrkdwn`*${c.title}*\n${bullets(c.text)}`;
}

/** The notification line and what clients without Block Kit show. */
const fallbackText = (d: Digest): Mrkdwn => mrkdwn`${d.title}: ${d.headline}`;
