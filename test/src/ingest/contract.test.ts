import { describe, expect, it } from 'vitest';
import { checkContext, checkRow, CONTRACTS, parseInstant, type SourceContract } from '../../../src/ingest/contract.ts';

/** Checks as an import at this time would. */
const NOW = Date.parse('2026-11-24T17:00:00Z');
const check = (contract: SourceContract, values: string[]) => checkRow(contract, values, checkContext(NOW));

describe('parseInstant: ISO 8601 with Z or an offset', () => {
  it('reads Z, offsets, seconds and fractions as the same instant', () => {
    const t = Date.parse('2026-11-20T14:00:00Z');
    expect(parseInstant('2026-11-20T14:00Z')).toBe(t);
    expect(parseInstant('2026-11-20T09:00:00-05:00')).toBe(t);
    expect(parseInstant('2026-11-20T19:30:00+05:30')).toBe(t);
    expect(parseInstant(' 2026-11-20T14:00:00.001Z ')).toBe(t + 1);
  });

  it('refuses a time without a zone, a space instead of T, impossible dates and other shapes', () => {
    for (const bad of ['2026-11-20T14:00:00', '2026-11-20 14:00:00Z', '2026-02-30T14:00:00Z', '2026-11-20T25:00:00Z', '2026-11-20T14:00:00+0500', '1763647200000', '']) {
      expect(parseInstant(bad)).toBeNaN();
    }
  });
});

describe('checkRow', () => {
  const calls = CONTRACTS.calls;
  const row = (over: Record<string, string> = {}) => {
    const base: Record<string, string> = {
      call_id: 'c1', member_id: 'M-000001', started_at: '2026-11-20T14:00:00Z', ended_at: '2026-11-20T14:05:00Z', interaction: 'Voice',
      ivr_route: '', agent_id: '', disposition: 'resolved', sentiment_start: '', sentiment_end: '', survey_comment: '', transcript: '',
    };
    return calls.columns.map((c) => ({ ...base, ...over })[c.name]);
  };

  it('accepts a good row; optional columns may be empty', () => {
    expect(check(calls, row())).toBeNull();
  });

  it('first problem wins, with the column named', () => {
    expect(check(calls, row({ member_id: '', interaction: 'fax' }))).toEqual({ code: 'missing_value', reason: 'member_id is empty' });
    expect(check(calls, row({ interaction: 'fax' }))).toEqual({ code: 'bad_value', reason: 'interaction "fax" must be one of voice, video, chat, email' });
  });

  it('choices match in any ASCII case only, as silver lowercases them (a Kelvin sign is not a K)', () => {
    const digital = CONTRACTS.digital;
    const event = (device: string, outcome: string) => ['e1', 'M-000001', 's1', '2026-11-20T14:00:00Z', 'app', device, 'billing', 'pay', outcome, ''];
    expect(check(digital, event('DeskTop', 'OK'))).toBeNull();
    expect(check(digital, event('des\u212Atop', 'ok'))).toEqual({ code: 'bad_value', reason: 'device "des\u212Atop" must be one of mobile, desktop, tablet' });
    expect(check(digital, event('desktop', 'o\u212A'))?.code).toBe('bad_value');
  });

  it('sentiment bounds are inclusive: -1 and 1 pass, 1.01 does not', () => {
    expect(check(calls, row({ sentiment_start: '-1', sentiment_end: '1' }))).toBeNull();
    expect(check(calls, row({ sentiment_end: '.5' }))).toBeNull();
    expect(check(calls, row({ sentiment_end: '1.01' }))?.code).toBe('bad_value');
  });

  it('a call may end when it starts, not before; offsets are compared as instants', () => {
    expect(check(calls, row({ ended_at: '2026-11-20T14:00:00Z' }))).toBeNull();
    expect(check(calls, row({ ended_at: '2026-11-20T09:04:00-05:00' }))).toBeNull();
    expect(check(calls, row({ ended_at: '2026-11-20T08:59:00-05:00' }))).toEqual({ code: 'bad_time_order', reason: 'ended_at is before started_at' });
  });

  it('long bad values are truncated in the reason', () => {
    expect(check(calls, row({ disposition: 'x'.repeat(100) }))?.reason).toBe(`disposition "${'x'.repeat(57)}..." is 100 characters long; the limit is 64`);
    const r = check(calls, row({ disposition: 'x'.repeat(62) }));
    expect(r?.reason).toBe(`disposition "${'x'.repeat(57)}..." must be one of resolved, failed, transferred, abandoned`);
  });
});
