/** Buttons: "Share in channel" re-posts publicly; run buttons answer privately through the same registry. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { FakeSlack } from '../../../../helpers/fake-slack.ts';
import type { StartedApp } from '../../../../helpers/start-app.ts';
import { blockActionPayload, interactionRequest, CHANNEL, USER } from '../../../../helpers/slack-request.ts';
import { makeDeps } from '../../../../helpers/store.ts';
import { NOW, seedLeaks, useSeededApp } from '../../seed.ts';

const handles = useSeededApp();
let slack: FakeSlack;
let app: StartedApp;
beforeAll(() => ({ slack, app } = handles));

const click = (actionId: string, value: string, responseId: string) =>
  app.post(interactionRequest(blockActionPayload({ actionId, value, responseUrl: slack.responseUrl(responseId) }), app.sign));

const responseTo = async (id: string) => (await slack.responseTo(id)).body;

describe('Share in channel', () => {
  it('posts the same answer publicly with who shared it, then removes the private copy', async () => {
    const res = await click('leak_share', 'today --date 2026-11-24', 'share1');
    expect(res.status).toBe(200);
    const [post] = await slack.waitFor('chat.postMessage');
    expect(post.body.channel).toBe(CHANNEL.id);
    expect(post.body.text).toMatch(/^Your single biggest leak today is billing: 3 calls/);
    const blocks = JSON.stringify(post.body.blocks);
    expect(blocks).toContain(`Shared by <@${USER.id}>`);
    expect(blocks).not.toContain('"action_id":"leak_share"');
    expect(await responseTo('share1')).toEqual({ delete_original: true });
  });

  it("tells the person how to invite the bot when it is not in the channel", async () => {
    slack.failNext('chat.postMessage', 'not_in_channel');
    await click('leak_share', 'today --date 2026-11-24', 'share2');
    const reply = await responseTo('share2');
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply?.text).toBe(":warning: I'm not in that channel yet: invite me with `/invite @Leak`, then try again.");
  });

  it('says one calm line when Slack is rate limiting (429) and nothing is retried forever', async () => {
    slack.failNext('chat.postMessage', 'ratelimited', { retryAfter: 30 });
    const posts = slack.callsTo('chat.postMessage').length;
    await click('leak_share', 'today --date 2026-11-24', 'share3');
    const reply = await responseTo('share3');
    // Answered without waiting out the 30 s: the one refused post is all that reached Slack.
    expect(slack.callsTo('chat.postMessage').length).toBe(posts + 1);
    expect(reply?.text).toBe(':warning: Slack is rate limiting me right now; please try again in 30 seconds.');
  });
});

describe('run buttons', () => {
  it('runs the command in the button value and answers privately', async () => {
    const res = await click('leak_run:today-date', 'today --date 2026-11-23', 'run1');
    expect(res.status).toBe(200);
    const reply = await responseTo('run1');
    expect(reply).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply?.text).toBe("Your single biggest leak on 2026-11-23 is billing: 1 call, $8, in line with the week before (0.0% vs 7-day average).");
  });

  it('answers in the app DM when the button has no response URL (Home tab)', async () => {
    const before = slack.callsTo('chat.postMessage').length;
    const payload = blockActionPayload({ actionId: 'leak_run:today', value: 'today --date 2026-11-24' });
    delete (payload as { channel?: unknown }).channel;
    const res = await app.post(interactionRequest(payload, app.sign));
    expect(res.status).toBe(200);
    const post = (await slack.waitFor('chat.postMessage', before + 1))[before];
    expect(post.body.channel).toBe(USER.id);
    expect(post.body.text).toMatch(/^Your single biggest leak today is billing/);
  });
});
