/** /leak actions in Slack: recommendations with "I'll take it", clicked on the private answer, become tracked actions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAction, listHistory } from '../../../../../src/actions/repository.ts';
import { startFakeSlack, type FakeSlack } from '../../../../helpers/fake-slack.ts';
import { blockActionPayload, CHANNEL, interactionRequest, slashCommandRequest, USER } from '../../../../helpers/slack-request.ts';
import { startApp, type StartedApp } from '../../../../helpers/start-app.ts';
import { makeDeps } from '../../../../helpers/store.ts';
import { loadKnownFix } from '../../../actions/known-fix.ts';

let slack: FakeSlack;
let app: StartedApp;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  slack = await startFakeSlack();
  deps = makeDeps({ now: '2026-11-06T15:00:00Z' });
  await loadKnownFix(deps);
  app = await startApp({ slack, deps });
});
afterAll(async () => {
  await app.stop();
  await slack.close();
});


describe('/leak actions → I\'ll take it', () => {
  it('lists recommendations with take buttons and open actions, and a click tracks the recommendation in the channel', async () => {
    await app.post(slashCommandRequest({ text: 'actions billing --date 2026-11-05', responseUrl: slack.responseUrl('list-1') }, app.sign));
    const answer = await slack.responseTo('list-1');
    const blocks = answer.body.blocks as { type: string; block_id?: string; elements?: { action_id: string; value: string }[]; text?: { text: string } }[];
    const take = blocks.find((b) => b.block_id === 'take:0')!.elements![0];
    expect(take.action_id).toBe('action_take:0');
    expect(blocks.find((b) => b.block_id === 'open_actions')!.text!.text).toContain('*Open actions*: none yet.');
    const rec = JSON.parse(take.value) as { id: string; title: string; owner_team: string };

    // Clicked on the private (ephemeral) answer: no message to update, the channel comes with the payload.
    const responseUrl = slack.responseUrl('take-1');
    const click = blockActionPayload({ actionId: 'action_take:0', value: take.value, responseUrl, ephemeral: true });
    expect((await app.post(interactionRequest(click, app.sign))).status).toBe(200);
    await slack.responseTo('take-1');
    const action = getAction(deps.store, 1)!;
    expect(action).toMatchObject({ recommendationId: rec.id, title: rec.title, ownerTeam: rec.owner_team, status: 'acknowledged', assignee: USER.id, channel: CHANNEL.id });
    const parent = slack.callsTo('chat.postMessage').find((c) => c.body.ts === undefined && !c.body.thread_ts)!;
    expect(parent.body.channel).toBe(CHANNEL.id);
    expect(listHistory(deps.store, 1).map((h) => h.toStatus)).toEqual(['proposed', 'acknowledged']);

    // The same recommendation clicked again by someone else: one action, a private explanation.
    const again = blockActionPayload({ actionId: 'action_take:0', value: take.value, responseUrl: slack.responseUrl('take-2'), userId: 'U0BOB0001', ephemeral: true });
    await app.post(interactionRequest(again, app.sign));
    await slack.responseTo('take-2');
    expect(slack.callsTo('response_url').find((c) => c.id === 'take-2')!.body.text).toBe(
      `A-1 is already taken by <@${USER.id}> (acknowledged), so nothing changed. Follow it in <#${CHANNEL.id}>.`,
    );

    // The next listing shows it under open actions.
    await app.post(slashCommandRequest({ text: 'actions billing --date 2026-11-05', responseUrl: slack.responseUrl('list-2') }, app.sign));
    const listed = (await slack.responseTo('list-2')).body.blocks as { block_id?: string; text?: { text: string } }[];
    expect(listed.find((b) => b.block_id === 'open_actions')!.text!.text).toMatch(new RegExp(`A-1 .* — Acknowledged, <@${USER.id}>, 0d old`));
  });
});
