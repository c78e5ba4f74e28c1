/**
 * Retries for Slack calls the platform asks us to repeat: rate limits (honouring Retry-After),
 * 5xx and network failures, with exponential backoff and jitter. Anything else (not_in_channel,
 * invalid_auth, channel_not_found) fails at once: repeating it cannot help.
 */
import { ErrorCode } from '@slack/web-api';

export type RetryOptions = {
  retries: number;
  baseMs: number;
  maxMs: number;
  sleep?: (ms: number) => Promise<void>;
  onRetry?: (info: { attempt: number; delayMs: number; reason: string }) => void;
};

export const DEFAULT_RETRY: RetryOptions = { retries: 5, baseMs: 1_000, maxMs: 60_000 };

const TRANSIENT_PLATFORM_ERRORS = new Set(['ratelimited', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

type SlackishError = { code?: string; retryAfter?: number; statusCode?: number; headers?: Record<string, string>; data?: { error?: string } };

/** Whether to retry and, for rate limits, how long Slack told us to wait. */
export function classifySlackError(e: unknown): { retry: boolean; retryAfterMs?: number; reason: string } {
  const err = (e ?? {}) as SlackishError;
  switch (err.code) {
    case ErrorCode.RateLimitedError:
      return { retry: true, retryAfterMs: (err.retryAfter ?? 1) * 1000, reason: `rate limited (Retry-After ${err.retryAfter ?? '?'} s)` };
    case ErrorCode.HTTPError: {
      const status = err.statusCode ?? 0;
      const after = Number(err.headers?.['retry-after']);
      if (status === 429) return { retry: true, retryAfterMs: Number.isFinite(after) ? after * 1000 : undefined, reason: 'HTTP 429' };
      return { retry: status >= 500, reason: `HTTP ${status}` };
    }
    case ErrorCode.RequestError:
      return { retry: true, reason: `network error: ${(e as Error).message}` };
    case ErrorCode.PlatformError: {
      const code = err.data?.error ?? 'unknown_error';
      return { retry: TRANSIENT_PLATFORM_ERRORS.has(code), reason: `Slack said ${code}` };
    }
    default:
      return { retry: false, reason: e instanceof Error ? e.message : String(e) };
  }
}

/** Runs fn, retrying transient Slack failures; the last error is rethrown with its reason. */
export async function withSlackRetry<T>(fn: () => Promise<T>, opts: RetryOptions = DEFAULT_RETRY): Promise<T> {
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      const c = classifySlackError(e);
      if (!c.retry || attempt >= opts.retries) throw new SlackCallError(c.reason, attempt + 1, e);
      const backoff = Math.min(opts.maxMs, opts.baseMs * 2 ** attempt) * (0.75 + Math.random() * 0.5);
      // Slack's Retry-After wins over our cap: asking sooner only earns another 429.
      const delayMs = Math.max(c.retryAfterMs ?? 0, Math.min(opts.maxMs, backoff));
      opts.onRetry?.({ attempt: attempt + 1, delayMs, reason: c.reason });
      await sleep(delayMs);
    }
  }
}

class SlackCallError extends Error {
  constructor(
    readonly reason: string,
    readonly attempts: number,
    readonly original: unknown,
  ) {
    super(`${reason} (after ${attempts} attempt${attempts === 1 ? '' : 's'})`);
    this.name = 'SlackCallError';
  }
}
