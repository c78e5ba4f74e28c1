/**
 * View on an alert message: opens the member (member) or the root cause of the journey (why)
 * privately, as if the person had asked; alerts with neither list their calls.
 */
import type { AllMiddlewareArgs, BlockAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { describeError } from '../../../errors.ts';
import type { Alert } from '../../../alerts/types.ts';
import { answerLine } from '../../answer.ts';
import { privately } from '../reply.ts';
import { alertGroup, NO_SUCH_ALERT } from './alert-status.ts';
import { joinMrkdwn, mrkdwn, mrkdwnOf } from '../../../blocks/mrkdwn.ts';
import type { Access } from '../../access.ts';

/** The command a View button runs for an alert: its member's record, else its journey's root cause; undefined for neither. */
function viewCommandLine(a: Alert): string | undefined {
  if (a.detail.member) return `member ${a.detail.member}`;
  return a.detail.journey ? `why ${a.detail.journey}${a.detail.date ? ` --date ${a.detail.date}` : ''}` : undefined;
}

export function viewAlert(ctx: Context, access: Access) {
  return async ({ ack, body, action, client, respond, logger }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    try {
      const alerts = alertGroup(ctx, action);
      const first = alerts[0];
      if (!first) return void (await privately(respond, NO_SUCH_ALERT));
      const line = viewCommandLine(first);
      if (line) {
        const message = await answerLine(line, { ...ctx, slack: { userId: body.user.id, channelId: body.channel?.id ?? body.user.id, client } }, { shareable: true, log: logger, audience: 'requester', access });
        return void (await respond({ response_type: 'ephemeral', replace_original: false, text: message.text, blocks: message.blocks }));
      }
      const rows = alerts.slice(0, 10).map((a) => mrkdwn`#${a.id} ${a.text} Calls: ${(a.rowRefs.call_ids ?? []).slice(0, 10).join(', ') || 'none'}${a.rowRefs.total > 10 ? ` (of ${a.rowRefs.total})` : ''}.`);
      await privately(respond, joinMrkdwn(rows, '\n'));
    } catch (e) {
      await privately(respond, mrkdwnOf(describeError(e)));
    }
  };
}
