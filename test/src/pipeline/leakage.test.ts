import { describe, expect, it } from 'vitest';
import { makeDeps } from '../../helpers/store.ts';
import { callRow, eventRow, leaked, load, memberRow, table, type Call, type Ev } from '../../helpers/leak-fixture.ts';
import { leakageInsertSql, prepareLeakage, rowsInScope } from '../../../src/pipeline/leakage.ts';

// 2026-11-20 is EST (UTC−5): 14:00Z is 09:00 local.
const T = (hhmmss: string) => `2026-11-20T${hhmmss}Z`;

describe('leaked call rule (0 < s − F.ts ≤ window, no completion in F’s session in [F.ts, s))', () => {
  const events: Ev[] = [
    { id: 'e1', member: 'M-000001', ts: T('14:00:00'), outcome: 'error' },
    { id: 'e2', member: 'M-000002', ts: T('14:00:00'), outcome: 'error' },
    { id: 'e3', member: 'M-000003', ts: T('14:00:00'), outcome: 'abandon' },
    // completion in the same session in between → not leaked
    { id: 'e4', member: 'M-000004', session: 's4', ts: T('14:00:00'), outcome: 'error' },
    { id: 'e4c', member: 'M-000004', session: 's4', ts: T('14:10:00'), outcome: 'complete' },
    // completion in another session → still leaked
    { id: 'e5', member: 'M-000005', session: 's5', ts: T('14:00:00'), outcome: 'error' },
    { id: 'e5c', member: 'M-000005', session: 's5b', ts: T('14:10:00'), outcome: 'complete' },
    // completion exactly at the call's start → not "before s" → still leaked
    { id: 'e6', member: 'M-000006', session: 's6', ts: T('14:00:00'), outcome: 'error' },
    { id: 'e6c', member: 'M-000006', session: 's6', ts: T('14:20:00'), outcome: 'complete' },
    // completion at the failure's own instant → "at or after F.ts" → not leaked
    { id: 'e7', member: 'M-000007', session: 's7', ts: T('14:00:00'), outcome: 'error' },
    { id: 'e7c', member: 'M-000007', session: 's7', ts: T('14:00:00'), outcome: 'complete' },
    // two failures before one call → the most recent one
    { id: 'e8a', member: 'M-000008', ts: T('14:00:00'), outcome: 'error', journey: 'billing', device: 'desktop', error: 'Card declined' },
    { id: 'e8b', member: 'M-000008', ts: T('14:10:00'), outcome: 'abandon', journey: 'pharmacy', device: 'tablet', channel: 'web', error: 'Timeout' },
    // most recent failure's session completed; an earlier failure in another session still qualifies
    { id: 'e9a', member: 'M-000009', session: 's9a', ts: T('14:00:00'), outcome: 'error', journey: 'id_card' },
    { id: 'e9b', member: 'M-000009', session: 's9b', ts: T('14:10:00'), outcome: 'error', journey: 'billing' },
    { id: 'e9c', member: 'M-000009', session: 's9b', ts: T('14:15:00'), outcome: 'complete', journey: 'billing' },
    // a call before any failure
    { id: 'e10', member: 'M-000010', ts: T('14:00:00'), outcome: 'error' },
    // two calls after one failure → two leaked calls
    { id: 'e11', member: 'M-000011', ts: T('14:00:00'), outcome: 'error' },
    // ok and complete events are not failures
    { id: 'e12', member: 'M-000012', ts: T('14:00:00'), outcome: 'ok' },
    { id: 'e13', member: 'M-000013', ts: T('14:00:00'), outcome: 'complete' },
    // a failure of another member explains nothing
    { id: 'e14', member: 'M-000099', ts: T('14:00:00'), outcome: 'error' },
    // two failures at the same instant: ties go to the larger event_id, whatever the load order
    { id: 'e15a', member: 'M-000015', ts: T('14:00:00'), outcome: 'error', journey: 'claims' },
    { id: 'e15b', member: 'M-000015', ts: T('14:00:00'), outcome: 'error', journey: 'benefits' },
  ];
  const calls: Call[] = [
    { id: 'c1', member: 'M-000001', start: T('14:30:00') }, // exactly 30:00 after
    { id: 'c2', member: 'M-000002', start: T('14:30:00.001') }, // 30:00.001 after
    { id: 'c3', member: 'M-000003', start: T('14:00:00') }, // same instant
    { id: 'c4', member: 'M-000004', start: T('14:20:00') },
    { id: 'c5', member: 'M-000005', start: T('14:20:00') },
    { id: 'c6', member: 'M-000006', start: T('14:20:00') },
    { id: 'c7', member: 'M-000007', start: T('14:20:00') },
    { id: 'c8', member: 'M-000008', start: T('14:20:00') },
    { id: 'c9', member: 'M-000009', start: T('14:20:00') },
    { id: 'c10', member: 'M-000010', start: T('13:59:59') },
    { id: 'c11a', member: 'M-000011', start: T('14:05:00') },
    { id: 'c11b', member: 'M-000011', start: T('14:25:00') },
    { id: 'c12', member: 'M-000012', start: T('14:05:00') },
    { id: 'c13', member: 'M-000013', start: T('14:05:00') },
    { id: 'c14', member: 'M-000014', start: T('14:05:00') },
    { id: 'c15', member: 'M-000015', start: T('14:05:00') },
  ];
  const expected = {
    c1: 'e1',
    c5: 'e5',
    c6: 'e6',
    c8: 'e8b',
    c9: 'e9a',
    c11a: 'e11',
    c11b: 'e11',
    c15: 'e15b',
  };

  it('marks exactly the calls the rule names, each attributed to the most recent qualifying failure', async () => {
    const deps = makeDeps();
    await load(deps, { digital: events.map(eventRow), calls: calls.map(callRow) });
    expect(leaked(deps.store)).toEqual(expected);
  });

  it('copies the attributed failure’s journey, error message, device and channel onto the call', async () => {
    const deps = makeDeps();
    await load(deps, { digital: events.map(eventRow), calls: calls.map(callRow) });
    const row = deps.store.sqlite.prepare('SELECT * FROM digital_call_leakage WHERE call_id = ?');
    expect(row.get('c8')).toMatchObject({ journey: 'pharmacy', error_message: 'Timeout', device: 'tablet', channel: 'web', failure_ts: Date.parse(T('14:10:00')) });
    expect(row.get('c9')).toMatchObject({ journey: 'id_card', failure_event_id: 'e9a' });
    expect(row.get('c1')).toMatchObject({ local_date: '2026-11-20', local_minute: 9 * 60 + 30, started_at: Date.parse(T('14:30:00')) });
  });

  it('uses LEAK_WINDOW_MINUTES: with a 10-minute window a call 30 minutes after is not leaked, one 10:00 after is', async () => {
    const deps = makeDeps({ env: { LEAK_WINDOW_MINUTES: '10' } });
    await load(deps, {
      digital: [eventRow({ id: 'e1', member: 'M-000001', ts: T('14:00:00'), outcome: 'error' })],
      calls: [callRow({ id: 'c1', member: 'M-000001', start: T('14:30:00') }), callRow({ id: 'c2', member: 'M-000001', start: T('14:10:00') })],
    });
    expect(leaked(deps.store)).toEqual({ c2: 'e1' });
  });

  it('finds a failure and a completion given with different UTC offsets by instant, not by text', async () => {
    const deps = makeDeps();
    await load(deps, {
      digital: [
        eventRow({ id: 'e1', member: 'M-000001', session: 's', ts: '2026-11-20T09:00:00-05:00', outcome: 'error' }),
        eventRow({ id: 'e1c', member: 'M-000001', session: 's', ts: '2026-11-20T15:10:00+01:00', outcome: 'complete' }),
        eventRow({ id: 'e2', member: 'M-000002', ts: '2026-11-20T15:00:00+01:00', outcome: 'error' }),
      ],
      calls: [callRow({ id: 'c1', member: 'M-000001', start: T('14:20:00') }), callRow({ id: 'c2', member: 'M-000002', start: '2026-11-20T09:30:00-05:00' })],
    });
    expect(leaked(deps.store)).toEqual({ c2: 'e2' });
  });
});

describe('segment, repeat, handle time and demographics on each leaked call', () => {
  const fail = (id: string, member: string, ts: string) => eventRow({ id, member, ts, outcome: 'error' });
  const at = (date: string, hm = '14:00') => `${date}T${hm}:00Z`;

  it('segments by plan: MAPD New under 365 days after enrolled_on, MAPD Tenured from 365 on, other plans by name, Unknown without a profile', async () => {
    const deps = makeDeps();
    await load(deps, {
      members: [
        memberRow({ id: 'M-000001', plan: 'MAPD', enrolled: '2025-11-21' }), // 364 days before 2026-11-20
        memberRow({ id: 'M-000002', plan: 'mapd', enrolled: '2025-11-20' }), // 365 days
        memberRow({ id: 'M-000003', plan: 'commercial', enrolled: '2026-11-01', language: 'ES', birth: '1995', state: 'fl' }),
        memberRow({ id: 'M-000004', plan: 'Medicaid', enrolled: '2020-01-01', birth: '1950' }),
        memberRow({ id: 'M-000005', plan: 'ACA', enrolled: '2020-01-01' }),
      ],
      digital: ['1', '2', '3', '4', '5', '6'].map((n) => fail(`e${n}`, `M-00000${n}`, at('2026-11-20', '13:50'))),
      calls: ['1', '2', '3', '4', '5', '6'].map((n) => callRow({ id: `c${n}`, member: `M-00000${n}`, start: at('2026-11-20') })),
    });
    const rows = table(deps.store, 'digital_call_leakage', 'call_id').map((r) => [r.call_id, r.segment, r.plan, r.language, r.age_group]);
    expect(rows).toEqual([
      ['c1', 'MAPD New', 'MAPD', 'en', 'Unknown'],
      ['c2', 'MAPD Tenured', 'MAPD', 'en', 'Unknown'],
      ['c3', 'Commercial', 'Commercial', 'es', 'Under 35'],
      ['c4', 'Medicaid', 'Medicaid', 'en', '75+'],
      ['c5', 'ACA', 'ACA', 'en', 'Unknown'],
      ['c6', 'Unknown', 'Unknown', 'unknown', 'Unknown'],
    ]);
  });

  it('judges MAPD tenure by the call’s local date, not its UTC date', async () => {
    // 2026-11-21T03:00Z is 22:00 on 2026-11-20 in New York: 364 days after 2025-11-21 → New.
    const deps = makeDeps();
    await load(deps, {
      members: [memberRow({ id: 'M-000001', plan: 'MAPD', enrolled: '2025-11-21' })],
      digital: [fail('e1', 'M-000001', '2026-11-21T02:55:00Z')],
      calls: [callRow({ id: 'c1', member: 'M-000001', start: '2026-11-21T03:00:00Z' })],
    });
    expect(table(deps.store, 'digital_call_leakage', 'call_id')[0]).toMatchObject({ local_date: '2026-11-20', segment: 'MAPD New' });
  });

  it('flags a repeat when the member had another call (leaked or not) in the 7 days (168 h) before', async () => {
    const deps = makeDeps();
    await load(deps, {
      digital: [fail('e1', 'M-000001', at('2026-11-20', '13:50')), fail('e2', 'M-000002', at('2026-11-20', '13:50')), fail('e3', 'M-000003', at('2026-11-20', '13:50'))],
      calls: [
        callRow({ id: 'p1', member: 'M-000001', start: '2026-11-13T14:00:00.000Z' }), // exactly 7 days before c1
        callRow({ id: 'c1', member: 'M-000001', start: at('2026-11-20') }),
        callRow({ id: 'p2', member: 'M-000002', start: '2026-11-13T13:59:59.999Z' }), // 7 days and 1 ms before
        callRow({ id: 'c2', member: 'M-000002', start: at('2026-11-20') }),
        callRow({ id: 'p3', member: 'M-000099', start: at('2026-11-19') }), // another member's call
        callRow({ id: 'c3', member: 'M-000003', start: at('2026-11-20') }),
      ],
    });
    const rows = table(deps.store, 'digital_call_leakage', 'call_id').map((r) => [r.call_id, r.is_repeat]);
    expect(rows).toEqual([['c1', 1], ['c2', 0], ['c3', 0]]);
  });

  it('keeps handle seconds and sentiment of the call', async () => {
    const deps = makeDeps();
    await load(deps, {
      digital: [fail('e1', 'M-000001', at('2026-11-20', '13:50'))],
      calls: [callRow({ id: 'c1', member: 'M-000001', start: at('2026-11-20'), end: '2026-11-20T14:07:30.400Z', s0: '-0.5', s1: '0.25' })],
    });
    expect(table(deps.store, 'digital_call_leakage', 'call_id')[0]).toMatchObject({ handle_seconds: 450, sentiment_start: -0.5, sentiment_end: 0.25, interaction: 'voice' });
  });
});

describe('leakage SQL uses the partial indexes and reads only dirty members', () => {
  const plan = (sql: string) => {
    const deps = makeDeps();
    prepareLeakage(deps.store.sqlite);
    return (deps.store.sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail);
  };

  for (const scope of ['all', 'dirty'] as const) {
    it(`${scope}: failure lookup via digital_failures, completion lookup via digital_completes`, () => {
      const details = plan(leakageInsertSql(scope, 1_800_000));
      expect(details.some((d) => /SEARCH f USING INDEX digital_failures \(member_id=\? AND ts>\? AND ts<\?\)/.test(d))).toBe(true);
      expect(details.some((d) => /SEARCH x USING COVERING INDEX digital_completes \(member_id=\? AND session_id=\? AND ts>\? AND ts<\?\)/.test(d))).toBe(true);
      expect(details.some((d) => /SEARCH p USING COVERING INDEX calls_member_started/.test(d))).toBe(true);
    });
  }

  it('dirty: walks the chunk of dirty members and seeks each member’s calls by index instead of scanning every call', () => {
    const details = plan(leakageInsertSql('dirty', 1_800_000));
    expect(details).toContain('SCAN d');
    expect(details.some((d) => /SEARCH c USING COVERING INDEX calls_member_started \(member_id=\? AND started_at>\? AND started_at<\?\)/.test(d))).toBe(true);
    expect(details.some((d) => /^SCAN c\b/.test(d))).toBe(false);
  });

  it('all: walks the calls in member order through calls_member_started, and reads a call in full only once it leaked', () => {
    const details = plan(leakageInsertSql('all', 1_800_000));
    expect(details[0]).toBe('SCAN c USING COVERING INDEX calls_member_started');
    const failureRow = details.indexOf('SEARCH f USING INTEGER PRIMARY KEY (rowid=?)');
    expect(failureRow).toBeGreaterThan(0);
    expect(details.indexOf('SEARCH c USING INTEGER PRIMARY KEY (rowid=?)')).toBeGreaterThan(failureRow);
  });

  it('dirty: the leaked calls to replace are found per dirty member through leakage_member', () => {
    const details = plan(`SELECT DISTINCT l.local_date FROM ${rowsInScope('dirty', 'digital_call_leakage', 'l')}`);
    expect(details[0]).toBe('SCAN d');
    expect(details.some((d) => /SEARCH l USING (COVERING )?INDEX leakage_member \(member_id=\? AND started_at>\? AND started_at<\?\)/.test(d))).toBe(true);
  });
});
