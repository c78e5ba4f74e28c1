/**
 * Bolt's HTTP receiver with the replay window enforced in both directions. Bolt refuses a
 * timestamp more than 5 minutes old but accepts one far in the future (see platform notes), so a
 * captured request signed with a future timestamp could be replayed for as long as it stays ahead.
 * The check runs on the header alone, before the body is read: a refused request touches nothing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HTTPReceiver, LogLevel, type HTTPReceiverOptions } from '@slack/bolt';

/** Slack's documented replay window. */
const MAX_SKEW_SECONDS = 5 * 60;

export function isTimestampFresh(header: string | string[] | undefined, nowMs: number): boolean {
  if (typeof header !== 'string' || !/^\d+$/.test(header)) return false;
  return Math.abs(Math.floor(nowMs / 1000) - Number(header)) <= MAX_SKEW_SECONDS;
}

export function createSlackReceiver(opts: { signingSecret: string; logLevel?: LogLevel; now?: () => number }): HTTPReceiver {
  const options: HTTPReceiverOptions = {
    signingSecret: opts.signingSecret,
    endpoints: ['/slack/events'],
    logLevel: opts.logLevel ?? LogLevel.WARN,
  };
  const receiver = new HTTPReceiver(options);
  const now = opts.now ?? Date.now;
  const passOn = receiver.requestListener;
  receiver.requestListener = (req: IncomingMessage, res: ServerResponse) => {
    // ssl_check pings carry no signature by design; Bolt handles them (and strips any payload).
    if (req.method === 'POST' && !isTimestampFresh(req.headers['x-slack-request-timestamp'], now()) && !isSslCheck(req)) {
      req.resume();
      res.writeHead(401);
      res.end();
      return;
    }
    passOn(req, res);
  };
  return receiver;
}

/**
 * Slack's ssl_check pings may come without signature headers: Bolt answers those itself and
 * refuses (401) any other unsigned request, so they are passed on untouched.
 */
const isSslCheck = (req: IncomingMessage) => req.headers['x-slack-signature'] === undefined && req.headers['x-slack-request-timestamp'] === undefined;
