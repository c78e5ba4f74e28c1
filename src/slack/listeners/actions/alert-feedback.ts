/** Useful / Noise / Known issue on an alert message: one verdict per person for the message, which `leak alerts --quality` reports. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { describeError } from '../../../errors.ts';
import { alertsOfMessage, recordFeedback, ruleQuality } from '../../../alerts/repository.ts';
import { alertRules } from '../../../alerts/rules.ts';
import type { Verdict } from '../../../alerts/types.ts';
import { privately } from '../reply.ts';
import { NO_SUCH_ALERT } from './alert-status.ts';
import { mrkdwn, mrkdwnOf } from '../../../blocks/mrkdwn.ts';

export function recordAlertFeedback(ctx: Context, verdict: Verdict, label: string) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    try {
      const id = Number((action as ButtonAction).value);
      const now = ctx.now();
      if (!recordFeedback(ctx.store, id, body.user.id, verdict, now)) return void (await privately(respond, NO_SUCH_ALERT));
      const rule = alertsOfMessage(ctx.store, id)[0].rule;
      const days = alertRules(ctx.config).noise.days;
      const q = ruleQuality(ctx.store, days, now).find((r) => r.rule === rule);
      await privately(respond, mrkdwn`Thanks, recorded as ${label}. ${rule}: ${q?.noise ?? 0} of ${q?.feedback ?? 0} verdicts in ${days} days say noise.`);
    } catch (e) {
      await privately(respond, mrkdwnOf(describeError(e)));
    }
  };
}
