import { ErrorCode } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { classifySlackError, withSlackRetry } from '../../../reports/digest/retry.ts';

const rateLimited = (retryAfter: number) => Object.assign(new Error('ratelimited'), { code: ErrorCode.RateLimitedError, retryAfter });
const http = (statusCode: number) => Object.assign(new Error(`HTTP ${statusCode}`), { code: ErrorCode.HTTPError, statusCode, headers: {} });
const platform = (error: string) => Object.assign(new Error(error), { code: ErrorCode.PlatformError, data: { ok: false, error } });

describe('Slack retry policy', () => {
  it('retries rate limits (waiting at least Retry-After), 5xx and transient platform errors; not the rest', () => {
    expect(classifySlackError(rateLimited(7))).toMatchObject({ retry: true, retryAfterMs: 7000 });
    expect(classifySlackError(http(503))).toMatchObject({ retry: true });
    expect(classifySlackError(http(400))).toMatchObject({ retry: false });
    expect(classifySlackError(platform('internal_error'))).toMatchObject({ retry: true });
    expect(classifySlackError(platform('not_in_channel'))).toMatchObject({ retry: false, reason: 'Slack said not_in_channel' });
  });

  it('waits as told, then succeeds; gives up after the allowed retries with the reason', async () => {
    const waits: number[] = [];
    const sleep = async (ms: number) => void waits.push(ms);
    let calls = 0;
    const ok = await withSlackRetry(async () => (++calls < 3 ? Promise.reject(calls === 1 ? rateLimited(30) : http(502)) : 'done'), { retries: 3, baseMs: 100, maxMs: 1000, sleep });
    expect(ok).toBe('done');
    expect(waits[0]).toBe(30_000);
    expect(waits[1]).toBeGreaterThanOrEqual(150);
    expect(waits[1]).toBeLessThanOrEqual(250);

    await expect(withSlackRetry(() => Promise.reject(http(500)), { retries: 2, baseMs: 1, maxMs: 1, sleep })).rejects.toThrow('HTTP 500 (after 3 attempts)');
    calls = 0;
    await expect(withSlackRetry(() => (calls++, Promise.reject(platform('channel_not_found'))), { retries: 5, baseMs: 1, maxMs: 1, sleep })).rejects.toThrow('Slack said channel_not_found (after 1 attempt)');
    expect(calls).toBe(1);
  });
});
