/**
 * The digest as Markdown, for people without Slack and for the README: the same sentences as
 * the Slack message, with the charts embedded by relative path (written next to the file).
 */
import type { Digest } from './build.ts';

const escapeMd = (s: string) => s.replace(/([\\`*_[\]<>|])/g, '\\$1');

export function renderDigestMarkdown(digest: Digest): string {
  const out: string[] = [`## ${escapeMd(digest.title)}`, '', `_${escapeMd(digest.subtitle)}_`, '', escapeMd(digest.headline), ''];
  out.push('| | |', '|---|---|', ...digest.facts.map((f) => `| ${escapeMd(f.label)} | ${escapeMd(f.value)} |`), '');
  for (const s of digest.sections) out.push(`### ${escapeMd(s.title)}`, '', ...s.lines.map((l) => `- ${escapeMd(l)}`), '');
  if (digest.actions.length) out.push('### Next best actions', '', ...digest.actions.map((a) => `- ${escapeMd(a.line)}`), '');
  out.push('### Charts', '');
  for (const c of digest.charts) {
    out.push(`#### ${escapeMd(c.title)}`, '');
    if (c.png) out.push(`![${c.alt.replace(/[[\]]/g, '')}](${c.file})`, '', ...c.text.map((l) => `- ${escapeMd(l)}`), '');
    else out.push(`No chart: ${escapeMd(c.notice ?? '')}`, '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
