/**
 * Sizes from Slack are capped: a /leak line, a question or a DM over 2,000 characters, or one argument
 * over 500, gets one line naming the limit, and a hostile line is refused in about the time a normal
 * one is read; the longest question, however hostile, costs a small multiple of a normal one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../../commands/invocation.ts';
import journey from '../../../commands/journey.ts';
import { MAX_ARGUMENT_CHARS, MAX_LINE_CHARS, readLine } from '../../../src/slack/answer.ts';
import type { FakeSlack } from '../../helpers/fake-slack.ts';
import type { StartedApp } from '../../helpers/start-app.ts';
import { eventEnvelope, eventRequest, imMessageEvent, slashCommandRequest } from '../../helpers/slack-request.ts';
import { resolveQuestion } from '../../../src/ask/resolve.ts';
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
  await slack.responseTo(id);
  return slack.callsTo('response_url').find((c) => c.id === id)!.body.text;
}

let dms = 0;
/** A direct message to Leak; resolves with the answer posted in the DM. */
async function dm(text: string): Promise<string> {
  const channel = `D0LIMITS${String(++dms).padStart(2, '0')}`;
  await app.post(eventRequest(eventEnvelope(imMessageEvent(text, { channelId: channel })), app.sign));
  return (await slack.waitForCall((c) => c.method === 'chat.postMessage' && c.body.channel === channel, `the answer in ${channel}`)).body.text;
}

/** Words of a question, repeated to `n` characters. */
const wordsOf = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const questions = () => app.deps.store.sqlite.prepare('SELECT count(*) FROM ask_questions').pluck().get() as number;

describe('input sizes from Slack', () => {
  it('refuses a line over 2,000 characters in one line naming the limit', async () => {
    expect(MAX_LINE_CHARS).toBe(2000);
    expect(await leak(`journey "${' '.repeat(3000)}x"`)).toBe('That line is 3,011 characters long; /leak takes at most 2,000.');
  });

  it('holds a question to the same limit on every path: a DM of Slack\'s 40,000 characters, /leak ask and DM ask, refused before anything reads or stores it', async () => {
    const before = questions();
    const long = wordsOf('why is billing leaking and who is it hurting ', 40_000);
    expect(await dm(long)).toBe('That line is 40,000 characters long; /leak takes at most 2,000.');
    expect(await dm(`ask ${long}`)).toBe('That line is 40,004 characters long; /leak takes at most 2,000.');
    expect(await leak(`ask ${long.slice(0, 1997)}`)).toBe('That line is 2,001 characters long; /leak takes at most 2,000.');
    expect(questions()).toBe(before);
    // At the limit it is a question like any other.
    expect(await dm(`ask ${long.slice(0, 1996)}`)).toMatch(/^billing: /);
    expect(questions()).toBe(before + 1);
  });

  it('resolves a hostile question of the longest size within a small multiple of a normal question of that size (a ratio, never a time)', async () => {
    const input = { today: '2026-11-24', timeZone: 'America/New_York', vocabulary: { journeys: ['billing', 'id_card'], segments: ['MAPD New', 'MAPD Tenured', 'Medicaid'], languages: ['en', 'es'] } };
    const resolve = (q: string) => () => () => void resolveQuestion(q, input);
    const normal = resolve(wordsOf('why is billing leaking and who is it hurting? ', MAX_LINE_CHARS));
    // Shapes each part of the reading works hardest on: amounts, dates, member ids, one endless word, spaces, quotes, near-misses.
    for (const unit of ['$8 10% ', 'since Nov 9 2026-11-23 last 14 days ', 'M-100001 m100002 ', 'x', ' ', '\'"“', 'bilin idcrad segmnts ']) {
      const hostile = unit === ' ' ? `why${' '.repeat(MAX_LINE_CHARS - 4)}x` : wordsOf(unit, MAX_LINE_CHARS);
      // Measured here: 12× for a line of amounts (the number reader's own cost on the 500 characters the resolver reads), 2× or
      // less otherwise; a busy machine pushed the amounts once to 45×. A quadratic reading of 500 characters is hundreds of times,
      // so the bound sits at 100×, where a slow run is also cut short.
      expect(await slowdown(normal, resolve(hostile), { runs: 9, reps: 5 }), JSON.stringify(unit)).toBeLessThan(100);
    }
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
