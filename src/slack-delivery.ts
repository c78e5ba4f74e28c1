/**
 * Delivery to Slack, the same for every face and job that posts (Bolt's listeners, the schedulers,
 * `leak digest --post`): one retry layer, and what a refusal means in words.
 *
 * The one retry layer is the WebClient's own: @slack/web-api runs every HTTP request (file byte
 * uploads included) through p-retry with `retryConfig`. Read in its source (WebClient.makeRequest):
 * a 429 with Retry-After is waited out and retried; any other non-200 (WebAPIHTTPError) and network
 * failures (WebAPIRequestError) are retried; an `ok: false` answer (not_in_channel, invalid_blocks…)
 * never is. p-retry also reads `onFailedAttempt` (throwing there ends the retries) and node-retry's
 * `maxRetryTime`. So: only transient failures are retried (429, 5xx, 408, network), 4xx fail at
 * once, and a call gives up after `retries` retries or once RETRY_BUDGET_MS have passed, whichever
 * comes first. Nothing else in the app retries a Slack call.
 */
import type { FilesUploadV2Arguments, RetryOptions, WebClient, WebClientOptions } from '@slack/web-api';
import type { Config } from './config.ts';

/** Total time one call may spend retrying. A Retry-After Slack sends is waited out in full, once more at most. */
export const RETRY_BUDGET_MS = 2 * 60_000;
/** One HTTP request to Slack never waits longer than this (the SDK's default is forever). */
export const REQUEST_TIMEOUT_MS = 30_000;

export type RetryTiming = {
  /** First wait between retries, doubled each time (capped at 30 s); tests pass 0 so nothing waits on the clock. */
  minTimeoutMs?: number;
};

type FailedAttempt = Error & { code?: string; statusCode?: number };

/** Whether a failed attempt is worth repeating: rate limits (already waited out by the SDK), 5xx, 408, network. */
export function isTransientSlackFailure(e: FailedAttempt): boolean {
  if (e.code === 'slack_webapi_http_error') return (e.statusCode ?? 0) >= 500 || e.statusCode === 408;
  if (e.code === 'slack_webapi_request_error') return true;
  // The SDK signals "waited out Retry-After, try again" with a plain Error.
  return e.code === undefined && /rate limit was exceeded/.test(e.message);
}

/** The options every WebClient the app makes is built with. */
export function slackClientOptions(slack: Pick<Config['slack'], 'apiUrl' | 'apiRetries'>, timing: RetryTiming = {}): WebClientOptions {
  const retryConfig: RetryOptions & { onFailedAttempt(e: FailedAttempt): void } = {
    retries: slack.apiRetries,
    factor: 2,
    minTimeout: timing.minTimeoutMs ?? 1000,
    maxTimeout: 30_000,
    randomize: true,
    maxRetryTime: RETRY_BUDGET_MS,
    onFailedAttempt(e) {
      if (!isTransientSlackFailure(e)) throw e;
    },
  };
  return {
    ...(slack.apiUrl ? { slackApiUrl: slack.apiUrl } : {}),
    timeout: REQUEST_TIMEOUT_MS,
    retryConfig,
    // With no retries, a 429 fails at once rather than after sleeping Retry-After for nothing.
    rejectRateLimitedCalls: slack.apiRetries === 0,
  };
}

/** Slack's error code for a refused call (`not_in_channel`), when Slack answered at all. */
export function slackErrorCode(e: unknown): string | undefined {
  const code = (e as { data?: { error?: unknown } } | undefined)?.data?.error;
  return typeof code === 'string' ? code : undefined;
}

/** A failed Slack call in one line for a log, without a stack: what Slack said, or what went wrong on the way. */
export function describeSlackFailure(e: unknown): string {
  const code = slackErrorCode(e);
  if (code) return `Slack said ${code}`;
  const err = e as { code?: string; statusCode?: number; retryAfter?: number; message?: string } | undefined;
  if (err?.code === 'slack_webapi_rate_limited_error') return `Slack is rate limiting (Retry-After ${err.retryAfter ?? '?'} s)`;
  if (err?.code === 'slack_webapi_http_error') return `Slack answered HTTP ${err.statusCode}`;
  if (err?.code === 'slack_webapi_request_error') return `could not reach Slack (${err.message})`;
  return err?.message ?? String(e);
}

/** Whether Slack answered at all (a refusal or an HTTP error), as opposed to a bug of ours. */
export const isSlackFailure = (e: unknown): boolean => {
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && code.startsWith('slack_webapi_');
};

/** Refusals a person can fix, said the way Share says them. */
export const NOT_POSTABLE: Record<string, string> = {
  not_in_channel: "I'm not in that channel yet: invite me with `/invite @Leak`, then try again.",
  channel_not_found: "I can't post there (a private channel or DM I'm not part of, or a channel that no longer exists): invite me with `/invite @Leak`, or use a channel I'm in.",
  is_archived: 'That channel is archived, so I cannot post in it.',
  restricted_action: 'Posting there is restricted for apps in this workspace.',
};

/** The invite hint for a refusal a person can fix, if it is one. */
export const postingHint = (e: unknown): string | undefined => {
  const code = slackErrorCode(e);
  return code ? NOT_POSTABLE[code] : undefined;
};

/**
 * client.filesUploadV2 with the alt text Slack reads. @slack/web-api 8 passes each file's `alt_text`
 * to files.getUploadURLExternal as `alt_text`, but Slack documents (and its file objects carry) the
 * argument as `alt_txt`. The upload runs on a view of the client whose getUploadURLExternal adds
 * `alt_txt`; everything else, retries included, is the client's own.
 */
export function uploadFilesWithAltText(client: WebClient, args: FilesUploadV2Arguments): ReturnType<WebClient['filesUploadV2']> {
  const files = Object.create(client.files) as WebClient['files'];
  files.getUploadURLExternal = (a) => client.files.getUploadURLExternal({ ...a, ...(a.alt_text ? { alt_txt: a.alt_text } : {}) } as typeof a);
  const view = Object.create(client, { files: { value: files } }) as WebClient;
  return view.filesUploadV2(args);
}
