import { beforeAll, describe, expect, it } from 'vitest';
import type { WebClient } from '@slack/web-api';
import { scanAndRecordAlerts, runAlertJobs } from '../../../src/alerts/jobs.ts';
import { listAlerts, recordAlerts, setAlertStatus, getAlert } from '../../../src/alerts/repository.ts';
import { postAlerts } from '../../../src/alerts/post.ts';
import { useFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { makeDeps } from '../../helpers/store.ts';
import { insertCall, insertLeaks } from './rows.ts';
import { addDays } from '../../../src/time.ts';
import { alertRules } from '../../../src/alerts/rules.ts';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-24T15:10:00Z'); // 10:10 in New York
const CHANNEL = 'C0ALERTS1';
const quiet = { warn: () => {} };
let slack: FakeSlack;
let client: WebClient;
const handles = useFakeSlack();
beforeAll(() => ({ slack, client } = handles));

const deps0 = () => makeDeps({ now: T0, env: { LEAK_ALERT_CHANNEL: CHANNEL } });
const posts = () => slack.callsTo('chat.postMessage').filter((c) => c.body.channel === CHANNEL);
const mark = () => ({ posts: posts().length, updates: slack.callsTo('chat.update').length });

describe('posting alerts', () => {
  it('groups one rule and hour into one message, joins later alerts of that hour to it, and never posts twice', async () => {
    const deps = deps0();
    const before = mark();
    for (const m of ['M-1', 'M-2', 'M-3']) insertCall(deps.store, { member: m, start: T0 - HOUR, disposition: 'failed' });
    insertCall(deps.store, { id: 'C-long', start: T0 - 2 * HOUR, seconds: 3600 });
    const first = await runAlertJobs(deps, client, T0, quiet);
    expect(first.created).toHaveLength(4);
    expect(first.posted).toMatchObject({ messages: 2, alerts: 4, updated: 0 });
    const failedPost = posts().slice(before.posts).find((c) => c.body.text.startsWith('Failed interaction: 3 alerts'))!;
    expect(failedPost.body.blocks.at(-1).elements.map((e: { text: { text: string } }) => e.text.text)).toEqual([
      'Acknowledge', 'Snooze 24 h', 'View member', 'Useful', 'Noise', 'Known issue',
    ]);
    // Same scan again: every alert is refreshed, nothing posted.
    const again = await runAlertJobs(deps, client, T0 + 60_000, quiet);
    expect(again.created).toEqual([]);
    expect(mark()).toEqual({ posts: before.posts + 2, updates: before.updates });
    // A fourth failure later in the same hour joins the failed-interaction message.
    insertCall(deps.store, { member: 'M-4', start: T0 + 5 * 60_000, disposition: 'failed' });
    const later = await runAlertJobs(deps, client, T0 + 20 * 60_000, quiet);
    expect(later.posted).toMatchObject({ messages: 0, updated: 1, alerts: 1 });
    const update = slack.callsTo('chat.update').at(-1)!;
    expect(update.body.text).toMatch(/^Failed interaction: 4 alerts/);
    const failed = listAlerts(deps.store, { rule: 'failed_interaction' }, T0);
    expect(failed).toHaveLength(4);
    expect(new Set(failed.map((a) => a.messageTs))).toEqual(new Set([update.body.ts]));
  });

  it('alerts last seen more than a day ago are listed but not posted when a channel appears later', async () => {
    const noChannel = makeDeps({ now: T0 });
    insertCall(noChannel.store, { start: T0 - 50 * HOUR, disposition: 'failed' });
    scanAndRecordAlerts(noChannel, T0 - 49 * HOUR);
    expect((await postAlerts(noChannel, client, T0 - 49 * HOUR, quiet)).alerts).toBe(0); // no channel configured
    const withChannel = { ...noChannel, config: { ...noChannel.config, alerts: { ...noChannel.config.alerts, channel: CHANNEL } } };
    expect((await postAlerts(withChannel, client, T0, quiet)).alerts).toBe(0);
    expect(listAlerts(noChannel.store, {}, T0)).toHaveLength(1);
  });

  it('a failed post releases its claim and the next run posts it', async () => {
    const deps = deps0();
    insertCall(deps.store, { start: T0 - HOUR, disposition: 'failed' });
    slack.failNext('chat.postMessage', 'channel_not_found');
    expect((await runAlertJobs(deps, client, T0, quiet)).posted).toMatchObject({ messages: 0 });
    expect(listAlerts(deps.store, {}, T0)[0]).toMatchObject({ messageTs: null, channel: null });
    expect((await runAlertJobs(deps, client, T0 + 60_000, quiet)).posted).toMatchObject({ messages: 1, alerts: 1 });
  });

  it('cooldown: an acknowledged member alert is refreshed within 24 h, raised anew after', async () => {
    const deps = deps0();
    const fail = (at: number, n: number) => { for (let i = 0; i < n; i++) insertCall(deps.store, { member: 'M-9', start: at - (i + 1) * 60_000, disposition: 'failed', agent: null }); };
    const rules = { ...alertRules(deps.config), failed_interaction: { enabled: false, cooldownHours: 24 } };
    const run = (at: number) => scanAndRecordAlerts(deps, at, rules);
    fail(T0, 5);
    const [id] = run(T0).created;
    setAlertStatus(deps.store, [id], 'acknowledged', T0);
    fail(T0 + 10 * HOUR, 5);
    expect(run(T0 + 10 * HOUR)).toMatchObject({ created: [], refreshed: 1 });
    expect(getAlert(deps.store, id)).toMatchObject({ status: 'acknowledged', value: 10 });
    fail(T0 + 30 * HOUR, 5);
    const third = run(T0 + 30 * HOUR);
    expect(third.created).toHaveLength(1);
    expect(third.created[0]).not.toBe(id);
  });

  it('snooze: quiet for 24 h while the condition holds, then posted again', async () => {
    const deps = deps0();
    insertCall(deps.store, { id: 'C-long-1', start: T0 - HOUR, seconds: 4000 });
    await runAlertJobs(deps, client, T0, quiet);
    const [alert] = listAlerts(deps.store, { rule: 'long_interaction' }, T0);
    expect(alert.messageTs).toMatch(/^\d+\.\d+$/);
    setAlertStatus(deps.store, [alert.id], 'snoozed', T0 + 60_000);
    const candidate = { ...alert, kind: 'threshold' as const, rowRefs: alert.rowRefs, detail: alert.detail };
    const base = mark();
    expect(recordAlerts(deps.store, alertRules(deps.config), [candidate], T0 + 23 * HOUR).refreshed).toEqual([alert.id]);
    expect((await postAlerts(deps, client, T0 + 23 * HOUR, quiet)).alerts).toBe(0);
    expect(listAlerts(deps.store, {}, T0 + 23 * HOUR).map((a) => a.id)).not.toContain(alert.id);
    expect(recordAlerts(deps.store, alertRules(deps.config), [candidate], T0 + 25 * HOUR).refreshed).toEqual([alert.id]);
    expect(getAlert(deps.store, alert.id)).toMatchObject({ status: 'open', snoozedUntil: null, messageTs: null });
    expect((await postAlerts(deps, client, T0 + 25 * HOUR, quiet)).alerts).toBe(1);
    expect(mark().posts).toBe(base.posts + 1);
  });

  it('a spike is posted once while it lasts and gets one "back to normal" reply in its thread when it ends', async () => {
    const now = (date: string) => Date.parse(`${date}T15:10:00Z`);
    const deps = makeDeps({ now: now('2026-11-18'), env: { LEAK_ALERT_CHANNEL: CHANNEL } });
    for (let d = '2026-10-13'; d <= '2026-11-19'; d = addDays(d, 1)) {
      const up = d === '2026-11-17' || d === '2026-11-18';
      insertLeaks(deps.store, up ? 160 : 100, { date: d, segment: 'Commercial' });
    }
    const base = mark();
    const run = (date: string) => runAlertJobs({ ...deps, now: () => now(date) }, client, now(date), quiet);
    const day1 = await run('2026-11-18'); // scans 11-17 (closed) and 11-18 through 09:00
    expect(day1.posted).toMatchObject({ messages: 1 });
    const spikes = listAlerts(deps.store, { rule: 'leak_spike' }, now('2026-11-18'));
    expect(spikes.map((a) => a.subject).sort()).toEqual(['Commercial billing', 'billing', "billing 'Payment could not be processed'"]);
    const day2 = await run('2026-11-19'); // 11-18 still up: nothing new, nothing resolved
    expect(day2).toMatchObject({ created: [], resolved: [] });
    const day3 = await run('2026-11-20'); // 11-19 back at 100
    expect(day3.resolved).toHaveLength(3);
    expect(day3.posted).toMatchObject({ normal: 3, messages: 0 });
    const replies = posts().slice(base.posts).filter((c) => c.body.thread_ts);
    expect(replies.map((r) => r.body.text)).toContain('Back to normal: billing had 100 leaked calls on 2026-11-19 against 100 expected (+0%).');
    expect((await run('2026-11-20')).posted).toMatchObject({ normal: 0, messages: 0 });
  });
});
