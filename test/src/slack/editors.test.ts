/**
 * LEAK_EDITORS limits who may change shared state from Slack: typed lines (action new/ack/ship/
 * dismiss, note), a tracked action's buttons, picker and dismiss modal, "I'll take it" on a
 * recommendation, an alert's Acknowledge and Snooze. Everyone else gets one private line and
 * nothing changes; reading stays open to all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction, getAction, listHistory } from '../../../src/actions/repository.ts';
import { postActionMessage } from '../../../src/actions/announce.ts';
import { runAlertJobs } from '../../../src/alerts/jobs.ts';
import { getAlert, listAlerts } from '../../../src/alerts/repository.ts';
import { NOT_AN_EDITOR } from '../../../src/slack/access.ts';
import { clientFor, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { startApp, type StartedApp } from '../../helpers/start-app.ts';
import { blockActionPayload, CHANNEL, interactionRequest, slashCommandRequest } from '../../helpers/slack-request.ts';
import { makeDeps } from '../../helpers/store.ts';
import { insertCall } from '../alerts/rows.ts';
import { seedLeaks } from './seed.ts';

const NOW = Date.parse('2026-11-24T17:00:00Z');
const EDITOR = 'U0EDIT0001';
const GROUP_EDITOR = 'U0GROUP002';
const OUTSIDER = 'U0ALICE01';

let slack: FakeSlack;
let app: StartedApp;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.directory.groups.S0EDITORS1 = [GROUP_EDITOR];
  deps = makeDeps({ now: NOW, env: { LEAK_ALERT_CHANNEL: CHANNEL.id } });
  await seedLeaks(deps);
  app = await startApp({ slack, deps, env: { LEAK_EDITORS: `${EDITOR},S0EDITORS1` } });
});
afterAll(async () => {
  await app.stop();
  await slack.close();
});

let seq = 0;
async function answerOn(id: string): Promise<Record<string, any>> {
  await slack.responseTo(id);
  return slack.callsTo('response_url').find((c) => c.id === id)!.body;
}
async function type(text: string, userId: string): Promise<string> {
  const id = `t${++seq}`;
  await app.post(slashCommandRequest({ text, userId, responseUrl: slack.responseUrl(id) }, app.sign));
  return JSON.stringify(await answerOn(id));
}
async function click(actionId: string, value: string, userId: string, extra: Partial<Parameters<typeof blockActionPayload>[0]> = {}) {
  const id = `c${++seq}`;
  await app.post(interactionRequest(blockActionPayload({ actionId, value, userId, responseUrl: slack.responseUrl(id), ...extra }), app.sign));
  return (await answerOn(id)).text as string;
}
const actionCount = () => deps.store.sqlite.prepare('SELECT count(*) FROM actions').pluck().get();
const noteCount = () => deps.store.sqlite.prepare('SELECT count(*) FROM annotations').pluck().get();

describe('typed lines', () => {
  it('refuses action new and note from someone not listed, and creates nothing', async () => {
    expect(await type('action new billing "Reword the error" --team Web', OUTSIDER)).toContain(NOT_AN_EDITOR);
    expect(actionCount()).toBe(0);
    expect(await type('note 2026-11-20 "Release 4.2"', OUTSIDER)).toContain(NOT_AN_EDITOR);
    expect(noteCount()).toBe(0);
  });

  it('lets everyone read: action list, note --list, today', async () => {
    expect(await type('action list', OUTSIDER)).not.toContain(NOT_AN_EDITOR);
    expect(await type('note --list', OUTSIDER)).toContain('No change notes yet');
    expect(await type('today', OUTSIDER)).toContain('billing');
  });

  it('lets an editor listed by id, or through a user group, make the change', async () => {
    expect(await type('action new billing "Reword the error" --team Web', EDITOR)).toContain('Created A-1');
    expect(await type('note 2026-11-20 "Release 4.2"', GROUP_EDITOR)).toContain('Noted for 2026-11-20');
    expect(await type('action ack A-1', OUTSIDER)).toContain(NOT_AN_EDITOR);
    expect(getAction(deps.store, 1)).toMatchObject({ status: 'proposed' });
    expect(await type('action ack A-1', GROUP_EDITOR)).toContain('proposed → acknowledged');
    // The note and the history say who did it, as the Slack user, never a typed --by.
    expect(deps.store.sqlite.prepare('SELECT created_by FROM annotations').pluck().get()).toBe(GROUP_EDITOR);
    expect(listHistory(deps.store, 1).map((h) => h.byUser)).toEqual([EDITOR, GROUP_EDITOR]);
  });
});

describe('buttons, pickers and the modal', () => {
  it('refuses every control on a tracked action for someone not listed, changing nothing', async () => {
    const { action } = createAction(deps.store, { journey: 'billing', title: 'Buttons case', ownerTeam: 'Web' }, { user: EDITOR, via: 'slack-command', at: NOW });
    const a = await postActionMessage(deps.store, clientFor(slack), action, CHANNEL.id);
    const on = { message: { ts: a.threadTs! } };
    for (const id of ['tracked_take', 'tracked_start', 'tracked_ship', 'tracked_dismiss']) {
      expect(await click(id, `${a.id}:1`, OUTSIDER, on), id).toBe(NOT_AN_EDITOR);
    }
    const picker = blockActionPayload({ actionId: 'tracked_assign', value: '', userId: OUTSIDER, responseUrl: slack.responseUrl('pick'), ...on });
    (picker.actions as Record<string, unknown>[])[0] = { type: 'users_select', action_id: 'tracked_assign', block_id: `tracked:${a.id}:1`, selected_user: OUTSIDER, action_ts: '1.2' };
    await app.post(interactionRequest(picker, app.sign));
    expect((await answerOn('pick')).text).toBe(NOT_AN_EDITOR);
    expect(slack.callsTo('views.open')).toHaveLength(0);
    expect(getAction(deps.store, a.id)).toMatchObject({ status: 'proposed', version: 1, assignee: null });

    // A dismiss modal opened by an editor but submitted by someone else is refused in the modal.
    const submit = {
      type: 'view_submission', team: { id: 'T0TEAM001', domain: 'leak-test' }, user: { id: OUTSIDER, username: 'alice', name: 'alice', team_id: 'T0TEAM001' },
      api_app_id: 'A0LEAKAPP', token: 'x', trigger_id: '1.2.3',
      view: {
        id: 'V1', type: 'modal', callback_id: 'tracked_dismiss_modal', private_metadata: JSON.stringify({ ref: `${a.id}:1` }),
        blocks: [{ type: 'input', block_id: 'reason', label: { type: 'plain_text', text: 'Why?' }, element: { type: 'plain_text_input', action_id: 'reason' } }],
        state: { values: { reason: { reason: { type: 'plain_text_input', value: 'not worth it' } } } },
      },
    };
    const res = await app.post(interactionRequest(submit, app.sign));
    expect(JSON.parse(res.body)).toEqual({ response_action: 'errors', errors: { reason: NOT_AN_EDITOR } });
    expect(getAction(deps.store, a.id)).toMatchObject({ status: 'proposed', version: 1 });

    // The editor's click goes through (announced by updating the action's message).
    const updates = slack.callsTo('chat.update').length;
    await app.post(interactionRequest(blockActionPayload({ actionId: 'tracked_take', value: `${a.id}:1`, userId: EDITOR, responseUrl: slack.responseUrl(), ...on }), app.sign));
    await slack.waitFor('chat.update', updates + 1);
    expect(getAction(deps.store, a.id)).toMatchObject({ status: 'acknowledged', assignee: EDITOR });
  });

  it('refuses "I\'ll take it" on a recommendation, and an alert\'s Acknowledge and Snooze', async () => {
    const before = actionCount();
    const rec = { id: 'billing|x', journey: 'billing', fix_type: 'error_message', title: 'Explain it', owner_team: 'Web', effort: 'S', expected_reduction_pct: 10, savings_per_year: 1000, targets: {} };
    expect(await click('action_take', JSON.stringify(rec), OUTSIDER)).toBe(NOT_AN_EDITOR);
    expect(actionCount()).toBe(before);

    insertCall(deps.store, { member: 'M-100201', start: NOW - 3_600_000, disposition: 'failed' });
    await runAlertJobs(deps, clientFor(slack), NOW, { warn: () => {} });
    const [alert] = listAlerts(deps.store, { rule: 'failed_interaction' }, NOW);
    for (const id of ['alert_ack', 'alert_snooze']) expect(await click(id, String(alert.id), OUTSIDER, { message: { ts: alert.messageTs! } })).toBe(NOT_AN_EDITOR);
    expect(getAlert(deps.store, alert.id)!.status).toBe('open');
  });
});

describe('phrases taught through clarifying choices', () => {
  // A learned phrase answers everyone's later questions in the workspace: changing it is changing shared state.
  const learned = () => deps.store.sqlite.prepare('SELECT phrase, learned_by FROM ask_learned_phrases').all();
  const choose = async (userId: string) => {
    const asked = JSON.parse(await type('what is the cost of billing', userId));
    expect(asked.text).toBe('What would you like to know about billing?');
    const button = asked.blocks.flatMap((b: any) => b.elements ?? []).find((e: any) => e.text?.text === 'whether it is worth fixing');
    const id = `choice${++seq}`;
    await app.post(interactionRequest(blockActionPayload({ actionId: button.action_id, value: button.value, userId, responseUrl: slack.responseUrl(id) }), app.sign));
    return JSON.stringify(await answerOn(id));
  };

  it('answers someone not listed, without teaching the workspace the words, and says so', async () => {
    const answered = await choose(OUTSIDER);
    expect(answered).toContain('Understood as `/leak savings billing --date 2026-11-24`');
    expect(answered).not.toContain('Learned:');
    expect(answered).toContain('Not remembered for the workspace: only the people in LEAK_EDITORS teach Leak what words mean.');
    expect(learned()).toEqual([]);
  });

  it('teaches it when an editor (or a member of a listed group) chooses', async () => {
    expect(await choose(GROUP_EDITOR)).toContain('Learned: next time “what is the cost of billing” means this.');
    expect(learned()).toEqual([{ phrase: 'what is the cost of billing', learned_by: GROUP_EDITOR }]);
  });
});
