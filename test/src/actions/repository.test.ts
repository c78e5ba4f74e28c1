import { describe, expect, it } from 'vitest';
import { createAction, listHistory, transitionAction } from '../../../src/actions/repository.ts';
import { openStore } from '../../../db/open-db.ts';
import { makeDeps } from '../../helpers/store.ts';
import { tempDir } from '../../helpers/csv.ts';
import path from 'node:path';

const at = Date.parse('2026-11-24T15:00:00Z');
const cli = (user = 'alice') => ({ user, via: 'cli' as const, at });
const newAction = { journey: 'billing', title: 'Fix eligibility check', ownerTeam: 'Billing' };

describe('action lifecycle in the store', () => {
  it('walks proposed → acknowledged → in_progress → shipped → measured with one history row each', () => {
    const { store } = makeDeps();
    const { action } = createAction(store, newAction, cli());
    expect(action).toMatchObject({ status: 'proposed', version: 1 });
    expect(transitionAction(store, action.id, { kind: 'take' }, cli('U1'), 1)).toMatchObject({ ok: true, action: { status: 'acknowledged', assignee: 'U1', version: 2 } });
    expect(transitionAction(store, action.id, { kind: 'start' }, cli('U1'))).toMatchObject({ ok: true, action: { status: 'in_progress' } });
    expect(transitionAction(store, action.id, { kind: 'ship', shipDate: '2026-11-10' }, cli('U1'))).toMatchObject({ ok: true, action: { status: 'shipped', shipDate: '2026-11-10' } });
    expect(transitionAction(store, action.id, { kind: 'measure' }, { ...cli('leak'), via: 'scheduler' })).toMatchObject({ ok: true, action: { status: 'measured', version: 5 } });
    expect(listHistory(store, action.id).map((h) => [h.fromStatus, h.toStatus, h.byUser, h.via])).toEqual([
      [null, 'proposed', 'alice', 'cli'],
      ['proposed', 'acknowledged', 'U1', 'cli'],
      ['acknowledged', 'in_progress', 'U1', 'cli'],
      ['in_progress', 'shipped', 'U1', 'cli'],
      ['shipped', 'measured', 'leak', 'scheduler'],
    ]);
  });

  it('refuses invalid and stale transitions with a reason and changes nothing', () => {
    const { store } = makeDeps();
    const { action } = createAction(store, newAction, cli());
    const ship = transitionAction(store, action.id, { kind: 'ship', shipDate: '2026-11-10' }, cli('U1'));
    expect(ship).toMatchObject({ ok: false, reason: expect.objectContaining({ text: expect.stringContaining("can't ship before someone acknowledges it") }) });
    transitionAction(store, action.id, { kind: 'take' }, cli('U1'), 1);
    expect(transitionAction(store, action.id, { kind: 'take' }, cli('U2'), 2)).toMatchObject({ ok: false, reason: expect.objectContaining({ text: expect.stringContaining('already taken by <@U1>') }) });
    expect(transitionAction(store, action.id, { kind: 'start' }, cli('U2'), 1)).toMatchObject({ ok: false, reason: expect.objectContaining({ text: expect.stringContaining('out of date') }) });
    expect(transitionAction(store, action.id, { kind: 'dismiss', reason: '  ' }, cli('U2'))).toMatchObject({ ok: false });
    expect(listHistory(store, action.id)).toHaveLength(2);
  });

  it('lets exactly one of two connections win the same click (compare-and-set in SQL)', () => {
    const file = path.join(tempDir(), 'race.db');
    const a = openStore(file);
    const b = openStore(file);
    const { action } = createAction(a, newAction, cli());
    // Both read version 1 before either writes: simulate by deciding on b after a's write with b's stale read.
    const first = transitionAction(a, action.id, { kind: 'take' }, cli('U1'), 1);
    const second = transitionAction(b, action.id, { kind: 'take' }, cli('U2'), 1);
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, action: { assignee: 'U1' } });
    expect(listHistory(b, action.id).filter((h) => h.toStatus === 'acknowledged')).toHaveLength(1);
    a.close();
    b.close();
  });

  it('tracks one open action per recommendation', () => {
    const { store } = makeDeps();
    const first = createAction(store, { ...newAction, recommendationId: 'billing:MAPD New' }, cli());
    const again = createAction(store, { ...newAction, recommendationId: 'billing:MAPD New' }, cli('bob'));
    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, action: { id: first.action.id } });
  });
});
