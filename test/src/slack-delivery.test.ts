/**
 * One retry layer for every Slack call: the WebClient's own, built by slackClientOptions. Counted
 * on the fake Slack, with no wait between retries (the minimum timeout is injected as 0), so
 * nothing here waits on the clock.
 */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChartRenderer } from '../../reports/charts/render.ts';
import { startDigestSchedules } from '../../src/services/digest-schedule.ts';
import { isTransientSlackFailure, REQUEST_TIMEOUT_MS, RETRY_BUDGET_MS, slackClientOptions } from '../../src/slack-delivery.ts';
import { startFakeSlack, type FakeSlack } from '../helpers/fake-slack.ts';
import { startApp, type StartedApp } from '../helpers/start-app.ts';
import { makeDeps } from '../helpers/store.ts';
import { seedLeaks } from './slack/seed.ts';

let slack: FakeSlack;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(() => slack.close());

const clientWith = (apiRetries: number) => new WebClient('xoxb-test', slackClientOptions({ apiUrl: slack.url, apiRetries }, { minTimeoutMs: 0 }));
const attemptsTo = (channel: string) => slack.callsTo('chat.postMessage').filter((c) => c.body.channel === channel).length;
const post = (client: WebClient, channel: string) => client.chat.postMessage({ channel, text: 'hello' });

describe('the scheduled digest on the running app’s client', () => {
  let app: StartedApp;
  let outage: FakeSlack;
  afterAll(async () => {
    await app?.stop();
    // Failures queued past the ones the layer used are left on this stand-in, not the shared one.
    await outage?.close();
  });

  it('a 503 that persists is 2 attempts at SLACK_API_RETRIES=1, then a recorded failure (it was 12: the digest retried around the client’s retries)', async () => {
    outage = await startFakeSlack();
    const deps = makeDeps({ now: '2026-11-24T15:00:00Z', env: { LEAK_DIGESTS: 'C0DIGEST9=ops@0 8 * * 1-5' } });
    await seedLeaks(deps);
    app = await startApp({ slack: outage, deps, env: { SLACK_API_RETRIES: '1' }, retryTiming: { minTimeoutMs: 0 } });
    for (let i = 0; i < 12; i++) outage.failNext('chat.postMessage', 'service_unavailable', { status: 503 });
    const started = startDigestSchedules(app.deps, { client: app.service.app.client, renderer: createChartRenderer(), log: () => undefined });
    const [outcome] = await started.catchUp;
    await started.stop();
    expect(outcome).toMatchObject({ channel: 'C0DIGEST9', outcome: 'failed', problem: 'Digest for 2026-11-23 not posted to C0DIGEST9: Slack answered HTTP 503' });
    expect(outage.callsTo('chat.postMessage')).toHaveLength(2);
  }, 60_000);
});

describe('what the one layer retries', () => {
  it('a 5xx is retried: one 503, then the post goes through', async () => {
    slack.failNext('chat.postMessage', 'service_unavailable', { status: 503 });
    await expect(post(clientWith(1), 'C0FIVEXX0')).resolves.toMatchObject({ ok: true });
    expect(attemptsTo('C0FIVEXX0')).toBe(2);
  });

  it('a 5xx that persists: the configured retries and no more, then the error', async () => {
    for (let i = 0; i < 3; i++) slack.failNext('chat.postMessage', 'service_unavailable', { status: 503 });
    await expect(post(clientWith(2), 'C0FIVEXX1')).rejects.toMatchObject({ code: 'slack_webapi_http_error', statusCode: 503 });
    expect(attemptsTo('C0FIVEXX1')).toBe(3);
  });

  it('a 4xx other than 429 fails at once', async () => {
    slack.failNext('chat.postMessage', 'invalid_request', { status: 400 });
    await expect(post(clientWith(5), 'C0FOURXX1')).rejects.toMatchObject({ statusCode: 400 });
    expect(attemptsTo('C0FOURXX1')).toBe(1);
  });

  it('a refusal (ok: false) is never repeated, not even internal_error, which may have half happened', async () => {
    slack.failNext('chat.postMessage', 'not_in_channel');
    await expect(post(clientWith(5), 'C0REFUSE1')).rejects.toMatchObject({ data: { error: 'not_in_channel' } });
    slack.failNext('chat.postMessage', 'internal_error');
    await expect(post(clientWith(5), 'C0REFUSE2')).rejects.toMatchObject({ data: { error: 'internal_error' } });
    expect([attemptsTo('C0REFUSE1'), attemptsTo('C0REFUSE2')]).toEqual([1, 1]);
  });

  it('a rate limit is waited out (Retry-After) and retried; with no retries it fails at once', async () => {
    slack.failNext('chat.postMessage', 'ratelimited', { retryAfter: 0 });
    await expect(post(clientWith(3), 'C0LIMITED')).resolves.toMatchObject({ ok: true });
    expect(attemptsTo('C0LIMITED')).toBe(2);
    slack.failNext('chat.postMessage', 'ratelimited', { retryAfter: 30 });
    await expect(post(clientWith(0), 'C0NORETRY')).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 30 });
    expect(attemptsTo('C0NORETRY')).toBe(1);
  });

  it('every call is bounded in time: a total retry budget and a per-request timeout', () => {
    const options = slackClientOptions({ apiRetries: 10 });
    expect(options.retryConfig).toMatchObject({ retries: 10, maxRetryTime: RETRY_BUDGET_MS, maxTimeout: 30_000 });
    expect(options.timeout).toBe(REQUEST_TIMEOUT_MS);
    expect(RETRY_BUDGET_MS).toBeLessThanOrEqual(5 * 60_000);
  });

  it('classifies failures as the SDK reports them', () => {
    const http = (statusCode: number) => Object.assign(new Error('x'), { code: 'slack_webapi_http_error', statusCode });
    expect([500, 502, 503, 408, 404, 400, 401].map((s) => isTransientSlackFailure(http(s)))).toEqual([true, true, true, true, false, false, false]);
    expect(isTransientSlackFailure(Object.assign(new Error('socket hang up'), { code: 'slack_webapi_request_error' }))).toBe(true);
    expect(isTransientSlackFailure(new Error('A rate limit was exceeded (url: chat.postMessage, retry-after: 3)'))).toBe(true);
    expect(isTransientSlackFailure(new TypeError('bug'))).toBe(false);
  });
});
