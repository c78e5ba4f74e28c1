/** The shared Slack test helpers behave like Slack: the documented signature, and the fake's shapes. */
import { afterEach, describe, expect, it } from 'vitest';
import { WebClient } from '@slack/web-api';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { signatureFor, slashCommandRequest } from '../../helpers/slack-request.ts';

const DOC_BODY =
  'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c';

describe('slack-request', () => {
  it("signs exactly like Slack's documented example", () => {
    expect(signatureFor('8f742231b10e8888abcd99yyyzzz85a5', 1531420618, DOC_BODY)).toBe(
      'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
    );
  });

  it('builds a form-encoded slash command signed over the exact body sent', () => {
    const req = slashCommandRequest({ text: 'segments "id card"', responseUrl: 'http://127.0.0.1:1/response/x' }, { secret: 's', timestamp: 1700000000 });
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(req.body).get('text')).toBe('segments "id card"');
    expect(req.headers['x-slack-signature']).toBe(signatureFor('s', 1700000000, req.body));
  });
});

describe('fake Slack', () => {
  let slack: FakeSlack;
  afterEach(() => slack?.close());

  it('answers the WebClient like Slack and records form-encoded calls with JSON fields decoded', async () => {
    slack = await startFakeSlack();
    const client = new WebClient('xoxb-x', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
    const auth = await client.auth.test();
    expect(auth).toMatchObject({ ok: true, user_id: slack.identity.user_id, bot_id: slack.identity.bot_id, team_id: slack.identity.team_id });
    const posted = await client.chat.postMessage({ channel: 'C1', text: 'hi', blocks: [{ type: 'divider' }] });
    expect(posted).toMatchObject({ ok: true, channel: 'C1', message: { text: 'hi' } });
    expect(slack.callsTo('chat.postMessage')[0].body.blocks).toEqual([{ type: 'divider' }]);
    expect(slack.callsTo('chat.postMessage')[0].headers.authorization).toBe('Bearer xoxb-x');
  });

  it("fails the next call with Slack's error shapes: 429 + Retry-After, or ok:false", async () => {
    slack = await startFakeSlack();
    const client = new WebClient('xoxb-x', { slackApiUrl: slack.url, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
    slack.failNext('chat.postMessage', 'ratelimited', { retryAfter: 7 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 7 });
    slack.failNext('chat.postMessage', 'not_in_channel');
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ data: { ok: false, error: 'not_in_channel' } });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
  });

  it('round-trips filesUploadV2 through an upload URL that points back at itself', async () => {
    slack = await startFakeSlack();
    const client = new WebClient('xoxb-x', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
    const res = await client.filesUploadV2({ channel_id: 'C1', thread_ts: '1.2', file: Buffer.from('PNGDATA'), filename: 'c.png', title: 'Chart' });
    expect(res.ok).toBe(true);
    expect(slack.callsTo('upload')[0].bytes?.toString()).toContain('PNGDATA');
    expect(slack.callsTo('files.completeUploadExternal')[0].body).toMatchObject({ channel_id: 'C1', thread_ts: '1.2' });
  });

  it('records response_url posts and lets a test wait for them', async () => {
    slack = await startFakeSlack();
    const url = slack.responseUrl('abc');
    const waiting = slack.waitFor('response_url');
    void fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'hello' }) });
    const [call] = await waiting;
    expect(call).toMatchObject({ id: 'abc', body: { text: 'hello' } });
    expect(await slack.responseTo('abc')).toBe(call);
  });
});
