import { describe, expect, it } from 'vitest';
import { quoteLine, tokenize } from '../../../src/slack/tokenize.ts';
import { readIntent } from '../../../src/slack/answer.ts';
import { questionOf } from '../../../src/slack/listeners/events/app-mention.ts';

describe('tokenize', () => {
  it('splits on whitespace and keeps quoted words together, with straight or smart quotes', () => {
    expect(tokenize('  note billing "new error copy shipped"  --date 2026-11-20 ')).toEqual(['note', 'billing', 'new error copy shipped', '--date', '2026-11-20']);
    expect(tokenize('note billing “smart quotes work” ‘too’')).toEqual(['note', 'billing', 'smart quotes work', 'too']);
    expect(tokenize("note billing it's fine")).toEqual(['note', 'billing', "it's", 'fine']);
    expect(tokenize('action new x ""')).toEqual(['action', 'new', 'x', '']);
  });

  it("undoes Slack's &amp; &lt; &gt; escaping", () => {
    expect(tokenize('note billing "a &lt; b &amp; c"')).toEqual(['note', 'billing', 'a < b & c']);
  });

  it('quotes a line back so it tokenizes to the same argv (Share and run buttons)', () => {
    const argv = ['note', 'billing', 'two words', '--date', '2026-11-20'];
    expect(tokenize(quoteLine(argv))).toEqual(argv);
  });
});

describe('readIntent', () => {
  it('tells commands, help and typos apart', async () => {
    expect(await readIntent('today --date 2026-11-20')).toEqual({ kind: 'command', argv: ['today', '--date', '2026-11-20'] });
    expect(await readIntent('TODAY')).toEqual({ kind: 'command', argv: ['today'] });
    expect(await readIntent('')).toEqual({ kind: 'help', topic: undefined });
    expect(await readIntent('help today')).toEqual({ kind: 'help', topic: 'today' });
    expect(await readIntent('tody --json')).toEqual({ kind: 'unknown', word: 'tody', suggestion: 'today', suggestedLine: 'today --json' });
    expect(await readIntent('why is billing so bad')).toMatchObject({ kind: 'command', argv: ['why', 'is', 'billing', 'so', 'bad'] });
    // A terminal-only command is a command here; the surface gate refuses it in parseInvocation (test/src/slack/surfaces.test.ts).
    expect(await readIntent('import members /etc/passwd')).toEqual({ kind: 'command', argv: ['import', 'members', '/etc/passwd'] });
  });

  it('reads a mention without the bot mention or a leading /leak', () => {
    expect(questionOf('<@U0LEAKBOT> today')).toBe('today');
    expect(questionOf('<@U0LEAKBOT|leak> /leak segments billing')).toBe('segments billing');
    // Only the leading mention is the bot: a later one is an argument.
    expect(questionOf('<@U0LEAKBOT> action ack A-1 --assignee <@U0BOB0001|bob>')).toBe('action ack A-1 --assignee <@U0BOB0001|bob>');
  });
});
