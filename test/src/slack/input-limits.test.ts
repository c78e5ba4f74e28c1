/**
 * Sizes from Slack are capped: a /leak line over 2,000 characters, or one argument over 500, gets
 * one line naming the limit, and a hostile line is refused in about the time a normal one is read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../../commands/invocation.ts';
import journey from '../../../commands/journey.ts';
import { MAX_ARGUMENT_CHARS, MAX_LINE_CHARS, readLine } from '../../../src/slack/answer.ts';
import type { FakeSlack } from '../../helpers/fake-slack.ts';
import type { StartedApp } from '../../helpers/start-app.ts';
import { slashCommandRequest } from '../../helpers/slack-request.ts';
import { makeDeps } from '../../helpers/store.ts';
import { slowdown } from '../../helpers/slowdown.ts';
import { useSeededApp } from './seed.ts';

const handles = useSeededApp();
let slack: FakeSlack;
let app: StartedApp;
beforeAll(() => ({ slack, app } = handles));

let seq = 0;
async function leak(text: string): Promise<string> {
  const id = `lim${++seq}`;
  await app.post(slashCommandRequest({ text, responseUrl: slack.responseUrl(id) }, app.sign));
  for (let n = slack.callsTo('response_url').length + 1; !slack.callsTo('response_url').some((c) => c.id === id); n++) await slack.waitFor('response_url', n);
  return slack.callsTo('response_url').find((c) => c.id === id)!.body.text;
}

describe('input sizes from Slack', () => {
  it('refuses a line over 2,000 characters in one line naming the limit', async () => {
    expect(MAX_LINE_CHARS).toBe(2000);
    expect(await leak(`journey "${' '.repeat(3000)}x"`)).toBe('That line is 3,011 characters long; /leak takes at most 2,000.');
  });

  it('refuses one argument over 500 characters, and accepts one of exactly 500', async () => {
    expect(MAX_ARGUMENT_CHARS).toBe(500);
    expect(await leak(`journey "${' '.repeat(600)}x"`)).toBe('One argument is 601 characters long; each may be at most 500.');
    expect(await leak(`note 2026-11-20 "${'y'.repeat(501)}"`)).toBe('One argument is 501 characters long; each may be at most 500.');
    expect(await leak(`note 2026-11-20 "${'y'.repeat(500)}"`)).toBe(`Noted for 2026-11-20 (all journeys): ${'y'.repeat(500)}`);
  });

  it('refuses a hostile line about as fast as it reads a normal one (a ratio, never a time)', async () => {
    const deps = makeDeps();
    const read = (line: string) => () => () => {
      try {
        parseCommandArgs(journey, readLine(line).slice(1), deps, 'slack');
      } catch {
        // refused: that is the point
      }
    };
    const ratio = await slowdown(read('journey M-100001 --days 7'), read(`journey "${' '.repeat(250_000)}x"`), { reps: 200 });
    expect(ratio).toBeLessThan(10);
  });
});
