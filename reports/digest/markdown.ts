/**
 * The digest as Markdown, for people without Slack and for the README: the same sentences as
 * the Slack message, with the charts embedded by relative path (written next to the file).
 */
import type { Digest } from './build.ts';

/**
 * Text from data or people, as Markdown that shows it as written: on one line (a line break could start
 * a heading, list or table), every character that could be markup escaped, and a leading list or
 * heading marker too. `&` is left alone: an entity only ever shows as a character, never as markup.
 */
const escapeMd = (s: string) =>
  oneLine(s)
    .replace(/([\\`*_[\]<>|#~])/g, '\\$1')
    .replace(/^([-+=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
const oneLine = (s: string) => s.replace(/\r\n|\r|\n/g, ' ');

export function renderDigestMarkdown(digest: Digest): string {
  const out: string[] = [`## ${escapeMd(digest.title)}`, '', `_${escapeMd(digest.subtitle)}_`, '', escapeMd(digest.headline), ''];
  out.push('| | |', '|---|---|', ...digest.facts.map((f) => `| ${escapeMd(f.label)} | ${escapeMd(f.value)} |`), '');
  for (const s of digest.sections) out.push(`### ${escapeMd(s.title)}`, '', ...s.lines.map((l) => `- ${escapeMd(l)}`), '');
  if (digest.actions.length) out.push('### Next best actions', '', ...digest.actions.map((a) => `- ${escapeMd(a.line)}`), '');
  out.push('### Charts', '');
  for (const c of digest.charts) {
    out.push(`#### ${escapeMd(c.title)}`, '');
    if (c.png) out.push(`![${oneLine(c.alt).replace(/[[\]]/g, '')}](${c.file})`, '', ...c.text.map((l) => `- ${escapeMd(l)}`), '');
    else out.push(`No chart: ${escapeMd(c.notice ?? '')}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
