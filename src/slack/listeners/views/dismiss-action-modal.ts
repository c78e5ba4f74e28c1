/** The dismiss modal submitted: the reason is recorded and announced; a refusal is shown in the reason field, and nothing changes. */
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { announceAction } from '../../../actions/announce.ts';
import { decodeRef } from '../../../actions/blocks.ts';
import { getAction, transitionAction } from '../../../actions/repository.ts';
import { plainTextOf } from '../../../blocks/mrkdwn.ts';

export function dismissActionModal(ctx: Context) {
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const meta = JSON.parse(view.private_metadata || '{}') as { ref?: string };
    const ref = decodeRef(meta.ref);
    const reason = view.state.values.reason?.reason?.value ?? '';
    if (!ref || !getAction(ctx.store, ref.id)) return ack({ response_action: 'errors', errors: { reason: 'That action no longer exists.' } });
    const r = transitionAction(ctx.store, ref.id, { kind: 'dismiss', reason }, { user: body.user.id, via: 'slack-modal', at: ctx.now() }, ref.version);
    if (!r.ok) return ack({ response_action: 'errors', errors: { reason: plainTextOf(r.reason).replace(/@[UW][A-Z0-9]+/g, 'someone else') } });
    await ack();
    await announceAction(ctx.store, client, ref.id, ctx.config);
  };
}
