/** Events API: mentions answered in a thread, the Home tab published, redeliveries processed once. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../../../../helpers/fake-slack.ts';
import { startApp, type StartedApp } from '../../../../helpers/start-app.ts';
import { appHomeOpenedEvent, appMentionEvent, blockActionPayload, eventEnvelope, eventRequest, imMessageEvent, interactionRequest, CHANNEL, USER } from '../../../../helpers/slack-request.ts';
import { makeDeps } from '../../../../helpers/store.ts';
import { NOW, seedLeaks, useSeededApp } from '../../seed.ts';
import { createAction } from '../../../../../src/actions/repository.ts';

const handles = useSeededApp();
let slack: FakeSlack;
let app: StartedApp;
beforeAll(() => ({ slack, app } = handles));


describe('events', () => {
  it('answers @Leak today in a thread under the mention', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const mention = appMentionEvent('<@U0LEAKBOT> today', { ts: '1764000000.000100' });
    const res = await app.post(eventRequest(eventEnvelope(mention), app.sign));
    expect(res.status).toBe(200);
    const post = (await slack.waitFor('chat.postMessage', before + 1))[before];
    expect(post.body).toMatchObject({ channel: CHANNEL.id, thread_ts: '1764000000.000100' });
    expect(post.body.text).toMatch(/^Your single biggest leak today is billing: 3 calls/);
    expect(JSON.stringify(post.body.blocks)).not.toContain('leak_share');
  });

  it('replies in the existing thread when mentioned inside one, with help for a mistyped command', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const mention = appMentionEvent('<@U0LEAKBOT> todya', { ts: '1764000000.000300', threadTs: '1764000000.000200' });
    await app.post(eventRequest(eventEnvelope(mention), app.sign));
    const post = (await slack.waitFor('chat.postMessage', before + 1))[before];
    expect(post.body.thread_ts).toBe('1764000000.000200');
    expect(post.body.text).toBe('I don\'t know "todya". Did you mean /leak today?');
  });

  it('processes a redelivered event (X-Slack-Retry-Num) only once', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const envelope = eventEnvelope(appMentionEvent('<@U0LEAKBOT> help'), 'EvRETRY001');
    const first = await app.post(eventRequest(envelope, app.sign));
    await slack.waitFor('chat.postMessage', before + 1);
    const retries = await Promise.all([1, 2, 3].map((n) => app.post(eventRequest(envelope, { ...app.sign, retryNum: n, retryReason: 'http_timeout' }))));
    expect([first.status, ...retries.map((r) => r.status)]).toEqual([200, 200, 200, 200]);
    // A later event answered means the redeliveries before it were handled: they posted nothing.
    const marker = appMentionEvent('<@U0LEAKBOT> help', { ts: '1764000000.000900' });
    await app.post(eventRequest(eventEnvelope(marker), app.sign));
    await slack.until(() => slack.callsTo('chat.postMessage').some((c) => c.body.thread_ts === '1764000000.000900'));
    expect(slack.callsTo('chat.postMessage').length).toBe(before + 2);
    expect(app.deps.store.sqlite.prepare("SELECT event_type FROM slack_events WHERE event_id = 'EvRETRY001'").all()).toEqual([{ event_type: 'app_mention' }]);
  });

  it('publishes the Home tab when it is opened', async () => {
    await app.post(eventRequest(eventEnvelope(appHomeOpenedEvent(USER.id)), app.sign));
    const [publish] = await slack.waitFor('views.publish');
    expect(publish.body.user_id).toBe(USER.id);
    const view = publish.body.view;
    expect(view.type).toBe('home');
    const text = JSON.stringify(view.blocks);
    expect(text).toContain('Top leaks today');
    expect(text).toContain('*billing*\\n3 calls · $24');
    expect(text).toContain('Biggest mover');
    expect(text).toContain('*billing*: 3 calls vs 1 on a usual Tuesday (up 2, +200.0%).');
    expect(text).toContain('No open actions.');
  });

  it('lists open actions with their owners on the Home tab', async () => {
    const { action } = createAction(app.deps.store, { journey: 'billing', title: 'Explain "Payment failed"', ownerTeam: 'Digital Billing' }, { user: 'U0BOB0001', via: 'cli', at: Date.parse(NOW) - 2 * 86_400_000 });
    const before = slack.callsTo('views.publish').length;
    await app.post(eventRequest(eventEnvelope(appHomeOpenedEvent('U0BOB0001')), app.sign));
    const publish = (await slack.waitFor('views.publish', before + 1))[before];
    expect(publish.body.user_id).toBe('U0BOB0001');
    expect(JSON.stringify(publish.body.view.blocks)).toContain(`*A-${action.id}* billing · Explain \\"Payment failed\\"\\n      Proposed · owner Digital Billing (unassigned) · 2d old`);
  });
});

describe('a reply Slack will not take (a channel gone, a bot not in it)', () => {
  /** An app of its own whose log is captured; `lines` resolves once `n` lines were logged. */
  async function logged(send: (own: StartedApp) => Promise<void>, n = 1) {
    const lines: { level: string; text: string }[] = [];
    let done: () => void = () => {};
    const enough = new Promise<void>((resolve) => (done = resolve));
    const capture = (level: string) => (...args: unknown[]) => {
      lines.push({ level, text: args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' ') });
      if (lines.length >= n) done();
    };
    const logger = { debug: () => {}, info: capture('info'), warn: capture('warn'), error: capture('error'), setLevel: () => {}, getLevel: () => 'info' as never, setName: () => {} };
    const own = await startApp({ slack, deps: makeDeps({ now: NOW }), logger });
    try {
      await send(own);
      await enough;
      return lines;
    } finally {
      await own.stop();
    }
  }

  it('a mention answered into a channel that is gone is logged as one line saying what Slack said, not as an unexpected error with a stack', async () => {
    const lines = await logged(async (own) => {
      slack.failNext('chat.postMessage', 'channel_not_found');
      await own.post(eventRequest(eventEnvelope(appMentionEvent('<@U0LEAKBOT> help', { channelId: 'C0GONE001', ts: '1764000000.000777' })), own.sign));
      await slack.waitForCall((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0GONE001', 'the answer to the mention');
    });
    expect(lines).toEqual([{ level: 'warn', text: 'Leak: could not answer a mention in C0GONE001: Slack said channel_not_found' }]);
  });

  it('a thread reply refused (not_in_channel) and a DM reply to a closed conversation are one line each', async () => {
    const lines = await logged(async (own) => {
      slack.failNext('chat.postMessage', 'not_in_channel');
      await own.post(eventRequest(eventEnvelope(appMentionEvent('<@U0LEAKBOT> what is breaking?', { channelId: 'C0NOTIN01', ts: '1764000000.000778', threadTs: '1764000000.000700' })), own.sign));
      await slack.waitForCall((c) => c.method === 'chat.postMessage' && c.body.channel === 'C0NOTIN01', 'the thread reply');
      slack.failNext('chat.postMessage', 'channel_not_found');
      await own.post(eventRequest(eventEnvelope(imMessageEvent('what is breaking?', { channelId: 'D0CLOSED01' })), own.sign));
      await slack.waitForCall((c) => c.method === 'chat.postMessage' && c.body.channel === 'D0CLOSED01', 'the DM reply');
    }, 2);
    expect(lines).toEqual([
      { level: 'warn', text: 'Leak: could not answer a mention in C0NOTIN01: Slack said not_in_channel' },
      { level: 'warn', text: 'Leak: could not answer a direct message in D0CLOSED01: Slack said channel_not_found' },
    ]);
  });

  it("a Home tab button answered in the person's DM, when Slack refuses it, is one line", async () => {
    const lines = await logged(async (own) => {
      slack.failNext('chat.postMessage', 'channel_not_found');
      const click = blockActionPayload({ actionId: 'leak_run:today', value: 'today', userId: 'U0HOME0001' });
      delete click.response_url;
      await own.post(interactionRequest({ ...click, container: { type: 'view', view_id: 'V0HOME' }, channel: undefined }, own.sign));
      await slack.waitForCall((c) => c.method === 'chat.postMessage' && c.body.channel === 'U0HOME0001', 'the DM answer');
    });
    expect(lines).toEqual([{ level: 'warn', text: 'Leak: could not answer a button in the DM with U0HOME0001: Slack said channel_not_found' }]);
  });
});
