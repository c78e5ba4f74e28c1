import { beforeAll, describe, expect, it } from 'vitest';
import type { WebClient } from '@slack/web-api';
import { postActionMessage } from '../../../src/actions/announce.ts';
import { MAX_POST_ATTEMPTS, runActionJobs } from '../../../src/actions/jobs.ts';
import { createAction, getAction, listHistory, transitionAction } from '../../../src/actions/repository.ts';
import { useFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { makeDeps } from '../../helpers/store.ts';
import { tempDir } from '../../helpers/csv.ts';
import path from 'node:path';
import { loadKnownFix, SHIP_DATE } from './known-fix.ts';

let slack: FakeSlack;
let client: WebClient;
const quiet = { warn: () => {} };
const handles = useFakeSlack();
beforeAll(() => ({ slack, client } = handles));

const threadReplies = (ts: string) => slack.callsTo('chat.postMessage').filter((c) => c.body.thread_ts === ts).map((c) => c.body.text as string);

describe('runActionJobs', () => {
  it('reminds once after 48 business hours, not counting the weekend, and retries a failed reminder', async () => {
    const thursday10am = Date.parse('2026-11-19T15:00:00Z');
    const deps = makeDeps({ now: thursday10am });
    const { action } = createAction(deps.store, { journey: 'billing', title: 'Fix it', ownerTeam: 'Billing' }, { user: 'U1', via: 'slack-command', at: thursday10am });
    const posted = await postActionMessage(deps.store, client, action, 'C0ACTIONS');
    const run = (iso: string) => runActionJobs(deps, client, Date.parse(iso), quiet);

    expect((await run('2026-11-21T15:00:00Z')).reminded).toEqual([]); // Saturday: 38 business hours
    expect((await run('2026-11-23T14:00:00Z')).reminded).toEqual([]); // Monday 09:00: 47
    slack.failNext('chat.postMessage', 'internal_error');
    expect((await run('2026-11-23T15:00:00Z')).reminded).toEqual([]); // due, but Slack failed: claim released
    expect(getAction(deps.store, action.id)!.remindedAt).toBeNull();
    expect((await run('2026-11-23T16:00:00Z')).reminded).toEqual([action.id]);
    expect((await run('2026-11-23T17:00:00Z')).reminded).toEqual([]);
    // The failed attempt and the retry; no third.
    expect(threadReplies(posted.threadTs!).filter((t) => t.startsWith('Reminder'))).toEqual([
      'Reminder: nobody has acknowledged A-1 after 48 business hours (proposed by <@U1>). Billing, can someone click "I\'ll take it", assign it, or dismiss it with a reason?',
      'Reminder: nobody has acknowledged A-1 after 48 business hours (proposed by <@U1>). Billing, can someone click "I\'ll take it", assign it, or dismiss it with a reason?',
    ]);
  });

  it('posts actions made in the CLI to LEAK_ACTIONS_CHANNEL and announces later CLI changes in their thread', async () => {
    const deps = makeDeps({ env: { LEAK_ACTIONS_CHANNEL: 'C0ACTIONS1' }, now: '2026-11-24T15:00:00Z' });
    const at = deps.now();
    const { action } = createAction(deps.store, { journey: 'id_card', title: 'Fix the ID card download', ownerTeam: 'Digital' }, { user: 'dana', via: 'cli', at });
    expect(await runActionJobs(deps, client, at, quiet)).toMatchObject({ posted: 1, announced: 0 });
    const { threadTs, channel } = getAction(deps.store, action.id)!;
    expect(channel).toBe('C0ACTIONS1');
    transitionAction(deps.store, action.id, { kind: 'assign', assignee: 'U0SAM0001' }, { user: 'dana', via: 'cli', at });
    expect(await runActionJobs(deps, client, at + 3_600_000, quiet)).toMatchObject({ posted: 0, announced: 1 });
    expect(threadReplies(threadTs!)).toEqual(['dana assigned A-1 to <@U0SAM0001> (from the CLI): acknowledged.']);
    expect(slack.callsTo('chat.update').filter((c) => c.body.ts === threadTs)).toHaveLength(1);
    expect(await runActionJobs(deps, client, at + 7_200_000, quiet)).toMatchObject({ posted: 0, announced: 0 });
  });

  it('stops trying to post into a channel the bot is not in after a bounded number of hourly attempts, across a restart', async () => {
    const file = path.join(tempDir(), 'leak.db');
    const env = { LEAK_ACTIONS_CHANNEL: 'C0NOTIN01' };
    const first = makeDeps({ file, env, now: '2026-11-24T15:00:00Z' });
    createAction(first.store, { journey: 'billing', title: 'Fix billing', ownerTeam: 'Billing' }, { user: 'dana', via: 'cli', at: first.now() });
    for (let i = 0; i < MAX_POST_ATTEMPTS; i++) slack.failNext('chat.postMessage', 'not_in_channel');
    const lines: string[] = [];
    const log = { warn: (m: string) => lines.push(m) };
    const hourly = async (deps: typeof first, runs: number) => {
      for (let h = 0; h < runs; h++) await runActionJobs(deps, client, deps.now() + h * 3_600_000, log);
    };
    await hourly(first, 3);
    first.store.close();
    const restarted = makeDeps({ file, env, now: '2026-11-24T18:00:00Z' });
    await hourly(restarted, 2 * MAX_POST_ATTEMPTS);
    expect(slack.callsTo('chat.postMessage').filter((c) => c.body.channel === 'C0NOTIN01')).toHaveLength(MAX_POST_ATTEMPTS);
    expect(getAction(restarted.store, 1)).toMatchObject({ threadTs: null, postAttempts: MAX_POST_ATTEMPTS, postError: 'Slack said not_in_channel' });
    expect(lines.at(-1)).toBe(
      `Posting A-1 to C0NOTIN01 failed (Slack said not_in_channel); giving up after ${MAX_POST_ATTEMPTS} attempts: I'm not in that channel yet: invite me with \`/invite @Leak\`, then try again.`,
    );
    expect(lines.filter((l) => l.includes('giving up'))).toHaveLength(1);
    restarted.store.close();
  });

  it('posts the interim outcome after 7 days and the final after 14, then marks the action measured, once each', async () => {
    const deps = makeDeps({ now: '2026-11-05T15:00:00Z' });
    await loadKnownFix(deps);
    const at = Date.parse('2026-11-05T15:00:00Z');
    const { action } = createAction(deps.store, { journey: 'billing', errorMessage: 'Not eligible', title: 'Fix eligibility', ownerTeam: 'Billing' }, { user: 'U1', via: 'cli', at });
    const { threadTs } = await postActionMessage(deps.store, client, action, 'C0ACTIONS');
    transitionAction(deps.store, action.id, { kind: 'take' }, { user: 'U2', via: 'slack-button', at });
    transitionAction(deps.store, action.id, { kind: 'ship', shipDate: SHIP_DATE }, { user: 'U2', via: 'cli', at });
    const run = (iso: string) => runActionJobs(deps, client, Date.parse(iso), quiet);

    const first = await run('2026-11-12T15:00:00Z');
    expect(first).toMatchObject({ announced: 2, measured: [action.id], interim: [], final: [] });
    expect(threadReplies(threadTs!)).toEqual([
      '<@U2> took A-1: acknowledged, owner <@U2>.',
      '<@U2> marked A-1 shipped on 2026-11-10 (from the CLI). I\'ll re-measure billing · "Not eligible" daily and post an interim outcome after 7 days and the final one after 14.',
    ]);
    // Measured daily: the parent shows the outcome so far even before the interim post.
    expect(JSON.stringify(slack.callsTo('chat.update').filter((c) => c.body.ts === threadTs).at(-1)!.body.blocks)).toContain('Outcome so far');
    expect(await run('2026-11-18T15:00:00Z')).toMatchObject({ interim: [action.id], final: [] });
    expect(await run('2026-11-18T16:00:00Z')).toMatchObject({ measured: [], interim: [], final: [] });
    expect(await run('2026-11-25T15:00:00Z')).toMatchObject({ interim: [], final: [action.id] });
    expect(await run('2026-11-26T15:00:00Z')).toMatchObject({ measured: [], interim: [], final: [] });

    const replies = threadReplies(threadTs!);
    expect(replies.filter((t) => /outcome/.test(t) && !t.startsWith('<@'))).toEqual([
      'Interim outcome for A-1 after 7 days (vs the 14 days before 2026-11-10): Calls/day 11 → 6.6 (−40.3%), cost/day $88 → $52.60, repeat rate 100% → 0%: the change is well outside normal variation. Repeat rates count calls from 2026-11-03 on (earlier, the 7-day look-back reaches before the first call in the store, 2026-10-27).',
      'Final outcome for A-1 (14 days before 2026-11-10 vs 14 days after): Calls/day 11 → 6.5 (−40.9%), cost/day $88 → $52, repeat rate 100% → 0%: the change is well outside normal variation. Repeat rates count calls from 2026-11-03 on (earlier, the 7-day look-back reaches before the first call in the store, 2026-10-27). A-1 is now measured and closed.',
    ]);
    expect(replies).not.toContain('A-1 is measured and closed.'); // the final outcome says so already
    expect(getAction(deps.store, action.id)).toMatchObject({ status: 'measured' });
    expect(listHistory(deps.store, action.id).at(-1)).toMatchObject({ fromStatus: 'shipped', toStatus: 'measured', byUser: 'leak', via: 'scheduler' });
    const lastUpdate = slack.callsTo('chat.update').filter((c) => c.body.ts === threadTs).at(-1)!;
    expect(JSON.stringify(lastUpdate.body.blocks)).toContain('Final outcome');
    expect(JSON.stringify(lastUpdate.body.blocks)).not.toContain('tracked_take');
  });

  it('without Slack: still measures shipped actions, and the outcomes and reminders go to the log, once each', async () => {
    const deps = makeDeps({ now: '2026-11-05T15:00:00Z' });
    await loadKnownFix(deps);
    const at = Date.parse('2026-11-05T15:00:00Z');
    const { action } = createAction(deps.store, { journey: 'billing', errorMessage: 'Not eligible', title: 'Fix eligibility', ownerTeam: 'Billing' }, { user: 'dana', via: 'cli', at });
    transitionAction(deps.store, action.id, { kind: 'take' }, { user: 'dana', via: 'cli', at });
    transitionAction(deps.store, action.id, { kind: 'ship', shipDate: SHIP_DATE }, { user: 'dana', via: 'cli', at });
    const { action: waiting } = createAction(deps.store, { journey: 'id_card', title: 'Fix the ID card', ownerTeam: 'Digital' }, { user: 'dana', via: 'cli', at });
    const lines: string[] = [];
    const log = { warn: (m: string) => lines.push(`warn ${m}`), info: (m: string) => lines.push(m) };
    const run = (iso: string) => runActionJobs(deps, undefined, Date.parse(iso), log);
    expect(await run('2026-11-12T15:00:00Z')).toMatchObject({ posted: 0, announced: 0, measured: [action.id], reminded: [waiting.id] });
    expect(await run('2026-11-18T15:00:00Z')).toMatchObject({ interim: [action.id] });
    expect(await run('2026-11-25T15:00:00Z')).toMatchObject({ final: [action.id] });
    expect(await run('2026-11-26T15:00:00Z')).toMatchObject({ measured: [], interim: [], final: [], reminded: [] });
    expect(lines).toEqual([
      'Reminder: nobody has acknowledged A-2 after 48 business hours. Digital, can someone click "I\'ll take it", assign it, or dismiss it with a reason?',
      'Interim outcome for A-1 after 7 days (vs the 14 days before 2026-11-10): Calls/day 11 → 6.6 (−40.3%), cost/day $88 → $52.60, repeat rate 100% → 0%: the change is well outside normal variation. Repeat rates count calls from 2026-11-03 on (earlier, the 7-day look-back reaches before the first call in the store, 2026-10-27).',
      'Final outcome for A-1 (14 days before 2026-11-10 vs 14 days after): Calls/day 11 → 6.5 (−40.9%), cost/day $88 → $52, repeat rate 100% → 0%: the change is well outside normal variation. Repeat rates count calls from 2026-11-03 on (earlier, the 7-day look-back reaches before the first call in the store, 2026-10-27). A-1 is now measured and closed.',
    ]);
    expect(getAction(deps.store, action.id)).toMatchObject({ status: 'measured' });
  });
});
