/**
 * People in actions are Slack user ids, mentioned as <@U…> everywhere. /leak is sent with
 * should_escape, so a person picked in Slack arrives as <@U…|name>: it is stored as the id, the
 * thread, the message and its fallback text, the Home tab and the answer mention them; a name that is
 * no one gets one line saying how to mention someone; channel and people markup in other arguments
 * reads as plain words. In the terminal an assignee is a user id, or a name looked up in Slack.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { getAction } from '../../../src/actions/repository.ts';
import type { FakeSlack } from '../../helpers/fake-slack.ts';
import type { StartedApp } from '../../helpers/start-app.ts';
import { appHomeOpenedEvent, appMentionEvent, eventEnvelope, eventRequest, slashCommandRequest, USER } from '../../helpers/slack-request.ts';
import { makeDeps } from '../../helpers/store.ts';
import { invoke, refusal } from '../../helpers/invoke.ts';
import { seedLeaks, useSeededApp } from './seed.ts';

const handles = useSeededApp();
let slack: FakeSlack;
let app: StartedApp;
const BOB = 'U0BOB0001';
beforeAll(() => {
  ({ slack, app } = handles);
  slack.directory.users = [
    { id: BOB, name: 'bob', real_name: 'Bob Stone' },
    { id: 'U0SAM0001', name: 'sam', real_name: 'Sam Lee' },
    { id: 'U0SAM0002', name: 'sam.k', real_name: 'Sam Lee' },
  ];
});

let seq = 0;
async function leak(text: string): Promise<{ text: string; all: string }> {
  const id = `as${++seq}`;
  await app.post(slashCommandRequest({ text, responseUrl: slack.responseUrl(id) }, app.sign));
  await slack.responseTo(id);
  const body = slack.callsTo('response_url').find((c) => c.id === id)!.body;
  return { text: body.text, all: JSON.stringify(body) };
}
const threadReplies = () => slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts).map((c) => c.body.text as string);

describe('assignees from Slack', () => {
  it('stores a picked person as their id and mentions them in the thread, the message, its fallback text and the answer', async () => {
    await leak('action new billing "Reword the payment error" --team Web');
    const answer = await leak(`action ack A-1 --assignee <@${BOB}|bob>`);
    expect(getAction(app.deps.store, 1)).toMatchObject({ assignee: BOB, status: 'acknowledged' });
    expect(threadReplies()).toContain(`<@${USER.id}> assigned A-1 to <@${BOB}>: acknowledged.`);
    const update = slack.callsTo('chat.update').at(-1)!.body;
    expect(update.text).toBe(`A-1 Reword the payment error — Acknowledged, owner <@${BOB}>`);
    expect(JSON.stringify(update.blocks)).toContain(`*Assignee*\\n<@${BOB}>`);
    expect(answer.all).toContain(`assignee <@${BOB}>`);
    expect(answer.all).toContain(`<@${USER.id}> via slack-command`);
  });

  it('renders the owner on the Home tab as a mention, never <@@name> or a nested mention', async () => {
    const before = slack.callsTo('views.publish').length;
    await app.post(eventRequest(eventEnvelope(appHomeOpenedEvent()), app.sign));
    const view = JSON.stringify((await slack.waitFor('views.publish', before + 1))[before].body.view);
    expect(view).toContain(`owner <@${BOB}>`);
    expect(view).not.toMatch(/<@@|<@</);
  });

  it('looks a typed name up, and refuses a name that is no one (or several) in one line saying how to mention', async () => {
    await leak('action new billing "Second" --team Web');
    expect((await leak('action ack A-2 --assignee @nobody')).text).toBe(
      '"@nobody" is not a person in this Slack workspace; to give it to someone, mention them (type @ and pick the person from the list Slack offers).',
    );
    expect((await leak('action ack A-2 --assignee "Sam Lee"')).text).toMatch(/^"Sam Lee" matches 2 people \(U0SAM0001 Sam Lee, U0SAM0002 Sam Lee\); to give it to someone, mention them/);
    expect(getAction(app.deps.store, 2)).toMatchObject({ assignee: null, status: 'proposed' });
    await leak('action ack A-2 --assignee bob');
    expect(getAction(app.deps.store, 2)).toMatchObject({ assignee: BOB });
  });

  it('takes a mention as an argument in an @Leak message too', async () => {
    await leak('action new billing "Third" --team Web');
    const before = slack.callsTo('chat.postMessage').length;
    await app.post(eventRequest(eventEnvelope(appMentionEvent(`<@U0LEAKBOT> action ack A-3 --assignee <@${BOB}>`)), app.sign));
    await slack.waitFor('chat.postMessage', before + 2);
    expect(getAction(app.deps.store, 3)).toMatchObject({ assignee: BOB });
  });

  it('reads channel and people markup in other arguments as the words the person saw', async () => {
    const note = await leak(`note 2026-11-20 shipped in <#C0REL0001|releases> by <@${BOB}|bob> &amp; team`);
    expect(note.text).toBe('Noted for 2026-11-20 (all journeys): shipped in #releases by @bob &amp; team');
    expect((await leak('segments <#C0BILL001|billing>')).text).toMatch(/^Unknown journey "#billing"\. Known journeys: /);
  });
});

describe('assignees in the terminal', () => {
  it('takes a user id as is; a name needs SLACK_BOT_TOKEN, and is then looked up in Slack', async () => {
    const deps = makeDeps({ now: '2026-11-24T17:00:00Z' });
    await seedLeaks(deps);
    await invoke(deps, ['action', 'new', 'billing', 'Terminal case', '--team', 'Web']);
    expect(await refusal(deps, ['action', 'ack', 'A-1', '--assignee', 'bob'])).toBe(
      `"bob" is not a Slack user id: give their Slack user id (U…: in Slack, the person's profile → ⋯ → Copy member ID), or set SLACK_BOT_TOKEN so names are looked up in Slack.`,
    );
    const withSlack = { ...deps, config: { ...deps.config, slack: { ...deps.config.slack, botToken: 'xoxb-test', apiUrl: slack.url } } };
    expect(await refusal(withSlack, ['action', 'ack', 'A-1', '--assignee', 'nobody'])).toMatch(/^"nobody" is not a person in this Slack workspace; give their Slack user id \(U…/);
    await invoke(withSlack, ['action', 'ack', 'A-1', '--assignee', 'Bob Stone']);
    expect(getAction(deps.store, 1)).toMatchObject({ assignee: BOB });
    await invoke(deps, ['action', 'ack', 'A-1', '--assignee', 'U0SAM0001']);
    expect(getAction(deps.store, 1)).toMatchObject({ assignee: 'U0SAM0001' });
  });
});
