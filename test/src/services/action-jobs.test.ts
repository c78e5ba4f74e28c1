import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAction, getAction } from '../../../src/actions/repository.ts';
import { ACTION_JOBS_CRON, startActionJobs } from '../../../src/services/action-jobs.ts';
import { clientFor, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { makeDeps } from '../../helpers/store.ts';

let slack: FakeSlack;
beforeAll(async () => void (slack = await startFakeSlack()));
afterAll(() => slack.close());

describe('startActionJobs', () => {
  it('runs once at start as the catch-up, then hourly in LEAK_TZ, and stops', async () => {
    const deps = makeDeps({ env: { LEAK_ACTIONS_CHANNEL: 'C0ACTIONS1' } });
    createAction(deps.store, { journey: 'billing', title: 'Fix it', ownerTeam: 'Billing' }, { user: 'dana', via: 'cli', at: deps.now() });
    const lines: string[] = [];
    const jobs = startActionJobs(deps, clientFor(slack), (l) => lines.push(l));
    const report = await jobs.startup;
    expect(report).toMatchObject({ posted: 1 });
    expect(getAction(deps.store, 1)!.channel).toBe('C0ACTIONS1');
    expect(lines).toEqual(['actions: 1 posted']);
    expect(ACTION_JOBS_CRON).toBe('7 * * * *');
    expect(jobs.task.getNextRun()!.getUTCMinutes()).toBe(7);
    await jobs.stop();
  });
});
