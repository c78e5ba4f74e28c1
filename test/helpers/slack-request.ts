/**
 * Requests exactly as Slack sends them, signed with the signing secret:
 * slash commands (form body), interactions (form body with one `payload=` JSON field) and
 * Events API callbacks (JSON, optionally a retry with X-Slack-Retry-Num / -Reason).
 * Signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}` (see platform notes).
 */
import crypto from 'node:crypto';

export type SlackRequest = { body: string; headers: Record<string, string> };

let triggerSeq = 0;
/** Slack gives every command and click its own trigger_id, so two of them are never the same bytes. */
const nextTriggerId = () => `${Date.now()}.${++triggerSeq}.abcdef`;

export type SignOptions = {
  secret: string;
  /** Unix seconds; defaults to now. Set an old or future value to test the replay window. */
  timestamp?: number;
};

export function signatureFor(secret: string, timestamp: number | string, body: string): string {
  return `v0=${crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

function signed(body: string, contentType: string, opts: SignOptions, extra: Record<string, string> = {}): SlackRequest {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    body,
    headers: {
      'content-type': contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signatureFor(opts.secret, timestamp, body),
      'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
      ...extra,
    },
  };
}

export const TEAM = { id: 'T0TEAM001', domain: 'leak-test' };
export const USER = { id: 'U0ALICE01', name: 'alice' };
export const CHANNEL = { id: 'C0LEAKS01', name: 'leaks' };

export type SlashCommandFields = {
  text: string;
  responseUrl: string;
  command?: string;
  userId?: string;
  userName?: string;
  channelId?: string;
  channelName?: string;
  triggerId?: string;
};

/** A slash command POST: application/x-www-form-urlencoded, fields in Slack's order. */
export function slashCommandRequest(f: SlashCommandFields, opts: SignOptions): SlackRequest {
  const body = new URLSearchParams({
    token: 'deprecated-verification-token',
    team_id: TEAM.id,
    team_domain: TEAM.domain,
    channel_id: f.channelId ?? CHANNEL.id,
    channel_name: f.channelName ?? CHANNEL.name,
    user_id: f.userId ?? USER.id,
    user_name: f.userName ?? USER.name,
    command: f.command ?? '/leak',
    text: f.text,
    api_app_id: 'A0LEAKAPP',
    is_enterprise_install: 'false',
    response_url: f.responseUrl,
    trigger_id: f.triggerId ?? nextTriggerId(),
  }).toString();
  return signed(body, 'application/x-www-form-urlencoded', opts);
}

/** Builds a block_actions payload for one clicked button, as Slack sends it. */
export function blockActionPayload(a: {
  actionId: string;
  value: string;
  blockId?: string;
  responseUrl?: string;
  userId?: string;
  channelId?: string;
  /** The message the button was on (for public messages); omitted for ephemeral containers. */
  message?: { ts: string; text?: string; blocks?: unknown[] };
  ephemeral?: boolean;
}): Record<string, unknown> {
  return {
    type: 'block_actions',
    user: { id: a.userId ?? USER.id, username: USER.name, name: USER.name, team_id: TEAM.id },
    api_app_id: 'A0LEAKAPP',
    token: 'deprecated-verification-token',
    container: a.message
      ? { type: 'message', message_ts: a.message.ts, channel_id: a.channelId ?? CHANNEL.id, is_ephemeral: a.ephemeral ?? false }
      : { type: 'message', message_ts: '1700000000.000100', channel_id: a.channelId ?? CHANNEL.id, is_ephemeral: a.ephemeral ?? true },
    trigger_id: nextTriggerId(),
    team: { id: TEAM.id, domain: TEAM.domain },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: a.channelId ?? CHANNEL.id, name: CHANNEL.name },
    ...(a.message ? { message: { type: 'message', ...a.message } } : {}),
    state: { values: {} },
    response_url: a.responseUrl,
    actions: [
      {
        action_id: a.actionId,
        block_id: a.blockId ?? 'b1',
        text: { type: 'plain_text', text: 'button', emoji: true },
        value: a.value,
        type: 'button',
        action_ts: `${Math.floor(Date.now() / 1000)}.000200`,
      },
    ],
  };
}

/** An interaction POST: form body with a single `payload` field holding the JSON. */
export function interactionRequest(payload: Record<string, unknown>, opts: SignOptions): SlackRequest {
  const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
  return signed(body, 'application/x-www-form-urlencoded', opts);
}

let eventSeq = 0;

/** Wraps an inner event in the Events API envelope (event_callback). */
export function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${Date.now()}${++eventSeq}`): Record<string, unknown> {
  return {
    token: 'deprecated-verification-token',
    team_id: TEAM.id,
    api_app_id: 'A0LEAKAPP',
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: TEAM.id, user_id: 'U0LEAKBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
    event_context: `4-${eventId}`,
  };
}

/** An Events API POST (JSON). `retryNum` adds X-Slack-Retry-Num/-Reason as Slack does on redelivery. */
export function eventRequest(envelope: Record<string, unknown>, opts: SignOptions & { retryNum?: number; retryReason?: string }): SlackRequest {
  const extra: Record<string, string> =
    opts.retryNum !== undefined ? { 'x-slack-retry-num': String(opts.retryNum), 'x-slack-retry-reason': opts.retryReason ?? 'http_timeout' } : {};
  return signed(JSON.stringify(envelope), 'application/json', opts, extra);
}

/** An app_mention event as delivered in a channel. */
export function appMentionEvent(text: string, opts: { ts?: string; threadTs?: string; userId?: string; channelId?: string } = {}): Record<string, unknown> {
  const ts = opts.ts ?? `${Math.floor(Date.now() / 1000)}.${String(++eventSeq).padStart(6, '0')}`;
  return {
    type: 'app_mention',
    user: opts.userId ?? USER.id,
    text,
    ts,
    ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
    channel: opts.channelId ?? CHANNEL.id,
    event_ts: ts,
    team: TEAM.id,
  };
}

export function appHomeOpenedEvent(userId = USER.id): Record<string, unknown> {
  return { type: 'app_home_opened', user: userId, channel: 'D0HOME001', tab: 'home', event_ts: `${Math.floor(Date.now() / 1000)}.000300` };
}

/** A direct message to the bot (message.im) as delivered; `extra` adds fields such as subtype or bot_id. */
export function imMessageEvent(text: string, opts: { ts?: string; threadTs?: string; userId?: string; channelId?: string; extra?: Record<string, unknown> } = {}): Record<string, unknown> {
  const ts = opts.ts ?? `${Math.floor(Date.now() / 1000)}.${String(++eventSeq).padStart(6, '0')}`;
  return {
    type: 'message',
    channel: opts.channelId ?? 'D0LEAKDM1',
    channel_type: 'im',
    user: opts.userId ?? USER.id,
    text,
    ts,
    event_ts: ts,
    ...(opts.threadTs ? { thread_ts: opts.threadTs } : {}),
    team: TEAM.id,
    ...opts.extra,
  };
}
