import { describe, expect, it } from 'vitest';
import { parseCommandArgs, parseInvocation } from '../../commands/invocation.ts';
import { describeError } from '../../src/errors.ts';
import { makeDeps } from '../helpers/store.ts';
import { loadKnownFix, SHIP_DATE } from '../src/actions/known-fix.ts';
import actionCommand from '../../commands/action.ts';

function seedJourney(deps: ReturnType<typeof makeDeps>) {
  deps.store.sqlite
    .prepare(`INSERT INTO digital_journeys_cleaned (event_id, member_id, session_id, ts, local_date, channel, device, journey, step, outcome, error_message)
              VALUES ('e1', 'M-000001', 's1', 0, '2026-11-20', 'app', 'mobile', 'billing', 'pay', 'error', 'Not eligible')`)
    .run();
}

async function leak(deps: ReturnType<typeof makeDeps>, ...argv: string[]) {
  const inv = await parseInvocation(argv, deps);
  const result = await inv.cmd.run(inv.args, deps);
  return { result, text: inv.cmd.renderText(result) as string };
}

describe('leak action (CLI)', () => {
  it('shows the outcome so far of a shipped action on data with a known fix', async () => {
    const deps = makeDeps({ now: '2026-11-18T15:00:00Z' });
    await loadKnownFix(deps);
    await leak(deps, 'action', 'new', 'billing', 'Explain Not eligible', '--team', 'Billing', '--error', 'Not eligible');
    await leak(deps, 'action', 'ack', 'A-1');
    // Shipping says what `impact A-1` says right after: one definition of the "after" window.
    const shipped = await leak(deps, 'action', 'ship', 'A-1', '--ship-date', SHIP_DATE);
    const line = 'outcome so far (14 days before 2026-11-10 vs 7 after): Calls/day 11 → 6.6 (−40.3%)';
    expect(shipped.text).toContain(line);
    expect(shipped.text).not.toContain('no complete day after the ship date yet');
    const shown = await leak(deps, 'action', 'show', 'A-1');
    expect(shown.text).toContain(line);
    expect((await leak(deps, 'impact', 'A-1')).text).toMatch(/^A-1 \(Explain Not eligible\), shipped 2026-11-10, 7 days after: Calls\/day 11 → 6\.6 \(−40\.3%\)/);
  });

  it('creates, acknowledges, ships and lists an action with its history', async () => {
    const deps = makeDeps({ now: '2026-11-24T17:00:00Z' });
    seedJourney(deps);
    const created = await leak(deps, 'action', 'new', 'billing', 'Fix the eligibility check', '--team', 'Billing', '--error', 'Not eligible', '--by', 'dana');
    expect(created.text).toContain('Created A-1 (proposed) for billing, owner team Billing.');
    await leak(deps, 'action', 'ack', 'A-1', '--assignee', 'U0SAM0001', '--by', 'dana');
    const shipped = await leak(deps, 'action', 'ship', 'a1', '--ship-date', '2026-11-20', '--by', 'sam');
    expect(shipped.text).toContain('A-1: acknowledged → shipped.');
    expect(shipped.text).toMatch(/acknowledged → shipped {2}by sam via cli {2}\(ship date 2026-11-20\)/);
    const list = await leak(deps, 'action', 'list');
    expect(list.text).toMatch(/A-1 +Shipped +billing +Fix the eligibility check +U0SAM0001 +0d/);
  });

  it('refuses an invalid transition and bad input with one line each', async () => {
    const deps = makeDeps();
    seedJourney(deps);
    await leak(deps, 'action', 'new', 'billing', 'Fix it', '--team', 'Billing');
    await expect(leak(deps, 'action', 'ship', 'A-1')).rejects.toThrow("A-1 can't ship before someone acknowledges it");
    await expect(leak(deps, 'action', 'start', 'A-9')).rejects.toThrow('No action A-9. Actions run from A-1 to A-1');
    expect(() => parseCommandArgs(actionCommand, ['new', 'dental', 'x', '--team', 'T'], deps)).toThrow('Unknown journey "dental". Known journeys: billing.');
    expect(() => parseCommandArgs(actionCommand, ['dismiss', 'A-1'], deps)).toThrow('Dismissing needs --reason');
    expect(describeError(catchIt(() => parseCommandArgs(actionCommand, ['fly'], deps)))).toMatch(/^Unknown action subcommand "fly": use one of new, list/);
  });
});

function catchIt(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}
