/**
 * The demo path: the simulator told that a billing fix shipped on 2026-11-10 (`--fix billing:2026-11-10:40`),
 * an action tracked and shipped that day, and the hourly job posting the final outcome: a real,
 * significant drop for billing, while an untouched journey over the same dates shows none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postActionMessage } from '../../../src/actions/announce.ts';
import { runActionJobs } from '../../../src/actions/jobs.ts';
import { measureActionOutcome } from '../../../src/actions/outcome.ts';
import { createAction, getAction, transitionAction } from '../../../src/actions/repository.ts';
import { runBackfill } from '../../../src/simulator/backfill.ts';
import { parseFix } from '../../../src/simulator/scenario.ts';
import { clientFor, startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { makeDeps } from '../../helpers/store.ts';

let slack: FakeSlack;
beforeAll(async () => void (slack = await startFakeSlack()));
afterAll(() => slack.close());

describe('outcome on simulated data with a known shipped fix', () => {
  it('measures the drop the simulator was told about, and none where no fix shipped', async () => {
    const deps = makeDeps({ now: '2026-11-25T15:00:00Z' });
    runBackfill(deps.store, deps.config, { seed: 42, scale: 0.005, days: 30, end: Date.parse('2026-11-25T05:00:00Z'), fixes: [parseFix('billing:2026-11-10:40')] });
    const at = Date.parse('2026-11-05T15:00:00Z');
    const { action } = createAction(deps.store, { journey: 'billing', title: 'Fix the billing failure', ownerTeam: 'Digital Billing' }, { user: 'U1', via: 'cli', at });
    const client = clientFor(slack);
    const { threadTs } = await postActionMessage(deps.store, client, action, 'C0LEAKS01');
    transitionAction(deps.store, action.id, { kind: 'take' }, { user: 'U2', via: 'slack-button', at });
    transitionAction(deps.store, action.id, { kind: 'ship', shipDate: '2026-11-10' }, { user: 'U2', via: 'slack-button', at });

    const report = await runActionJobs(deps, client, deps.now(), { warn: () => {} });
    expect(report.final).toEqual([action.id]);
    const a = getAction(deps.store, action.id)!;
    expect(a.status).toBe('measured');
    const outcome = JSON.parse(a.lastOutcome!);
    expect(outcome.afterDays).toBe(14);
    expect(outcome.change_pct).toBeLessThan(-20);
    expect(outcome.verdict).toMatch(/outside normal variation/);
    const final = slack.callsTo('chat.postMessage').find((c) => c.body.thread_ts === threadTs && /^Final outcome/.test(c.body.text))!;
    expect(final.body.text).toContain(outcome.sentence);

    const control = measureActionOutcome(deps, { journey: 'id_card', segment: null, errorMessage: null, shipDate: '2026-11-10' }, '2026-11-25')!;
    expect(Math.abs(control.change_pct!)).toBeLessThan(10);
    expect(control.verdict).toBe('within normal variation');
  }, 20_000);
});
