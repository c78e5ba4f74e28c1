/**
 * Bolt's HTTP receiver with three checks in front, each answered at once and touching nothing:
 *  - the replay window in both directions (Bolt refuses a timestamp more than 5 minutes old but
 *    accepts one far in the future, see platform notes), on the header alone, before the body: 401;
 *  - a correct signature (401), then a body of a shape Slack sends (400), where Bolt would otherwise
 *    wait 3 s for an acknowledgement no listener can give;
 *  - the same signed bytes accepted once (bookkeeping/slack-requests.ts): a replay gets an empty 200
 *    and runs nothing. Slack's own redeliveries of events (X-Slack-Retry-Num) pass on, to be
 *    de-duplicated by event_id; the header is not signed, so it counts for events only.
 */
import { parse as parseQuery } from 'node:querystring';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defaultBodyLimit, HTTPReceiver, isValidSlackRequest, LogLevel, type HTTPReceiverOptions } from '@slack/bolt';
import type { Store } from '../../db/open-db.ts';
import { claimSignature } from '../bookkeeping/slack-requests.ts';

/** Slack's documented replay window. */
const MAX_SKEW_SECONDS = 5 * 60;
const ENDPOINT = '/slack/events';
const FORM = 'application/x-www-form-urlencoded';
/** The interactions the app has listeners for. */
const INTERACTIONS = ['block_actions', 'view_submission'];

export function isTimestampFresh(header: string | string[] | undefined, nowMs: number): boolean {
  if (typeof header !== 'string' || !/^\d+$/.test(header)) return false;
  return Math.abs(Math.floor(nowMs / 1000) - Number(header)) <= MAX_SKEW_SECONDS;
}

export type ReceiverOptions = {
  signingSecret: string;
  /** Where accepted signatures are remembered. */
  store: Store;
  /** The one slash command the app registers (/leak); another is not ours. */
  slashCommand: string;
  logLevel?: LogLevel;
  log?: { warn(message: string): void };
  now?: () => number;
};

export function createSlackReceiver(opts: ReceiverOptions): HTTPReceiver {
  const options: HTTPReceiverOptions = { signingSecret: opts.signingSecret, endpoints: [ENDPOINT], logLevel: opts.logLevel ?? LogLevel.WARN };
  const receiver = new HTTPReceiver(options);
  const now = opts.now ?? Date.now;
  const passOn = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST' || new URL(req.url ?? '/', 'http://localhost').pathname !== ENDPOINT) return passOn(req, res);
    // ssl_check pings carry no signature by design; Bolt handles them (and strips any payload).
    if (isSslCheck(req)) return passOn(req, res);
    if (!isTimestampFresh(req.headers['x-slack-request-timestamp'], now())) return refuse(req, res, 401);
    screen(req, res).catch((e: unknown) => {
      opts.log?.warn(`Leak: could not read a Slack request: ${(e as Error).message}`);
      if (!res.headersSent) refuse(req, res, 400);
    });
  };
  return receiver;

  async function screen(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req, defaultBodyLimit);
    if (!raw) return refuse(req, res, 413);
    const body = raw.toString('utf8');
    const signature = req.headers['x-slack-signature'];
    const timestamp = Number(req.headers['x-slack-request-timestamp']);
    if (typeof signature !== 'string' || !isValidSlackRequest({ signingSecret: opts.signingSecret, body, headers: { 'x-slack-signature': signature, 'x-slack-request-timestamp': timestamp }, nowMilliseconds: now() })) {
      return refuse(req, res, 401);
    }
    const shape = readShape(req.headers['content-type'], body, opts.slashCommand);
    if (shape === 'malformed') return refuse(req, res, 400);
    if (shape === 'rate_limited') {
      opts.log?.warn('Leak: Slack says it is rate limiting event deliveries to this app (app_rate_limited).');
      return refuse(req, res, 200);
    }
    const redelivery = shape === 'event' && req.headers['x-slack-retry-num'] !== undefined;
    if (!claimSignature(opts.store, signature, (timestamp + MAX_SKEW_SECONDS) * 1000, now()) && !redelivery) {
      opts.log?.warn('Leak: ignored a replayed Slack request (its signature was already used); nothing ran.');
      return refuse(req, res, 200);
    }
    // Bolt reads the body already buffered here (rawBody) and checks the signature again.
    (req as IncomingMessage & { rawBody: Buffer }).rawBody = raw;
    passOn(req, res);
  }
}

/** The kinds of body Slack sends to this app, or 'malformed' for anything no listener could answer. */
function readShape(contentType: string | undefined, body: string, slashCommand: string): 'command' | 'interaction' | 'event' | 'url_verification' | 'rate_limited' | 'malformed' {
  try {
    if (contentType === FORM) {
      const form = parseQuery(body);
      if (typeof form.payload === 'string') {
        const p = JSON.parse(form.payload) as { type?: unknown };
        return isObject(p) && typeof p.type === 'string' && INTERACTIONS.includes(p.type) ? 'interaction' : 'malformed';
      }
      const filled = (k: string) => typeof form[k] === 'string' && form[k] !== '';
      return form.command === slashCommand && ['user_id', 'channel_id', 'response_url'].every(filled) ? 'command' : 'malformed';
    }
    const json = JSON.parse(body) as { type?: unknown; event?: { type?: unknown }; event_id?: unknown; challenge?: unknown };
    if (!isObject(json)) return 'malformed';
    if (json.type === 'event_callback') return isObject(json.event) && typeof json.event.type === 'string' && typeof json.event_id === 'string' ? 'event' : 'malformed';
    if (json.type === 'url_verification') return typeof json.challenge === 'string' ? 'url_verification' : 'malformed';
    return json.type === 'app_rate_limited' ? 'rate_limited' : 'malformed';
  } catch {
    return 'malformed';
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The body, or undefined as soon as it passes `limit` bytes (the rest is read and discarded). */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      resolve(undefined);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  req.resume();
  res.writeHead(status);
  res.end();
}

/**
 * Slack's ssl_check pings may come without signature headers: Bolt answers those itself and
 * refuses (401) any other unsigned request, so they are passed on untouched.
 */
const isSslCheck = (req: IncomingMessage) => req.headers['x-slack-signature'] === undefined && req.headers['x-slack-request-timestamp'] === undefined;
