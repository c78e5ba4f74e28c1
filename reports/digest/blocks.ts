/**
 * The digest as a Slack message: Block Kit plus the plain-text fallback Slack shows in
 * notifications and to screen readers. The charts go up separately into the thread; here
 * each chart's numbers are written out, so the message stands on its own without images.
 */
import type { Digest } from './build.ts';
import { RECOMMENDATION_TAKE_ACTION_ID } from '../../src/actions/from-recommendation.ts';
import type { DigestChart } from './chart.ts';
import { escapeMrkdwn } from '../../src/blocks/mrkdwn.ts';

// Block Kit limits (platform notes): section text 3,000; header 150; fields 10 × 2,000.
const SECTION_MAX = 3000;
const HEADER_MAX = 150;

export type SlackBlock = Record<string, unknown>;
export type DigestMessage = { text: string; blocks: SlackBlock[] };


const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);
const section = (text: string): SlackBlock => ({ type: 'section', text: { type: 'mrkdwn', text: clip(text, SECTION_MAX) } });
const bullets = (lines: string[]) => lines.map((l) => `• ${escapeMrkdwn(l)}`).join('\n');

export function buildDigestBlocks(digest: Digest): DigestMessage {
  const blocks: SlackBlock[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(digest.title, HEADER_MAX), emoji: false } },
    { type: 'context', elements: [{ type: 'mrkdwn', text: escapeMrkdwn(digest.subtitle) }] },
    section(escapeMrkdwn(digest.headline)),
    { type: 'section', fields: digest.facts.map((f) => ({ type: 'mrkdwn', text: `*${escapeMrkdwn(f.label)}*\n${escapeMrkdwn(f.value)}` })) },
  ];
  for (const s of digest.sections) blocks.push(section(`*${escapeMrkdwn(s.title)}*\n${bullets(s.lines)}`));
  if (digest.actions.length) {
    blocks.push(section('*Next best actions*'));
    // One section per action with its button; action_ids stay unique in the message (action_take:n).
    digest.actions.forEach((a, i) =>
      blocks.push({
        ...section(escapeMrkdwn(a.line)),
        block_id: `digest_action_${i + 1}`,
        accessory: { type: 'button', text: { type: 'plain_text', text: "I'll take it" }, action_id: `${RECOMMENDATION_TAKE_ACTION_ID}:${i + 1}`, value: a.value },
      }),
    );
  }
  blocks.push({ type: 'divider' });
  const posted = digest.charts.filter((c) => c.png);
  blocks.push(section(posted.length ? `*Charts* (images in the thread; the numbers they show):` : '*Charts*'));
  for (const c of digest.charts) blocks.push(section(chartText(c)));
  return { text: fallbackText(digest), blocks };
}

function chartText(c: DigestChart): string {
  if (!c.png) return `*${escapeMrkdwn(c.title)}*: no chart. ${escapeMrkdwn(c.notice ?? '')}`;
  return `*${escapeMrkdwn(c.title)}*\n${bullets(c.text)}`;
}

/** The notification line and what clients without Block Kit show. */
function fallbackText(d: Digest): string {
  return `${d.title}: ${d.headline}`;
}
