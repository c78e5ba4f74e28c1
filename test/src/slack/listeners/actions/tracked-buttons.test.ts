/**
 * The whole lifecycle through signed interaction payloads against the app on 127.0.0.1 and the
 * local Slack stand-in: parent message posted then updated in place, thread replies, history
 * rows, private refusals (response_url, ephemeral), a stale click, a double-click race, the modal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listHistory, getAction, createAction } from '../../../../../src/actions/repository.ts';
import { postActionMessage } from '../../../../../src/actions/announce.ts';
import { runActionJobs } from '../../../../../src/actions/jobs.ts';
import { clientFor, startFakeSlack, type FakeSlack } from '../../../../helpers/fake-slack.ts';
import { blockActionPayload, CHANNEL, interactionRequest, slashCommandRequest, USER } from '../../../../helpers/slack-request.ts';
import { makeDeps } from '../../../../helpers/store.ts';
import { startApp, type StartedApp } from '../../../../helpers/start-app.ts';
import { loadKnownFix } from '../../../actions/known-fix.ts';
import { recommendActions } from '../../../../../src/actions/recommendations.ts';
import { recommendationTakeButton } from '../../../../../src/actions/from-recommendation.ts';

let slack: FakeSlack;
let app: StartedApp;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  slack = await startFakeSlack();
  deps = makeDeps({ now: '2026-11-24T15:00:00Z' });
  await loadKnownFix(deps);
  app = await startApp({ slack, deps });
});
afterAll(async () => {
  await app.stop();
  await slack.close();
});

async function post(payload: Record<string, unknown>) {
  const res = await app.post(interactionRequest(payload, app.sign));
  return { status: res.status, text: res.body };
}

/** Clicks a control on the action's parent message, as user `userId`, and returns the response_url it will answer on. */
function click(actionId: string, value: string, opts: { userId?: string; ts: string; id?: string }) {
  const responseUrl = slack.responseUrl(opts.id);
  return { responseUrl, payload: blockActionPayload({ actionId, value, userId: opts.userId, responseUrl, message: { ts: opts.ts } }) };
}

const replies = (ts: string) => slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts).map((c) => c.body.text as string);
const updatesOf = (ts: string) => slack.callsTo('chat.update').filter((c) => c.body.ts === ts);
const privateAnswers = (id: string) => slack.callsTo('response_url').filter((c) => c.id === id).map((c) => c.body);
const settle = async (method: string, count: number) => slack.waitFor(method, count);

/** "I'll take it" on the digest's recommendation `k` for billing on 2026-11-05 (known-fix data): the value names it, the store says what it is. */
const takeValue = (k: number) => recommendationTakeButton(recommendActions(deps, { date: '2026-11-05', journey: 'billing' })[k], 0, '2026-11-05').value;

describe('tracked actions through Slack', () => {
  it('takes a digest recommendation, then starts and ships it, updating the parent and replying in the thread', async () => {
    const digestClick = click('action_take', takeValue(1), { ts: '1700000000.000001', id: 'digest-take' });
    expect((await post(digestClick.payload)).status).toBe(200);
    const [parentPost] = await settle('chat.postMessage', 1);
    expect(parentPost.body.channel).toBe(CHANNEL.id);
    expect(parentPost.body.text).toBe(`A-1 Fix the "Not eligible" failure in the billing flow — Acknowledged, owner <@${USER.id}>`);
    await settle('response_url', 1);
    const parent = getAction(deps.store, 1)!;
    expect(parent).toMatchObject({ status: 'acknowledged', assignee: USER.id, channel: CHANNEL.id, segment: null, errorMessage: 'Not eligible', estimatedSavingsPerYear: 19_610.62, version: 2 });
    const ts = parent.threadTs!;
    expect(privateAnswers('digest-take')[0]).toMatchObject({ response_type: 'ephemeral', replace_original: false, text: expect.stringContaining('Tracking A-1: you own it.') });
    expect(replies(ts)).toEqual([`<@${USER.id}> took A-1: acknowledged, owner <@${USER.id}>.`]);

    await post(click('tracked_start', '1:2', { ts }).payload);
    await settle('chat.update', 1);
    expect(JSON.stringify(updatesOf(ts).at(-1)!.body.blocks)).toContain('In progress');
    await post(click('tracked_ship', '1:3', { ts }).payload);
    await settle('chat.update', 2);
    expect(updatesOf(ts).at(-1)!.body.text).toBe(`A-1 Fix the "Not eligible" failure in the billing flow — Shipped, owner <@${USER.id}>`);
    await slack.until(() => replies(ts).length === 3);
    expect(replies(ts).slice(1)).toEqual([
      `<@${USER.id}> started work on A-1: in progress.`,
      `<@${USER.id}> marked A-1 shipped on 2026-11-24. I'll re-measure billing · "Not eligible" daily and post an interim outcome after 7 days and the final one after 14.`,
    ]);
    expect(listHistory(deps.store, 1).map((h) => `${h.fromStatus ?? '-'}→${h.toStatus} ${h.byUser} ${h.via}`)).toEqual([
      `-→proposed ${USER.id} slack-button`,
      `proposed→acknowledged ${USER.id} slack-button`,
      `acknowledged→in_progress ${USER.id} slack-button`,
      `in_progress→shipped ${USER.id} slack-button`,
    ]);
  });
});

describe('a failed post', () => {
  it('says how to invite the bot, the hourly job posts it once invited, and so does a second click', async () => {
    slack.failNext('chat.postMessage', 'not_in_channel');
    const take = click('action_take:2', takeValue(2), { ts: '1700000000.000009', id: 'take-fails' });
    await post(take.payload);
    await slack.until(() => privateAnswers('take-fails').length === 1);
    const id = Number(/A-(\d+)/.exec(privateAnswers('take-fails')[0].text)![1]);
    expect(privateAnswers('take-fails')[0].text).toBe(
      `You own A-${id}, but its message is not posted in <#C0LEAKS01>: I'm not in that channel yet: invite me with \`/invite @Leak\`, then try again.`,
    );
    expect(getAction(deps.store, id)).toMatchObject({ status: 'acknowledged', channel: CHANNEL.id, threadTs: null, postAttempts: 1, postError: 'Slack said not_in_channel' });
    const report = await runActionJobs(deps, clientFor(slack), deps.now(), { warn: () => {} });
    expect(report.posted).toBe(1);
    const a = getAction(deps.store, id)!;
    expect(a).toMatchObject({ postAttempts: 0, postError: null });
    expect(a.threadTs).toMatch(/^\d+\.\d+$/);
    expect(replies(a.threadTs!)).toEqual([`<@${USER.id}> took A-${id}: acknowledged, owner <@${USER.id}>.`]);
  });

  it('a second click on "I\'ll take it" after the invite posts the message at once', async () => {
    slack.failNext('chat.postMessage', 'not_in_channel');
    await post(click('action_take:3', takeValue(3), { ts: '1700000000.000010', id: 'take-uninvited' }).payload);
    await slack.until(() => privateAnswers('take-uninvited').length === 1);
    const id = Number(/A-(\d+)/.exec(privateAnswers('take-uninvited')[0].text)![1]);
    expect(getAction(deps.store, id)!.threadTs).toBeNull();
    await post(click('action_take:3', takeValue(3), { ts: '1700000000.000010', id: 'take-invited' }).payload);
    await slack.until(() => privateAnswers('take-invited').length === 1);
    expect(privateAnswers('take-invited')[0].text).toBe(
      `A-${id} is already taken by <@${USER.id}> (acknowledged), so nothing changed. Its message is now posted in <#C0LEAKS01>, where updates and the before/after outcome will follow.`,
    );
    expect(getAction(deps.store, id)!.threadTs).toMatch(/^\d+\.\d+$/);
  });
});

describe('/leak action from Slack', () => {
  it('creates an action as the Slack user, posts its message in the channel, and lists it', async () => {
    deps.store.sqlite
      .prepare(`INSERT INTO digital_journeys_cleaned (event_id, member_id, session_id, ts, local_date, channel, device, journey, step, outcome, error_message)
                VALUES ('e-cmd', 'M-000001', 's1', 0, '2026-11-20', 'app', 'mobile', 'pharmacy', 'refill', 'error', 'Timeout')`)
      .run();
    const responseUrl = slack.responseUrl('cmd-new');
    const res = await app.post(slashCommandRequest({ text: 'action new pharmacy "Retry refills on timeout" --team Pharmacy --error Timeout', responseUrl }, app.sign));
    expect(res.status).toBe(200);
    await slack.until(() => privateAnswers('cmd-new').length === 1);
    const id = Number(/Created A-(\d+)/.exec(JSON.stringify(privateAnswers('cmd-new')[0]))?.[1]);
    const created = getAction(deps.store, id)!;
    expect(created).toMatchObject({ journey: 'pharmacy', title: 'Retry refills on timeout', ownerTeam: 'Pharmacy', errorMessage: 'Timeout', status: 'proposed', createdBy: USER.id, channel: CHANNEL.id });
    expect(listHistory(deps.store, id)[0]).toMatchObject({ byUser: USER.id, via: 'slack-command' });
    const parent = slack.callsTo('chat.postMessage').find((c) => c.body.text?.startsWith(`A-${id} Retry refills`))!;
    expect(parent.body.channel).toBe(CHANNEL.id);
    expect(JSON.stringify(parent.body.blocks)).toContain(`"action_id":"tracked_take","value":"${id}:1"`);
    // A command that changes something gets no "Share in channel" (sharing re-runs the line).
    expect(JSON.stringify(privateAnswers('cmd-new')[0])).not.toContain('leak_share');
  });

  it('in a channel the bot is not in: the action is created, and the answer says how to invite the bot', async () => {
    slack.failNext('chat.postMessage', 'not_in_channel');
    const responseUrl = slack.responseUrl('cmd-uninvited');
    await app.post(slashCommandRequest({ text: 'action new pharmacy "Shorter refill form" --team Pharmacy', responseUrl }, app.sign));
    await slack.until(() => privateAnswers('cmd-uninvited').length === 1);
    const answer = privateAnswers('cmd-uninvited')[0];
    expect(answer.text).toMatch(/^Created A-\d+ \(proposed\) for pharmacy, owner team Pharmacy\. Its message is not posted: I'm not in that channel yet: invite me with `\/invite @Leak`, then try again\.$/);
    expect(JSON.stringify(answer.blocks)).toContain('Thread: not posted to Slack yet (1 failed attempt in C0LEAKS01, last: Slack said not_in_channel)');
  });
});

describe('refusals, races and the modal', () => {
  async function proposedAction(title: string) {
    const { action } = createAction(deps.store, { journey: 'billing', title, ownerTeam: 'Digital Billing' }, { user: 'U0LEAD0001', via: 'slack-command', at: deps.now() });
    return postActionMessage(deps.store, clientFor(slack), action, CHANNEL.id);
  }
  const historyCount = (id: number) => listHistory(deps.store, id).length;

  it('refuses a ship before acknowledge, a second take and a stale click privately, changing nothing', async () => {
    const a = await proposedAction('Ship-before-ack case');
    const ts = a.threadTs!;
    const shipEarly = click('tracked_ship', `${a.id}:1`, { ts, id: 'ship-early' });
    await post(shipEarly.payload);
    await slack.until(() => privateAnswers('ship-early').length === 1);
    expect(privateAnswers('ship-early')[0]).toMatchObject({
      response_type: 'ephemeral',
      replace_original: false,
      text: `A-${a.id} can't ship before someone acknowledges it: click "I'll take it" or assign someone first.`,
    });
    expect(getAction(deps.store, a.id)).toMatchObject({ status: 'proposed', version: 1 });

    await post(click('tracked_take', `${a.id}:1`, { ts, userId: 'U0BOB0001' }).payload);
    await slack.until(() => getAction(deps.store, a.id)!.messageVersion === 2);
    const afterTake = updatesOf(ts).length;
    const secondTake = click('tracked_take', `${a.id}:2`, { ts, userId: 'U0CAROL01', id: 'second-take' });
    await post(secondTake.payload);
    // A refused click also refreshes the message it came from: wait for that too, so the count below starts after it.
    await slack.until(() => privateAnswers('second-take').length === 1 && updatesOf(ts).length === afterTake + 1);
    expect(privateAnswers('second-take')[0].text).toBe(`A-${a.id} is already taken by <@U0BOB0001> (acknowledged), so nothing changed.`);

    const updatesBefore = updatesOf(ts).length;
    const stale = click('tracked_start', `${a.id}:1`, { ts, userId: 'U0BOB0001', id: 'stale' });
    await post(stale.payload);
    await slack.until(() => privateAnswers('stale').length === 1 && updatesOf(ts).length === updatesBefore + 1);
    expect(privateAnswers('stale')[0].text).toMatch(new RegExp(`^That message about A-${a.id} was out of date, so nothing changed: it is now acknowledged, owned by <@U0BOB0001>`));
    expect(JSON.stringify(updatesOf(ts).at(-1)!.body.blocks)).toContain(`"value":"${a.id}:2"`);
    expect(getAction(deps.store, a.id)).toMatchObject({ status: 'acknowledged', version: 2 });
    expect(historyCount(a.id)).toBe(2);
  });

  it('refuses a crafted "Shipped on…" date that is no calendar date, or before the dates Leak computes with, as the CLI does', async () => {
    const a = await proposedAction('Crafted ship date case');
    const ts = a.threadTs!;
    await post(click('tracked_take', `${a.id}:1`, { ts, userId: 'U0BOB0001' }).payload);
    await slack.until(() => getAction(deps.store, a.id)!.messageVersion === 2);
    const answers: string[] = [];
    for (const [i, date] of ['2026-02-31', '0000-01-01', '1-01-01', '2026-11-2'].entries()) {
      const id = `ship-on-${i}`;
      const picked = click('tracked_ship_on', '', { ts, userId: 'U0BOB0001', id });
      const [el] = picked.payload.actions as Record<string, unknown>[];
      Object.assign(el, { type: 'datepicker', block_id: `tracked:${a.id}:2`, selected_date: date, value: undefined });
      await post(picked.payload);
      await slack.until(() => privateAnswers(id).length === 1);
      answers.push(privateAnswers(id)[0].text);
    }
    expect(answers).toEqual([
      'Shipped on "2026-02-31" does not exist: February 2026 has 28 days.',
      'Shipped on "0000-01-01" is before 1000-01-01, the first date Leak computes with.',
      'Shipped on "1-01-01" is not a date written YYYY-MM-DD, e.g. 2026-11-20.',
      'Shipped on "2026-11-2" is not a date written YYYY-MM-DD, e.g. 2026-11-20.',
    ]);
    expect(getAction(deps.store, a.id)).toMatchObject({ status: 'acknowledged', shipDate: null });
  });

  it('lets exactly one of two simultaneous clicks win', async () => {
    const a = await proposedAction('Race case');
    const ts = a.threadTs!;
    const bob = click('tracked_take', `${a.id}:1`, { ts, userId: 'U0BOB0001', id: 'race-bob' });
    const carol = click('tracked_take', `${a.id}:1`, { ts, userId: 'U0CAROL01', id: 'race-carol' });
    const [r1, r2] = await Promise.all([post(bob.payload), post(carol.payload)]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    await slack.until(() => privateAnswers('race-bob').length + privateAnswers('race-carol').length === 1 && replies(ts).length === 1);
    const taken = listHistory(deps.store, a.id).filter((h) => h.toStatus === 'acknowledged');
    expect(taken).toHaveLength(1);
    const winner = taken[0].byUser;
    const loserAnswer = [...privateAnswers('race-bob'), ...privateAnswers('race-carol')][0];
    expect(loserAnswer.text).toMatch(new RegExp(`already taken by <@${winner}>|out of date`));
    expect(getAction(deps.store, a.id)).toMatchObject({ assignee: winner, version: 2 });
    expect(replies(ts)).toEqual([`<@${winner}> took A-${a.id}: acknowledged, owner <@${winner}>.`]);
  });

  it('assigns with the user picker and dismisses through the modal with a reason', async () => {
    const a = await proposedAction('Modal case');
    const ts = a.threadTs!;
    const picker = blockActionPayload({ actionId: 'tracked_assign', value: '', responseUrl: slack.responseUrl(), message: { ts } });
    (picker.actions as Record<string, unknown>[])[0] = { type: 'users_select', action_id: 'tracked_assign', block_id: `tracked:${a.id}:1`, selected_user: 'U0DAVE001', action_ts: '1.2' };
    await post(picker);
    await slack.until(() => replies(ts).length === 1);
    expect(replies(ts)).toEqual([`<@${USER.id}> assigned A-${a.id} to <@U0DAVE001>: acknowledged.`]);

    const opens = slack.callsTo('views.open').length;
    await post(click('tracked_dismiss', `${a.id}:2`, { ts }).payload);
    const [open] = (await settle('views.open', opens + 1)).slice(-1);
    expect(open.body.view).toMatchObject({ callback_id: 'tracked_dismiss_modal', title: { text: `Dismiss A-${a.id}` } });
    const submit = (reason: string) => ({
      type: 'view_submission',
      team: { id: 'T0TEAM001', domain: 'leak-test' },
      user: { id: 'U0DAVE001', username: 'dave', name: 'dave', team_id: 'T0TEAM001' },
      api_app_id: 'A0LEAKAPP',
      token: 'x',
      trigger_id: '1.2.3',
      view: { ...open.body.view, id: 'V1', state: { values: { reason: { reason: { type: 'plain_text_input', value: reason } } } } },
    });
    const ok = await post(submit('Billing vendor is replacing this page in Q1'));
    expect(ok.status).toBe(200);
    await slack.until(() => replies(ts).length === 2);
    expect(replies(ts)[1]).toBe(`<@U0DAVE001> dismissed A-${a.id}: Billing vendor is replacing this page in Q1`);
    expect(getAction(deps.store, a.id)).toMatchObject({ status: 'dismissed', dismissReason: 'Billing vendor is replacing this page in Q1' });
    await slack.until(() => JSON.stringify(updatesOf(ts).at(-1)?.body.blocks ?? '').includes('Dismissed'));
    // Submitting the same (now stale) modal again is refused in the modal itself.
    const again = await post(submit('twice'));
    expect(JSON.parse(again.text)).toEqual({ response_action: 'errors', errors: { reason: `A-${a.id} was dismissed ("Billing vendor is replacing this page in Q1"), so it can't change any more.` } });
    expect(historyCount(a.id)).toBe(3);
  });
});
