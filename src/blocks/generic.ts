/**
 * The Block Kit of a command without its own renderer: the headline (when the result has one) and
 * the CLI text in code blocks, split on line boundaries so each part stays under the section limit.
 * Member ids in the text get journey buttons.
 */
import type { KnownBlock } from '@slack/types';
import { escapeMrkdwn } from './mrkdwn.ts';
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
  const head: KnownBlock[] = [{ type: 'header', text: { type: 'plain_text', text: truncate(titleOf(cmd), LIMITS.header), emoji: true } }];
  if (headline) head.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(headline) } });
  const rows = splitLines(body, CHUNK).map((chunk): KnownBlock[] => [{ type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${escapeMrkdwn(chunk)}\`\`\`` } }]);
  return { text: headline ?? truncate(text, LIMITS.text), head, rows, tail: memberButtons(memberIdsIn(text)), unit: 'parts' };
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
  const cost = (s: string) => escapeMrkdwn(s).length;
  for (const raw of text.split('\n')) {
    let line = raw;
    while (cost(line) > max) {
      let cut = max;
      while (cost(line.slice(0, cut)) > max) cut--;
      if (current) chunks.push(current);
      chunks.push(line.slice(0, cut));
      current = '';
      line = line.slice(cut);
    }
    const next = current ? `${current}\n${line}` : line;
    if (cost(next) > max) {
      chunks.push(current);
      current = line;
    } else current = next;
  }
  if (current.trim() !== '') chunks.push(current);
  return chunks.length ? chunks : [' '];
}
