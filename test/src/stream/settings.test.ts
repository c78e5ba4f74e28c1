import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { describeLag, describePublish, streamSettings, streamSettingsFromConfig } from '../../../src/stream/index.ts';
import { decodeMessage, encodeMessage, MessageCutter, type RowsMessage } from '../../../src/stream/messages.ts';
import { kindOf } from '../../../src/stream/stream-settings.ts';
import { recordOf } from '../../../src/stream/apply-messages.ts';

describe('event-log settings', () => {
  it('defaults the names and checks each setting with a one-line error naming it', () => {
    expect(streamSettings({ url: 'nats://127.0.0.1:4222' })).toEqual({ url: 'nats://127.0.0.1:4222', name: 'LEAK', prefix: 'leak', consumer: 'leak' });
    expect(streamSettings({ url: 'nats://a:4222, nats://b:4222', prefix: 'acme.leak' }).prefix).toBe('acme.leak');
    expect(() => streamSettings({ url: 'http://x:4222' })).toThrow('Invalid event log URL "http://x:4222": must be nats://HOST:PORT (several separated by commas), e.g. nats://127.0.0.1:4222.');
    expect(() => streamSettings({ url: 'nats://x:70000' })).toThrow('Invalid event log URL "nats://x:70000": port 70000 is not a TCP port between 1 and 65535.');
    expect(() => streamSettings({ url: 'nats://x:1', name: 'LE.AK' })).toThrow(/^Invalid stream name "LE.AK": must be 1-64 letters/);
    expect(() => streamSettings({ url: 'nats://x:1', prefix: 'leak.>' })).toThrow(/^Invalid subject prefix "leak.>": must be subject tokens/);
    expect(() => streamSettings({ url: 'nats://x:1', consumer: 'a b' })).toThrow(/^Invalid consumer name "a b"/);
  });

  it('reads LEAK_STREAM and its names from the environment; unset means no consumer', () => {
    expect(streamSettingsFromConfig(loadConfig({}))).toBeUndefined();
    const config = loadConfig({ LEAK_STREAM: 'nats://10.0.0.5:4222', LEAK_STREAM_NAME: 'PLAN_A', LEAK_STREAM_PREFIX: 'plan_a', LEAK_STREAM_CONSUMER: 'bot-1' });
    expect(streamSettingsFromConfig(config)).toEqual({ url: 'nats://10.0.0.5:4222', name: 'PLAN_A', prefix: 'plan_a', consumer: 'bot-1' });
    expect(() => loadConfig({ LEAK_STREAM: 'localhost:4222' })).toThrow('Invalid LEAK_STREAM="localhost:4222": must be nats://HOST:PORT (several separated by commas), e.g. nats://127.0.0.1:4222.');
    expect(() => loadConfig({ LEAK_STREAM_NAME: 'a.b' })).toThrow(/^Invalid LEAK_STREAM_NAME="a.b": must be 1-64 letters/);
  });

  it('knows its subjects and nothing else', () => {
    expect(['leak.members', 'leak.digital', 'leak.calls', 'leak.claims', 'other.calls', 'leak.calls.x'].map((s) => kindOf('leak', s))).toEqual(['members', 'digital', 'calls', undefined, undefined, undefined]);
  });
});

describe('messages', () => {
  const msg: RowsMessage = { v: 1, source: 'csv', file: 'calls.csv', header: 'call_id,member_id', rows: [[2, 'c1,m1']] };

  it('the same rows on the same subject have the same id; another subject, file or line, another id', () => {
    const id = (subject: string, m: RowsMessage) => encodeMessage(subject, m).msgID;
    expect(id('leak.calls', msg)).toBe(id('leak.calls', { ...msg, rows: [[2, 'c1,m1']] }));
    const others = [id('leak.digital', msg), id('leak.calls', { ...msg, file: 'b.csv' }), id('leak.calls', { ...msg, rows: [[3, 'c1,m1']] })];
    expect(new Set([id('leak.calls', msg), ...others]).size).toBe(4);
  });

  it('decodes a well-formed message and says what is wrong with any other', () => {
    const data = encodeMessage('leak.calls', msg).data;
    expect(decodeMessage('leak', 'leak.calls', data)).toEqual({ ok: true, kind: 'calls', msg });
    const reason = (subject: string, body: unknown) => {
      const d = decodeMessage('leak', subject, new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body)));
      return d.ok ? 'ok' : d.reason;
    };
    expect(reason('leak.calls', '{"v":1,')).toMatch(/^not JSON \(/);
    expect(reason('leak.calls', { ...msg, v: 2 })).toMatch(/^not a rows message: v /);
    expect(reason('leak.calls', { ...msg, rows: [] })).toMatch(/^not a rows message: rows /);
    expect(reason('leak.calls', { ...msg, rows: [[0, 'x']] })).toMatch(/^not a rows message: rows\.0\.0 /);
    expect(reason('leak.calls', { ...msg, source: 'kafka' })).toMatch(/^not a rows message: source /);
    expect(reason('leak.x', msg)).toBe('unknown subject leak.x: Leak reads leak.members, leak.digital and leak.calls');
  });

  it('cuts rows at the row limit, and before a row that would pass the size limit', () => {
    const out: RowsMessage[] = [];
    const cutter = new MessageCutter({ v: 1, source: 'csv', file: 'f', header: 'h' }, (m) => out.push(m), 3);
    for (let i = 1; i <= 7; i++) cutter.add(i, `row ${i}`);
    cutter.add(8, 'x'.repeat(600 * 1024));
    cutter.flush();
    expect(out.map((m) => m.rows.map(([n]) => n))).toEqual([[1, 2, 3], [4, 5, 6], [7], [8]]);
  });

  it('reads a streamed line as the file’s own splitting read it', () => {
    expect(recordOf(5, 'a,"b,c",d')).toEqual({ lineNo: 5, raw: 'a,"b,c",d', fields: ['a', 'b,c', 'd'] });
    expect(recordOf(6, '')).toEqual({ lineNo: 6, raw: '', fields: [''] });
    expect(recordOf(7, '\uFEFFa,b').fields).toEqual(['\uFEFFa', 'b']);
    expect(recordOf(8, 'a,"b')).toMatchObject({ lineNo: 8, error: 'a quoted field is never closed' });
    expect(recordOf(9, 'a,b\nc,d')).toMatchObject({ lineNo: 9, error: 'a streamed line holds more than one CSV record' });
  });
});

describe('one-line summaries', () => {
  it('says what was published, and what the server refused as already there', () => {
    const base = { rows: 1500, messages: 2, duplicates: 0, duplicateRows: 0, bytes: 1, elapsedMs: 1234, rowsPerSecond: 1216 };
    const files = [{ kind: 'calls' as const, file: 'calls.csv', ...base }];
    expect(describePublish({ ...base, files })).toBe('Published 1,500 rows in 2 messages from 1 file in 1.2 s (1,216 rows/s).');
    expect(describePublish({ ...base, duplicates: 2, duplicateRows: 1500, files })).toBe(
      'Published 1,500 rows in 2 messages from 1 file in 1.2 s (1,216 rows/s); 1,500 rows in 2 messages were already in the stream (duplicate ids, not stored again).',
    );
  });

  it('says how far behind the store is', () => {
    const lag = { appliedSeq: 10, lastSeq: 10, at: 0 };
    expect(describeLag({ ...lag, pending: 0, oldestAgeMs: null })).toBe('Event log: up to date.');
    expect(describeLag({ ...lag, pending: 1, oldestAgeMs: 1400 })).toBe('Event log: 1 message behind, the oldest waiting 1 s.');
    expect(describeLag({ ...lag, pending: 12_345, oldestAgeMs: 125_000 })).toBe('Event log: 12,345 messages behind, the oldest waiting 2 min.');
    expect(describeLag({ ...lag, pending: 9, oldestAgeMs: 5_400_000 })).toBe('Event log: 9 messages behind, the oldest waiting 1.5 h.');
    // A reading old enough to doubt says how old it is.
    expect(describeLag({ ...lag, pending: 0, oldestAgeMs: null }, { readAgoMs: 180_000 })).toBe('Event log: up to date (last read 3 min ago).');
    expect(describeLag({ ...lag, pending: 1, oldestAgeMs: 1400 }, { readAgoMs: 90_000 })).toBe('Event log: 1 message behind, the oldest waiting 1 s (last read 2 min ago).');
  });
});
