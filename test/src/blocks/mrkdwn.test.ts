/** The one escaping helper: values are never markup, the app's own markup and mentions are; nothing else builds mrkdwn. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { channelMention, code, joinMrkdwn, mrkdwn, mrkdwnOf, plainTextOf, truncateMarkup, userMention } from '../../../src/blocks/mrkdwn.ts';
import { fitMessage } from '../../../src/blocks/limits.ts';

const HOSTILE = '<!here> <@U123> <https://evil.example|click> &amp; *bold*';

describe('the mrkdwn tag', () => {
  it('escapes every interpolated value and keeps the literal markup', () => {
    expect(mrkdwn`*${HOSTILE}* ${3}`.text).toBe('*&lt;!here&gt; &lt;@U123&gt; &lt;https://evil.example|click&gt; &amp;amp; *bold** 3');
  });

  it('keeps Mrkdwn values as they are, so pieces compose without double escaping', () => {
    const inner = mrkdwn`owner ${userMention('U0ALICE01')} of ${'A&B'}`;
    expect(mrkdwn`${inner} · ${'<x>'}`.text).toBe('owner <@U0ALICE01> of A&amp;B · &lt;x&gt;');
    expect(joinMrkdwn([inner, '<y>'], '\n').text).toBe('owner <@U0ALICE01> of A&amp;B\n&lt;y&gt;');
  });

  it('mentions only what is a Slack id; anything typed is text', () => {
    expect(userMention('U0ALICE01').text).toBe('<@U0ALICE01>');
    expect(userMention('<@U123>').text).toBe('&lt;@U123&gt;');
    expect(userMention('@bob').text).toBe('@bob');
    expect(channelMention('C0LEAKS01').text).toBe('<#C0LEAKS01>');
    expect(channelMention('#leaks').text).toBe('#leaks');
    expect(code('/leak <command>').text).toBe('`/leak &lt;command&gt;`');
  });

  it('cuts without breaking an entity or a mention', () => {
    const escaped = mrkdwnOf('abc<def').text; // abc&lt;def
    expect(truncateMarkup(escaped, 6)).toBe('abc…');
    expect(truncateMarkup(escaped, 9)).toBe('abc&lt;d…');
    expect(truncateMarkup(mrkdwn`x ${userMention('U0ALICE01')} y`.text, 8)).toBe('x …');
  });

  it('reads back as plain text for the terminal', () => {
    expect(plainTextOf(mrkdwn`${'<a> & b'} by ${userMention('U0BOB0001')}`)).toBe('<a> & b by @U0BOB0001');
  });

  it('the fitted text fallback is escaped and within the limit', () => {
    const m = fitMessage(mrkdwnOf(`<!channel>${'x'.repeat(5000)}`));
    expect(m.text.startsWith('&lt;!channel&gt;')).toBe(true);
    expect(m.text.length).toBeLessThanOrEqual(3000);
  });
});

describe('one place builds mrkdwn', () => {
  const root = path.resolve(import.meta.dirname, '../../..');
  const sources = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((e) => {
      const rel = path.join(dir, e.name);
      return e.isDirectory() ? sources(rel) : rel.endsWith('.ts') ? [rel] : [];
    });

  it("no file outside src/blocks/ writes a mrkdwn text object or escapes by hand", () => {
    const offenders = ['src', 'commands', 'reports']
      .flatMap(sources)
      .filter((f) => !f.startsWith(`src${path.sep}blocks${path.sep}`))
      .filter((f) => /type:\s*'mrkdwn'|escapeMrkdwn|\.trusted\(/.test(fs.readFileSync(path.join(root, f), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
