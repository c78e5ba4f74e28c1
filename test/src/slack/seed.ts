/** A small store for the Slack tests: leaked calls today (2026-11-24, New York) and the week before. */
import { afterAll, beforeAll } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../helpers/fake-slack.ts';
import { startApp, type StartedApp } from '../../helpers/start-app.ts';
import { makeDeps } from '../../helpers/store.ts';
import type { Context } from '../../../src/context.ts';
import { callRow, eventRow, load, memberRow } from '../../helpers/leak-fixture.ts';

export const NOW = '2026-11-24T17:00:00Z'; // 12:00 in New York

/** billing leaks 3 times today (1 a day before), id_card once today. */
export async function seedLeaks(deps: Context): Promise<void> {
  const members = ['M-100001', 'M-100002', 'M-100003', 'M-100004'].map((id) => memberRow({ id, plan: 'MAPD', enrolled: '2025-01-01' }));
  const digital: string[] = [];
  const calls: string[] = [];
  const leak = (id: string, member: string, day: string, journey: string) => {
    digital.push(eventRow({ id: `e-${id}`, member, ts: `${day}T14:00:00Z`, outcome: 'error', journey, error: 'Payment failed' }));
    calls.push(callRow({ id: `c-${id}`, member, start: `${day}T14:10:00Z` }));
  };
  for (let d = 17; d <= 23; d++) leak(`b${d}`, 'M-100001', `2026-11-${d}`, 'billing');
  leak('t1', 'M-100001', '2026-11-24', 'billing');
  leak('t2', 'M-100002', '2026-11-24', 'billing');
  leak('t3', 'M-100003', '2026-11-24', 'billing');
  digital.push(eventRow({ id: 'e-i1', member: 'M-100004', ts: '2026-11-24T15:00:00Z', outcome: 'error', journey: 'id_card', error: 'Card not found' }));
  calls.push(callRow({ id: 'c-i1', member: 'M-100004', start: '2026-11-24T15:05:00Z' }));
  await load(deps, { members, digital, calls });
}

/**
 * The real app on a fake Slack over a seeded store, started before a file's tests and stopped after.
 * The handles are filled in by the time tests run.
 */
export function useSeededApp(): { slack: FakeSlack; app: StartedApp } {
  const handles = {} as { slack: FakeSlack; app: StartedApp };
  beforeAll(async () => {
    handles.slack = await startFakeSlack();
    const deps = makeDeps({ now: NOW });
    await seedLeaks(deps);
    handles.app = await startApp({ slack: handles.slack, deps });
  });
  afterAll(async () => {
    await handles.app?.stop();
    await handles.slack?.close();
  });
  return handles;
}
