import { describe, expect, it } from 'vitest';
import { buildHomeBlocks } from '../../../src/slack/home/blocks.ts';
import { queryHome } from '../../../src/slack/home/query.ts';
import { recordAlerts } from '../../../src/alerts/repository.ts';
import { loadAlertRules } from '../../../src/alerts/rules.ts';
import { claimDigest, markFailed } from '../../../src/bookkeeping/digest-ledger.ts';
import { makeDeps } from '../../helpers/store.ts';
import { callRow, eventRow, load, memberRow } from '../../helpers/leak-fixture.ts';
import { NOW, seedLeaks } from './seed.ts';

const textOf = (view: ReturnType<typeof buildHomeBlocks>) => JSON.stringify(view.blocks);

describe('Home tab', () => {
  it('shows open alerts and the digests that did not go out, from the store', async () => {
    const deps = makeDeps({ now: NOW });
    await seedLeaks(deps);
    const quiet = textOf(buildHomeBlocks(queryHome(deps)));
    expect(quiet).toContain('No open alerts.');
    expect(quiet).not.toContain('Digests that did not go out');
    // The seeded store's newest call today starts at 10:05 in New York; it is 12:00.
    expect(quiet).toContain("No new data since 10:05 (now 12:00): today's counts and the trend's comparison hours stop there.");

    const now = Date.parse(NOW);
    recordAlerts(deps.store, loadAlertRules(), [
      {
        kind: 'threshold', rule: 'long_interaction', subjectType: 'agent', subject: 'AG-7', windowStart: now - 3_600_000, windowEnd: now,
        value: 3300, threshold: 3000, pValue: null, text: 'Call c-9 with AG-7 lasted 55 min (over 3,000 s)', dedupeKey: 'long_interaction:c-9',
        rowRefs: { call_ids: ['c-9'], total: 1 }, detail: { member: 'M-104382' },
      },
    ], now);
    const key = { channel: '#exec', date: '2026-11-23' };
    claimDigest(deps.store, key, { role: 'exec', late: false, instance: 'test', now });
    markFailed(deps.store, key, 'channel_not_found');

    const view = textOf(buildHomeBlocks(queryHome(deps)));
    expect(view).toContain('Call c-9 with AG-7 lasted 55 min');
    expect(view).toContain('Digests that did not go out');
    expect(view).toMatch(/#exec\* 2026-11-23 \(exec\): failed — channel_not_found/);
  });

  it('picks a journey that leaked none on the usual days and some today as the biggest mover, with no percentage of nothing', async () => {
    const deps = makeDeps({ now: NOW });
    await seedLeaks(deps);
    // claims: 4 leaked calls today, none on the Tuesday before (the store's first day is 2026-11-17).
    const ids = ['M-100011', 'M-100012', 'M-100013', 'M-100014'];
    await load(deps, {
      members: ids.map((id) => memberRow({ id, plan: 'MAPD', enrolled: '2025-01-01' })),
      digital: ids.map((member, i) => eventRow({ id: `e-n${i}`, member, ts: `2026-11-24T14:0${i}:00Z`, outcome: 'error', journey: 'claims', error: 'Claim not found' })),
      calls: ids.map((member, i) => callRow({ id: `c-n${i}`, member, start: `2026-11-24T14:1${i}:00Z` })),
    });
    const home = queryHome(deps);
    expect(home.today.journeys.find((j) => j.journey === 'claims')).toMatchObject({ calls: 4, weekday_mean: 0, weekday_pct: null });
    expect(home.mover).toMatchObject({ journey: 'claims', calls: 4, prior_mean: 0, change: 4, trend_pct: null, basis: 'weekday' });
    expect(textOf(buildHomeBlocks(home))).toContain('*claims*: 4 calls vs 0 on a usual Tuesday (up 4, new).');
  });
});
