/**
 * Alert buttons through signed interaction payloads against the real app (Bolt + receiver on
 * 127.0.0.1) and the local Slack stand-in: the group changes status together and the message is
 * refreshed in place; feedback is recorded once per person; View answers privately.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAlertJobs } from '../../../../../src/alerts/jobs.ts';
import { getAlert, listAlerts } from '../../../../../src/alerts/repository.ts';
import { clientFor, startFakeSlack, type FakeSlack } from '../../../../helpers/fake-slack.ts';
import { blockActionPayload, interactionRequest } from '../../../../helpers/slack-request.ts';
import { makeDeps } from '../../../../helpers/store.ts';
import { startApp, type StartedApp } from '../../../../helpers/start-app.ts';
import { insertCall } from '../../../alerts/rows.ts';

const NOW = Date.parse('2026-11-24T17:00:00Z');
const HOUR = 3_600_000;
let slack: FakeSlack;
let app: StartedApp;
let deps: ReturnType<typeof makeDeps>;

beforeAll(async () => {
  slack = await startFakeSlack();
  deps = makeDeps({ now: NOW, env: { LEAK_ALERT_CHANNEL: 'C0LEAKS01' } });
  app = await startApp({ slack, deps });
});
afterAll(async () => {
  await app.stop();
  await slack.close();
});

async function click(actionId: string, alertId: number, ts: string, userId = 'U0ALICE01') {
  const id = `${actionId}-${alertId}-${userId}-${Math.random()}`;
  const responseUrl = slack.responseUrl(id);
  const res = await app.post(interactionRequest(blockActionPayload({ actionId, value: String(alertId), userId, responseUrl, message: { ts } }), app.sign));
  expect(res.status).toBe(200);
  return id;
}
const privateAnswer = async (id: string) => (await slack.responseTo(id)).body as { text: string; response_type: string };

describe('alert buttons', () => {
  it('Acknowledge changes every alert of the message and refreshes it; Snooze likewise', async () => {
    for (const m of ['M-100201', 'M-100202']) insertCall(deps.store, { member: m, start: NOW - HOUR, disposition: 'failed' });
    const client = clientFor(slack);
    await runAlertJobs(deps, client, NOW, { warn: () => {} });
    const group = listAlerts(deps.store, { rule: 'failed_interaction' }, NOW);
    expect(group).toHaveLength(2);
    const ts = group[0].messageTs!;
    const first = Math.min(...group.map((a) => a.id));
    const updates = slack.callsTo('chat.update').length;
    await click('alert_ack', first, ts);
    await slack.waitFor('chat.update', updates + 1);
    expect(group.map((a) => getAlert(deps.store, a.id)!.status)).toEqual(['acknowledged', 'acknowledged']);
    const update = slack.callsTo('chat.update').at(-1)!;
    expect(update.body).toMatchObject({ ts, channel: 'C0LEAKS01' });
    expect(JSON.stringify(update.body.blocks)).toContain('Acknowledged by <@U0ALICE01>');

    await click('alert_snooze', first, ts);
    await slack.waitFor('chat.update', updates + 2);
    const snoozed = getAlert(deps.store, first)!;
    expect(snoozed.status).toBe('snoozed');
    expect(snoozed.snoozedUntil).toBe(NOW + 24 * HOUR);
  });

  it('Useful / Noise / Known issue record one verdict per person, and say where the rule stands', async () => {
    const [alert] = listAlerts(deps.store, { status: 'all', rule: 'failed_interaction' }, NOW);
    const a = await privateAnswer(await click('alert_fb_noise', alert.id, alert.messageTs!));
    expect(a).toMatchObject({ response_type: 'ephemeral', text: 'Thanks, recorded as noise. failed_interaction: 1 of 1 verdicts in 30 days say noise.' });
    const b = await privateAnswer(await click('alert_fb_useful', alert.id, alert.messageTs!));
    expect(b.text).toBe('Thanks, recorded as useful. failed_interaction: 0 of 1 verdicts in 30 days say noise.');
    const c = await privateAnswer(await click('alert_fb_known', alert.id, alert.messageTs!, 'U0BOB0001'));
    expect(c.text).toBe('Thanks, recorded as a known issue. failed_interaction: 0 of 2 verdicts in 30 days say noise.');
    expect(deps.store.sqlite.prepare('SELECT user, verdict FROM alert_feedback ORDER BY user').all()).toEqual([
      { user: 'U0ALICE01', verdict: 'useful' },
      { user: 'U0BOB0001', verdict: 'known' },
    ]);
  });

  it('View runs `member` privately for the message\'s first alert, and an unknown alert is refused in one line', async () => {
    const group = listAlerts(deps.store, { status: 'all', rule: 'failed_interaction' }, NOW).sort((a, b) => a.id - b.id);
    const view = await privateAnswer(await click('alert_view', group[0].id, group[0].messageTs!));
    expect(view.response_type).toBe('ephemeral');
    // The store has calls but no member profiles: the member command's own answer names the member.
    expect(view.text).toContain('M-100201');
    const gone = await privateAnswer(await click('alert_ack', 99_999, '1700000000.000001'));
    expect(gone.text).toBe('That alert no longer exists; run /leak alerts for the open ones.');
  });
});
