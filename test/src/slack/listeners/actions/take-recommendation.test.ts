/** /leak actions in Slack: recommendations with "I'll take it", clicked on the private answer, become tracked actions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAction, listHistory } from '../../../../../src/actions/repository.ts';
import { startFakeSlack, type FakeSlack } from '../../../../helpers/fake-slack.ts';
import { blockActionPayload, CHANNEL, interactionRequest, slashCommandRequest, USER } from '../../../../helpers/slack-request.ts';
import { startApp, type StartedApp } from '../../../../helpers/start-app.ts';
import { makeDeps } from '../../../../helpers/store.ts';
import { loadKnownFix } from '../../../actions/known-fix.ts';
import { recommendActions } from '../../../../../src/actions/recommendations.ts';

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
    // The value names the recommendation (and its day); what it is comes from the store.
    expect(JSON.parse(take.value)).toEqual({ id: expect.any(String), journey: 'billing', date: '2026-11-05' });
    const rec = recommendActions(deps, { date: '2026-11-05', journey: 'billing' })[0];

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

describe('a crafted "I\'ll take it" value', () => {
  // The value comes with the click: only which recommendation it names is read, the rest comes from the store.
  const take = async (value: unknown, id: string) => {
    await app.post(interactionRequest(blockActionPayload({ actionId: 'action_take:0', value: JSON.stringify(value), responseUrl: slack.responseUrl(id), userId: 'U0CAROL01', ephemeral: true }), app.sign));
    return (await slack.responseTo(id)).body.text as string;
  };
  const actions = () => deps.store.sqlite.prepare('SELECT id, title, estimated_savings_per_year AS savings, expected_reduction_pct AS cut FROM actions ORDER BY id').all() as { id: number; title: string; savings: number; cut: number }[];

  it('tracks the recommendation with the store\'s title and figures, never the ones the value claims', async () => {
    await app.post(slashCommandRequest({ text: 'actions billing --date 2026-11-05', responseUrl: slack.responseUrl('list-3') }, app.sign));
    const blocks = (await slack.responseTo('list-3')).body.blocks as { block_id?: string; elements?: { value: string }[] }[];
    const named = JSON.parse(blocks.find((b) => b.block_id === 'take:1')!.elements![0].value);
    const real = recommendActions(deps, { date: '2026-11-05', journey: 'billing' })[1];
    expect(named.id).toBe(real.id);
    const posts = slack.callsTo('chat.postMessage').length;
    // The whole recommendation as buttons once carried it, with the claims changed.
    await take({ ...real, date: '2026-11-05', title: 'Forged: fire the billing team', owner_team: 'Nobody', savings_per_year: 1e9, expected_reduction_pct: 99 }, 'forged-1');
    const created = actions().at(-1)!;
    expect(created).toMatchObject({ title: real.title, savings: real.savings_per_year, cut: real.expected_reduction_pct });
    const posted = JSON.stringify((await slack.waitFor('chat.postMessage', posts + 1))[posts].body);
    expect(posted).not.toContain('Forged');
    expect(posted).not.toContain('$1B');
  });

  it('refuses a recommendation the store does not give, in one line, and creates nothing', async () => {
    const before = actions().length;
    const answer = await take({ id: 'billing:made-up', journey: 'billing', date: '2026-11-05', title: 'Made up', owner_team: 'X', savings_per_year: 1e9 }, 'forged-2');
    expect(answer).toBe('That recommendation is not among the ones the store gives for billing on 2026-11-05; run /leak actions billing for a fresh list.');
    expect(actions().length).toBe(before);
  });
});
