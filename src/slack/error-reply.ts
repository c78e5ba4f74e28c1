/**
 * The one place errors become Slack replies. A LeakError is the one line the CLI would print
 * (usage shown as /leak); a call Slack refused says why (and how to invite the bot when that is
 * the fix); anything else is logged with its stack and the person gets one calm line.
 */
import { isLeakError } from '../errors.ts';
import { fitMessage, type SlackMessage } from '../blocks/limits.ts';
import { mrkdwn, sectionBlock } from '../blocks/mrkdwn.ts';
import { describeSlackFailure, isSlackFailure, postingHint } from '../slack-delivery.ts';

export type ErrorLog = { error(...args: unknown[]): void };

const UNEXPECTED = 'Something went wrong while answering; it has been logged. Please try again in a minute.';

export function errorLine(e: unknown, log: ErrorLog = console): string {
  if (isLeakError(e)) return e.message.replace(/\bUsage: leak /g, 'Usage: /leak ').replace(/'leak /g, "'/leak ");
  const slack = e as { code?: string; retryAfter?: number };
  if (slack?.code === 'slack_webapi_rate_limited_error') {
    return `Slack is rate limiting me right now; please try again in ${Math.max(1, slack.retryAfter ?? 30)} seconds.`;
  }
  if (isSlackFailure(e)) return postingHint(e) ?? `Slack did not take my answer (${describeSlackFailure(e)}); please try again in a minute.`;
  log.error('Leak: unexpected error while answering in Slack', e);
  return UNEXPECTED;
}

export function errorMessage(e: unknown, log: ErrorLog = console): SlackMessage {
  const line = errorLine(e, log);
  // Fitted like any answer: an error that quotes a long argument must still reach the person.
  return fitMessage(mrkdwn`${line}`, [sectionBlock(mrkdwn`:warning: ${line}`)]);
}
