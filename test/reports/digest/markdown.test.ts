/**
 * The digest folder's Markdown: text from data or people (error messages, notes, titles) is never
 * Markdown. A value that carries line breaks, headings, list markers, tables, links, images or HTML
 * stays inside its own line, shown as written.
 */
import { describe, expect, it } from 'vitest';
import { buildDigest } from '../../../reports/digest/build.ts';
import { renderDigestMarkdown } from '../../../reports/digest/markdown.ts';
import { createChartRenderer } from '../../../reports/charts/render.ts';
import { makeDeps } from '../../helpers/store.ts';

const HOSTILE = 'Payment failed\n\n# Injected heading\n- injected item\n| a | b |\n---\n<img src=x onerror=alert(1)> [Open the fix](https://evil.example) ![t](https://evil.example/p.png)\r\n> quoted';

describe('digest Markdown', () => {
  it('keeps hostile text on its own line, with no heading, list, table, link, image or HTML of its own', async () => {
    const empty = await buildDigest(makeDeps({ now: '2026-11-24T14:00:00Z' }), { date: '2026-11-23', role: 'ops', renderer: createChartRenderer() });
    const planted = (text: string) => ({
      ...empty,
      headline: text,
      facts: [{ label: text, value: text }],
      sections: [{ title: text, lines: [text] }],
      actions: [{ line: text, value: 'x' }],
      charts: empty.charts.map((c) => ({ ...c, title: text, notice: text, alt: text, text: [text] })),
    });
    const md = renderDigestMarkdown(planted(HOSTILE));
    // As many lines as with a plain word in every place: each value stayed on the line it was put on.
    expect(md.split('\n').length).toBe(renderDigestMarkdown(planted('plain')).split('\n').length);
    for (const line of md.split('\n')) {
      expect(line, line).not.toMatch(/^(#+ Injected|- injected|\| a|---$|> quoted)/);
      expect(line, line).not.toMatch(/(?<!\\)[<>]|(?<!\\)\]\(|(?<!\\)\[/);
    }
  });
});
