import { describe, expect, it } from 'vitest';
import { parseInvocation } from '../../../commands/invocation.ts';
import { createAction, transitionAction } from '../../../src/actions/repository.ts';
import { makeDeps } from '../../helpers/store.ts';
import { loadKnownFix, SHIP_DATE } from './known-fix.ts';

async function leak(deps: ReturnType<typeof makeDeps>, ...argv: string[]) {
  const inv = await parseInvocation(argv, deps);
  const result = await inv.cmd.run(inv.args, deps);
  return { result, text: inv.cmd.renderText(result) as string };
}

describe('leak impact ACTION_ID', () => {
  it('shows the outcome so far of a tracked action, the same figures as its thread', async () => {
    const deps = makeDeps({ now: '2026-11-18T15:00:00Z' });
    await loadKnownFix(deps);
    const at = deps.now();
    const { action } = createAction(deps.store, { journey: 'billing', errorMessage: 'Not eligible', title: 'Explain Not eligible', ownerTeam: 'Billing' }, { user: 'dana', via: 'cli', at });
    expect((await leak(deps, 'impact', 'A-1')).text).toBe("A-1 has not shipped (proposed): there is no before/after yet. Mark it shipped with its ship date to start measuring.");
    transitionAction(deps.store, action.id, { kind: 'take' }, { user: 'sam', via: 'cli', at });
    transitionAction(deps.store, action.id, { kind: 'ship', shipDate: SHIP_DATE }, { user: 'sam', via: 'cli', at });
    const { text, result } = await leak(deps, 'impact', 'a1');
    expect(text.split('\n')[0]).toBe(
      'A-1 (Explain Not eligible), shipped 2026-11-10, 7 days after: Calls/day 11 → 6.6 (−40.3%), cost/day $88 → $52.60, repeat rate 100% → 0%: the change is well outside normal variation.' +
        ' Repeat rates count calls from 2026-11-03 on (earlier, the 7-day look-back reaches before the first call in the store, 2026-10-27).',
    );
    expect(text).toMatch(/calls a day +11 +6\.6/);
    expect(result).toMatchObject({ kind: 'action_impact', id: 'A-1', status: 'shipped', owner: 'sam', outcome: { before: { from: '2026-10-27', to: '2026-11-09' }, after: { from: '2026-11-11', to: '2026-11-17' } } });
    await expect(leak(deps, 'impact', 'A-7')).rejects.toThrow('No action A-7. Actions run from A-1 to A-1');
  });

  it('says why there is no outcome for an action shipped before the store\'s first day of calls', async () => {
    const deps = makeDeps({ now: '2026-11-18T15:00:00Z' });
    await loadKnownFix(deps);
    const at = deps.now();
    const { action } = createAction(deps.store, { journey: 'billing', title: 'Early fix', ownerTeam: 'Billing' }, { user: 'dana', via: 'cli', at });
    transitionAction(deps.store, action.id, { kind: 'take' }, { user: 'sam', via: 'cli', at });
    transitionAction(deps.store, action.id, { kind: 'ship', shipDate: '2026-10-20' }, { user: 'sam', via: 'cli', at });
    const { text, result } = await leak(deps, 'impact', 'A-1');
    expect(text).toBe("A-1 shipped 2026-10-20, before the store's first day of calls: there is no before to compare with.");
    expect(result).toMatchObject({ outcome: null });
  });

  it('says when there is no complete day after the ship date yet', async () => {
    const deps = makeDeps({ now: '2026-11-18T15:00:00Z' });
    await loadKnownFix(deps);
    const at = deps.now();
    const { action } = createAction(deps.store, { journey: 'billing', title: 'Fresh fix', ownerTeam: 'Billing' }, { user: 'dana', via: 'cli', at });
    transitionAction(deps.store, action.id, { kind: 'take' }, { user: 'sam', via: 'cli', at });
    transitionAction(deps.store, action.id, { kind: 'ship', shipDate: '2026-11-17' }, { user: 'sam', via: 'cli', at });
    const { text, result } = await leak(deps, 'impact', 'A-1', '--date', '2026-11-18');
    expect(text).toBe('A-1 shipped 2026-11-17: no complete day after it yet, so no outcome so far.');
    expect(result).toMatchObject({ outcome: null });
  });
});
