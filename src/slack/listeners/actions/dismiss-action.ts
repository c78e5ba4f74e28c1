/** "Dismiss" on a tracked action: checked first, so nobody types a reason for a dismissal that cannot happen; then the reason modal. */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { decodeRef, dismissModal } from '../../../actions/blocks.ts';
import { getAction } from '../../../actions/repository.ts';
import { decideTransition } from '../../../actions/state-machine.ts';
import { privately } from '../reply.ts';
import { NO_SUCH_ACTION, refreshClickedMessage } from './tracked-transition.ts';

export function dismissAction(ctx: Context) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const ref = decodeRef((action as ButtonAction).value);
    const current = ref && getAction(ctx.store, ref.id);
    if (!ref || !current) return privately(respond, NO_SUCH_ACTION);
    const d = decideTransition(current, { kind: 'dismiss', reason: 'pending' }, ref.version);
    if (!d.ok) {
      await privately(respond, d.reason);
      return refreshClickedMessage(client, body, current);
    }
    await client.views.open({ trigger_id: body.trigger_id, view: dismissModal(current, { channel: current.channel, ts: current.threadTs }) });
  };
}
