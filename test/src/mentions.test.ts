import { describe, expect, it } from 'vitest';
import { isUserId, plainFromSlack, readUserRef } from '../../src/mentions.ts';
import { slowdown } from '../helpers/slowdown.ts';

describe('Slack markup for people and channels', () => {
  it('reads a person given as a mention, an id, or a name to look up', () => {
    expect(readUserRef('<@U0BOB0001|bob>')).toEqual({ id: 'U0BOB0001' });
    expect(readUserRef(' <@W0BOB0001> ')).toEqual({ id: 'W0BOB0001' });
    expect(readUserRef('U0BOB0001')).toEqual({ id: 'U0BOB0001' });
    expect(readUserRef('@bob')).toEqual({ name: 'bob' });
    expect(readUserRef('<@U0BOB0001|bob> and more')).toEqual({ name: '<@U0BOB0001|bob> and more' });
    expect(isUserId('cli')).toBe(false);
  });

  it('reads markup in typed text as the words the person saw', () => {
    expect(plainFromSlack('by <@U1|bob> in <#C1|releases>, <#C2>, <!subteam^S1|@web>, <!subteam^S2>, <!here>, <https://x.example|the doc>, <https://y.example>')).toBe(
      'by @bob in #releases, C2, @web, @S2, @here, the doc, https://y.example',
    );
    // Brackets a person typed (Slack sends them as &lt; &gt;, unescaped before this) are not markup.
    expect(plainFromSlack('a < b > c, <3 and <not a link>')).toBe('a < b > c, <3 and <not a link>');
    expect(plainFromSlack('no markup')).toBe('no markup');
  });

  it('reads a hostile run of brackets in linear time (a ratio against a normal text)', async () => {
    const normal = 'shipped in <#C1|releases> by <@U1|bob> '.repeat(2_500);
    const hostile = '<'.repeat(50_000) + 'a'.repeat(50_000);
    expect(await slowdown(() => () => void plainFromSlack(normal), () => () => void plainFromSlack(hostile), { reps: 5 })).toBeLessThan(20);
  });
});
