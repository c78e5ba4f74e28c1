import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimDigest, lastCoveredDay, listDigestFailures, listDigestStatus, markFailed, markPosted, notePosted, readRow, STALE_CLAIM_MS } from '../../../src/bookkeeping/digest-ledger.ts';
import { makeDeps } from '../../helpers/store.ts';
import { tempDir } from '../../helpers/csv.ts';

const key = { channel: '#ops', date: '2026-11-23' };
const claim = (deps: ReturnType<typeof makeDeps>, instance: string, now = 1_000, late = false) =>
  claimDigest(deps.store, key, { role: 'ops', late, instance, now });

describe('digest ledger', () => {
  it('lets exactly one of two stores on the same file claim a digest', () => {
    const file = path.join(tempDir(), 'leak.db');
    const a = makeDeps({ file });
    const b = makeDeps({ file });
    expect(claim(a, 'a')).toEqual({ outcome: 'claimed', attempts: 1 });
    expect(claim(b, 'b')).toEqual({ outcome: 'in_progress', status: 'posting' });
    markPosted(a.store, key, { ts: '1.1', channelId: 'C1', now: 2_000 });
    expect(claim(b, 'b')).toEqual({ outcome: 'already_posted', status: 'posted' });
    expect(readRow(b.store, key)).toMatchObject({ status: 'posted', ts: '1.1', attempts: 1, late: 0 });
    a.store.close();
    b.store.close();
  });

  it('retries a failed digest (nothing went out) but never an interrupted one (it may have)', () => {
    const deps = makeDeps();
    claim(deps, 'a');
    markFailed(deps.store, key, 'Slack said not_in_channel');
    expect(listDigestFailures(deps.store)).toMatchObject([{ channel: '#ops', status: 'failed', error: 'Slack said not_in_channel' }]);
    expect(claim(deps, 'b', 5_000, true)).toEqual({ outcome: 'claimed', attempts: 2 });
    expect(readRow(deps.store, key)).toMatchObject({ status: 'posting', late: 1, attempts: 2 });

    // The claimer dies mid-post: a fresh claim is left alone, a stale one is written off.
    expect(claim(deps, 'c', 5_000 + STALE_CLAIM_MS - 1)).toEqual({ outcome: 'in_progress', status: 'posting' });
    expect(claim(deps, 'c', 5_000 + STALE_CLAIM_MS + 1)).toEqual({ outcome: 'interrupted', status: 'interrupted' });
    expect(claim(deps, 'd', 99_999_999)).toEqual({ outcome: 'interrupted', status: 'interrupted' });
    expect(readRow(deps.store, key)?.error).toMatch(/not re-posted in case it already went out/);
  });

  it('knows the last day each channel covers, and drops a failure once a later digest covered its days', () => {
    const deps = makeDeps();
    const at = (date: string, from = date) => claimDigest(deps.store, { channel: '#ops', date }, { role: 'ops', late: false, instance: 'a', now: 1, from });
    expect(lastCoveredDay(deps.store, '#ops')).toBeUndefined();
    at('2026-11-19');
    markPosted(deps.store, { channel: '#ops', date: '2026-11-19' }, { ts: '1.1', channelId: 'C1', now: 2 });
    // Monday's digest (Friday to Sunday) fails: nothing went out, so Thursday is still the last day covered.
    at('2026-11-22', '2026-11-20');
    markFailed(deps.store, { channel: '#ops', date: '2026-11-22' }, 'Slack said not_in_channel');
    expect(lastCoveredDay(deps.store, '#ops')).toBe('2026-11-19');
    expect(listDigestFailures(deps.store).map((r) => r.digest_date)).toEqual(['2026-11-22']);
    // Tuesday's covers Friday to Monday: the failure is no longer a problem to show.
    at('2026-11-23', '2026-11-20');
    markPosted(deps.store, { channel: '#ops', date: '2026-11-23' }, { ts: '1.2', channelId: 'C1', now: 3 });
    expect(lastCoveredDay(deps.store, '#ops')).toBe('2026-11-23');
    expect(listDigestFailures(deps.store)).toEqual([]);
    expect(readRow(deps.store, { channel: '#ops', date: '2026-11-23' })?.from_date).toBe('2026-11-20');
  });

  it('lists problems first for the Home tab, including a posted digest whose charts failed', () => {
    const deps = makeDeps();
    const ok = { channel: '#exec', date: '2026-11-23' };
    claimDigest(deps.store, ok, { role: 'exec', late: false, instance: 'a', now: 1 });
    markPosted(deps.store, ok, { ts: '2.2', channelId: 'C2', now: 2 });
    const charts = { channel: '#exec', date: '2026-11-24' };
    claimDigest(deps.store, charts, { role: 'exec', late: false, instance: 'a', now: 1 });
    markPosted(deps.store, charts, { ts: '3.3', channelId: 'C2', now: 2 });
    notePosted(deps.store, charts, 'Posted, but the charts did not upload: HTTP 500');
    claim(deps, 'a');
    markFailed(deps.store, key, 'rate limited (after 6 attempts)');
    expect(listDigestStatus(deps.store).map((r) => [r.channel, r.digest_date, r.status])).toEqual([
      ['#ops', '2026-11-23', 'failed'],
      ['#exec', '2026-11-24', 'posted'],
      ['#exec', '2026-11-23', 'posted'],
    ]);
    expect(listDigestFailures(deps.store, { sinceDate: '2026-11-24' }).map((r) => r.error)).toEqual(['Posted, but the charts did not upload: HTTP 500']);
    // A claim whose process died is reported once it is stale, even before anyone tries to re-claim it.
    const stuck = { channel: '#stuck', date: '2026-11-24' };
    claimDigest(deps.store, stuck, { role: 'ops', late: false, instance: 'dead', now: 1_000 });
    expect(listDigestFailures(deps.store, { sinceDate: '2026-11-24', now: 1_000 + STALE_CLAIM_MS - 1 })).toHaveLength(1);
    expect(listDigestFailures(deps.store, { sinceDate: '2026-11-24', now: 1_000 + STALE_CLAIM_MS + 1 }).map((r) => [r.channel, r.status])).toEqual([
      ['#exec', 'posted'],
      ['#stuck', 'interrupted'],
    ]);
  });
});
