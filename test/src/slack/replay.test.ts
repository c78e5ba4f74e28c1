/**
 * Replays and malformed requests at the receiver: the same signed bytes run once (remembered in the
 * store, so across a restart too), Slack's own event redeliveries still pass and run once, and a
 * signed body no listener could answer gets 400 at once instead of Bolt's 3-second wait.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimSignature } from '../../../src/bookkeeping/slack-requests.ts';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { startApp, type StartedApp } from '../../helpers/start-app.ts';
import { appMentionEvent, blockActionPayload, eventEnvelope, eventRequest, interactionRequest, signatureFor, slashCommandRequest, type SlackRequest } from '../../helpers/slack-request.ts';
import { makeDeps } from '../../helpers/store.ts';
import { tempDir } from '../../helpers/csv.ts';
import { seedLeaks } from './seed.ts';

const NOW = '2026-11-24T17:00:00Z';
let slack: FakeSlack;
let app: StartedApp;
const file = path.join(tempDir('leak-replay-'), 'leak.db');

beforeAll(async () => {
  slack = await startFakeSlack();
  const deps = makeDeps({ now: NOW, file });
  await seedLeaks(deps);
  app = await startApp({ slack, deps });
});
afterAll(async () => {
  await app?.stop();
  await slack.close();
});

const count = (sql: string) => app.deps.store.sqlite.prepare(sql).pluck().get() as number;
/** The response_url posts for one id, once the app has answered on it. */
async function answersOn(id: string): Promise<number> {
  await slack.responseTo(id);
  return slack.callsTo('response_url').filter((c) => c.id === id).length;
}

describe('replayed requests', () => {
  it('runs the same /leak action new bytes once: one action, one channel post, one answer', async () => {
    const req = slashCommandRequest({ text: 'action new billing "Reword the payment error" --team Web', responseUrl: slack.responseUrl('new') }, app.sign);
    const first = await app.post(req);
    expect(first.status).toBe(200);
    await answersOn('new');
    const posts = slack.callsTo('chat.postMessage').length;
    const again = [await app.post(req), await app.post(req)];
    // What Slack expects of a request (200), with nothing run behind it.
    expect(again.map((r) => [r.status, r.body])).toEqual([[200, ''], [200, '']]);
    // A forged X-Slack-Retry-Num does not help: it is not signed, and only events are redelivered.
    expect((await app.post({ ...req, headers: { ...req.headers, 'x-slack-retry-num': '1' } })).status).toBe(200);
    const note = slashCommandRequest({ text: 'note 2026-11-20 "Release 4.2"', responseUrl: slack.responseUrl('note') }, app.sign);
    await app.post(note);
    await answersOn('note');
    await app.post(note);
    // The note's answer marks when the app is done with everything sent before it.
    const marker = slashCommandRequest({ text: 'help', responseUrl: slack.responseUrl('marker') }, app.sign);
    await app.post(marker);
    await answersOn('marker');
    expect(count('SELECT count(*) FROM actions')).toBe(1);
    expect(count('SELECT count(*) FROM annotations')).toBe(1);
    expect(slack.callsTo('chat.postMessage').length).toBe(posts);
    expect(await answersOn('new')).toBe(1);
    expect(await answersOn('note')).toBe(1);
  });

  it('still refuses them after a restart on the same store file', async () => {
    const req = slashCommandRequest({ text: 'note 2026-11-21 "Before the restart"', responseUrl: slack.responseUrl('restart') }, app.sign);
    await app.post(req);
    await answersOn('restart');
    await app.stop();
    app = await startApp({ slack, deps: makeDeps({ now: NOW, file }) });
    const again = await app.post(req);
    expect([again.status, again.body]).toEqual([200, '']);
    const marker = slashCommandRequest({ text: 'note --list', responseUrl: slack.responseUrl('after') }, app.sign);
    await app.post(marker);
    await answersOn('after');
    expect(count("SELECT count(*) FROM annotations WHERE text = 'Before the restart'")).toBe(1);
  });

  it('runs the same click bytes once: a button, a clarifying choice and 👍, each sent three times', async () => {
    const run = interactionRequest(blockActionPayload({ actionId: 'leak_run:note', value: 'note 2026-11-19 "Replayed click"', responseUrl: slack.responseUrl('click') }), app.sign);
    for (let i = 0; i < 3; i++) expect((await app.post(run)).status).toBe(200);
    await answersOn('click');
    // A clarifying question ("Which journey?"), its choice replayed twice: one "Since when?" in its place.
    const q = slashCommandRequest({ text: 'show me the impact', responseUrl: slack.responseUrl('clarify'), userId: 'U0REPLAY01' }, app.sign);
    await app.post(q);
    await answersOn('clarify');
    const clarify = slack.callsTo('response_url').find((c) => c.id === 'clarify')!.body as { blocks: { elements?: { action_id: string; value: string }[] }[] };
    const choice = clarify.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id.startsWith('leak_ask_choice'))!;
    const questions = count('SELECT count(*) FROM ask_questions');
    const choose = interactionRequest(blockActionPayload({ actionId: choice.action_id, value: choice.value, userId: 'U0REPLAY01', responseUrl: slack.responseUrl('choice') }), app.sign);
    for (let i = 0; i < 3; i++) await app.post(choose);
    await answersOn('choice');
    const vote = interactionRequest(blockActionPayload({ actionId: 'leak_ask_down', value: String(questions), userId: 'U0REPLAY01', responseUrl: slack.responseUrl('vote') }), app.sign);
    for (let i = 0; i < 3; i++) await app.post(vote);
    await answersOn('vote');
    const marker = slashCommandRequest({ text: 'help', responseUrl: slack.responseUrl('click-marker') }, app.sign);
    await app.post(marker);
    await answersOn('click-marker');
    expect(count(`SELECT count(*) FROM annotations WHERE text = 'Replayed click'`)).toBe(1);
    expect(await answersOn('click')).toBe(1);
    expect(await answersOn('choice')).toBe(1);
    expect(await answersOn('vote')).toBe(1);
  });

  it("accepts Slack's redelivery of an event (X-Slack-Retry-Num) and processes the event once", async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const envelope = eventEnvelope(appMentionEvent('<@U0LEAKBOT> help'), 'EvREPLAY01');
    const req = eventRequest(envelope, app.sign);
    expect((await app.post(req)).status).toBe(200);
    await slack.waitFor('chat.postMessage', before + 1);
    const retry = eventRequest(envelope, { ...app.sign, retryNum: 1, retryReason: 'http_timeout' });
    expect((await app.post(retry)).status).toBe(200);
    // The same bytes without the header are a replay; with it, a redelivery, dropped by event_id.
    expect(count("SELECT count(*) FROM slack_events WHERE event_id = 'EvREPLAY01'")).toBe(1);
    const marker = slashCommandRequest({ text: 'help', responseUrl: slack.responseUrl('event-marker') }, app.sign);
    await app.post(marker);
    await answersOn('event-marker');
    expect(slack.callsTo('chat.postMessage').length).toBe(before + 1);
  });

  it('forgets a signature once its timestamp has left the window', () => {
    const deps = makeDeps();
    expect(claimSignature(deps.store, 'v0=a', 1_000, 0)).toBe(true);
    expect(claimSignature(deps.store, 'v0=a', 1_000, 500)).toBe(false);
    expect(claimSignature(deps.store, 'v0=b', 2_000, 1_001)).toBe(true);
    expect(deps.store.sqlite.prepare('SELECT signature FROM slack_request_signatures').pluck().all()).toEqual(['v0=b']);
  });
});

describe('malformed requests', () => {
  const signed = (body: string, contentType: string): SlackRequest => {
    const timestamp = Math.floor(Date.now() / 1000);
    return { body, headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signatureFor(app.sign.secret, timestamp, body) } };
  };
  const form = 'application/x-www-form-urlencoded';
  const command = (fields: Record<string, string>) => new URLSearchParams({ command: '/leak', text: 'today', user_id: 'U0ALICE01', channel_id: 'C0LEAKS01', response_url: slack.responseUrl(), ...fields }).toString();

  it('answers 400 at once to a signed body no listener could answer, and runs nothing', async () => {
    const bodies: [string, SlackRequest][] = [
      ['a form with no command fields', signed('foo=bar&baz=1', form)],
      ['an empty form', signed('', form)],
      ['a command with no user', signed(command({ user_id: '' }), form)],
      ['a command with no response_url', signed(new URLSearchParams({ command: '/leak', text: 'today', user_id: 'U1', channel_id: 'C1' }).toString(), form)],
      ['another slash command', signed(command({ command: '/other' }), form)],
      ['a payload that is not JSON', signed('payload=%7Bnot-json', form)],
      ['an interaction of a kind the app does not handle', signed(`payload=${encodeURIComponent(JSON.stringify({ type: 'shortcut', callback_id: 'x' }))}`, form)],
      ['JSON that is not an object', signed('[1,2]', 'application/json')],
      ['an event envelope without an event', signed(JSON.stringify({ type: 'event_callback', event_id: 'Ev1' }), 'application/json')],
      ['an unknown JSON type', signed(JSON.stringify({ type: 'nonsense' }), 'application/json')],
      ['garbage', signed('\u0000\u0001garbage', 'application/json')],
    ];
    const before = slack.calls.length;
    for (const [what, req] of bodies) expect((await app.post(req)).status, what).toBe(400);
    expect(slack.calls.length).toBe(before);
  });

  it('still answers 401 to an unsigned or wrongly signed one', async () => {
    const req = signed(command({}), form);
    expect((await app.post({ ...req, headers: { ...req.headers, 'x-slack-signature': 'v0=00' } })).status).toBe(401);
    expect((await app.post({ body: 'x', headers: { 'content-type': form, 'x-slack-request-timestamp': String(Math.floor(Date.now() / 1000)) } })).status).toBe(401);
  });

  it('answers 413 to a body over 4 MB', async () => {
    expect((await app.post(signed(command({ text: 'x'.repeat(4.5 * 1024 * 1024) }), form))).status).toBe(413);
  });
});
