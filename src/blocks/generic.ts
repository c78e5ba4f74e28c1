/**
 * The Block Kit of a command without its own renderer: the headline (when the result has one) and
 * the CLI text in code blocks, split on line boundaries so each part stays under the section limit.
 * Member ids in the text get journey buttons.
 */
import type { KnownBlock } from '@slack/types';
import { headerBlock, mrkdwn, mrkdwnOf, sectionBlock } from './mrkdwn.ts';
import { memberButtons, memberIdsIn } from './elements.ts';
import { LIMITS, truncate, type RenderedAnswer } from './limits.ts';

/** What the generic renderer needs of a command. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type TextAnswering = { name: string; summary: string; renderText(result: any): string };

/** Room for the ``` fences and newlines around each chunk. */
const CHUNK = LIMITS.sectionText - 10;

export function renderGeneric(cmd: TextAnswering, result: unknown): RenderedAnswer {
  const text = cmd.renderText(result);
  const headline = headlineOf(result);
  const body = headline && text.startsWith(headline) ? text.slice(headline.length).replace(/^\n+/, '') : text;
  const head: KnownBlock[] = [headerBlock(truncate(titleOf(cmd), LIMITS.header))];
  if (headline) head.push(sectionBlock(mrkdwnOf(headline)));
  const rows = splitLines(body, CHUNK).map((chunk): KnownBlock[] => [sectionBlock(mrkdwn`\`\`\`${chunk}\`\`\``)]);
  return { text: mrkdwnOf(headline ?? truncate(text, LIMITS.text)), head, rows, tail: memberButtons(memberIdsIn(text)), unit: 'parts' };
}

const titleOf = (cmd: TextAnswering) => cmd.summary.split(/[:.(]/)[0].trim() || cmd.name;

function headlineOf(result: unknown): string | undefined {
  const h = result && typeof result === 'object' ? (result as { headline?: unknown }).headline : undefined;
  return typeof h === 'string' && h.trim() !== '' ? h : undefined;
}

/**
 * Splits text into chunks of at most `max` characters (after mrkdwn escaping, which can lengthen
 * &, < and >), breaking between lines; a single overlong line is cut.
 */
function splitLines(text: string, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  let currentCost = 0;
  for (const raw of text.split('\n')) {
    let line = raw;
    let lineCost = escapedLength(line);
    while (lineCost > max) {
      const cut = longestPrefix(line, max);
      if (current) chunks.push(current);
      chunks.push(line.slice(0, cut));
      current = '';
      currentCost = 0;
      line = line.slice(cut);
      lineCost = escapedLength(line);
    }
    if (current && currentCost + 1 + lineCost > max) {
      chunks.push(current);
      current = line;
      currentCost = lineCost;
    } else if (current) {
      current = `${current}\n${line}`;
      currentCost += 1 + lineCost;
    } else {
      current = line;
      currentCost = lineCost;
    }
  }
  if (current.trim() !== '') chunks.push(current);
  return chunks.length ? chunks : [' '];
}

/** Length after escaping (&amp; is 5, &lt; and &gt; 4), counted in one pass. */
const charCost = (c: string) => (c === '&' ? 5 : c === '<' || c === '>' ? 4 : 1);
const escapedLength = (s: string) => {
  let n = 0;
  for (const c of s) n += charCost(c);
  return n;
};

/** How many UTF-16 units of `s` fit in `max` escaped characters (never splitting a surrogate pair). */
function longestPrefix(s: string, max: number): number {
  let used = 0;
  let i = 0;
  for (const c of s) {
    used += charCost(c);
    if (used > max) break;
    i += c.length;
  }
  return Math.max(i, 1);
}
