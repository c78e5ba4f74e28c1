/**
 * Slack side of tracked actions: the "I'll take it" button on recommendations, the buttons,
 * user picker and date picker on an action's own message, and the dismiss modal. Every listener
 * acks first (Slack allows 3 s), decides in the store (compare-and-set), then announces: thread
 * reply + chat.update of the parent. A refusal is answered privately and changes nothing.
 */
import type { App, BlockAction, ButtonAction, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Context } from '../context.ts';
import { describeError } from '../errors.ts';
import { zoneClock } from '../time.ts';
import { announceAction, postActionMessage } from './announce.ts';
import { ACTION_IDS, buildActionMessageBlocks, actionFallbackText, decodeRef, dismissModal, DISMISS_VIEW } from './blocks.ts';
import { parseRecommendationValue, RECOMMENDATION_TAKE_PATTERN } from './from-recommendation.ts';
import { createAction, getAction, transitionAction } from './repository.ts';
import { decideTransition } from './state-machine.ts';
import { formatActionId, type Action, type ActionEvent } from './types.ts';

type Element = { action_id: string; value?: string; block_id: string; selected_user?: string; selected_date?: string };
const privately = async (respond: RespondFn, text: string): Promise<void> => {
  await respond({ response_type: 'ephemeral', replace_original: false, text });
};

export function registerActionListeners(app: App, ctx: Context): void {
  const actor = (user: string, via: 'slack-button' | 'slack-modal') => ({ user, via, at: ctx.now() });

  /** Applies a click, then announces or explains. */
  async function apply(client: WebClient, respond: RespondFn, body: BlockAction, ref: { id: number; version: number } | undefined, event: ActionEvent): Promise<void> {
    const action = ref && getAction(ctx.store, ref.id);
    if (!ref || !action) return privately(respond, 'That action no longer exists; run /leak action list for the current ones.');
    const r = transitionAction(ctx.store, ref.id, event, actor(body.user.id, 'slack-button'), ref.version);
    if (r.ok) {
      await announceAction(ctx.store, client, ref.id, ctx.config);
      return;
    }
    await privately(respond, r.reason);
    await refreshClickedMessage(client, body, r.action);
  }

  app.action({ type: 'block_actions', action_id: RECOMMENDATION_TAKE_PATTERN }, async ({ ack, body, action, client, respond }) => {
    await ack();
    const b = body as BlockAction;
    try {
      const input = parseRecommendationValue((action as ButtonAction).value);
      const { action: created, created: isNew } = createAction(ctx.store, input, actor(b.user.id, 'slack-button'));
      const r = transitionAction(ctx.store, created.id, { kind: 'take' }, actor(b.user.id, 'slack-button'));
      if (!r.ok) {
        const where = created.threadTs ? ` Follow it in <#${created.channel}>.` : '';
        return privately(respond, `${r.reason}${where}`);
      }
      const channel = created.channel ?? b.channel?.id ?? b.container?.channel_id;
      if (!channel) return privately(respond, 'I could not tell which channel to track this in; use /leak action new in a channel.');
      try {
        await postActionMessage(ctx.store, client, r.action, channel);
      } catch (e) {
        return privately(respond, `You own ${formatActionId(created.id)}, but posting its message in <#${channel}> failed (${(e as Error).message}); I'll retry within the hour.`);
      }
      await announceAction(ctx.store, client, created.id, ctx.config);
      await privately(respond, `${isNew ? 'Tracking' : 'You took'} ${formatActionId(created.id)}: you own it. Updates and the before/after outcome will be in its thread in <#${channel}>.`);
    } catch (e) {
      await privately(respond, describeError(e));
    }
  });

  const button = (id: string, toEvent: () => ActionEvent) =>
    app.action(id, async ({ ack, body, action, client, respond }) => {
      await ack();
      await apply(client, respond, body as BlockAction, decodeRef((action as ButtonAction).value), toEvent());
    });
  button(ACTION_IDS.take, () => ({ kind: 'take' }));
  button(ACTION_IDS.start, () => ({ kind: 'start' }));
  button(ACTION_IDS.ship, () => ({ kind: 'ship', shipDate: zoneClock(ctx.config.timeZone).today(ctx.now()) }));

  app.action(ACTION_IDS.assign, async ({ ack, body, action, client, respond }) => {
    await ack();
    const el = action as unknown as Element;
    if (!el.selected_user) return;
    await apply(client, respond, body as BlockAction, decodeRef(el.block_id.replace(/^tracked:/, '')), { kind: 'assign', assignee: el.selected_user });
  });

  app.action(ACTION_IDS.shipOn, async ({ ack, body, action, client, respond }) => {
    await ack();
    const date = (action as unknown as Element).selected_date;
    const today = zoneClock(ctx.config.timeZone).today(ctx.now());
    if (!date) return;
    if (date > today) return privately(respond, `${date} is in the future: mark the action shipped once it has shipped (today is ${today}).`);
    await apply(client, respond, body as BlockAction, decodeRef((action as unknown as Element).block_id.replace(/^tracked:/, '')), { kind: 'ship', shipDate: date });
  });

  app.action(ACTION_IDS.dismiss, async ({ ack, body, action, client, respond }) => {
    await ack();
    const b = body as BlockAction;
    const ref = decodeRef((action as ButtonAction).value);
    const current = ref && getAction(ctx.store, ref.id);
    if (!ref || !current) return privately(respond, 'That action no longer exists; run /leak action list for the current ones.');
    // Check before opening the modal, so nobody types a reason for a dismissal that cannot happen.
    const d = decideTransition(current, { kind: 'dismiss', reason: 'pending' }, ref.version);
    if (!d.ok) {
      await privately(respond, d.reason);
      return refreshClickedMessage(client, b, current);
    }
    await client.views.open({ trigger_id: b.trigger_id, view: dismissModal(current, { channel: current.channel, ts: current.threadTs }) });
  });

  app.view(DISMISS_VIEW, async ({ ack, body, view, client }) => {
    const meta = JSON.parse(view.private_metadata || '{}') as { ref?: string };
    const ref = decodeRef(meta.ref);
    const reason = view.state.values.reason?.reason?.value ?? '';
    if (!ref || !getAction(ctx.store, ref.id)) return ack({ response_action: 'errors', errors: { reason: 'That action no longer exists.' } });
    const r = transitionAction(ctx.store, ref.id, { kind: 'dismiss', reason }, actor(body.user.id, 'slack-modal'), ref.version);
    // The modal is the private place to explain a refusal: the reason field shows it, nothing changed.
    if (!r.ok) return ack({ response_action: 'errors', errors: { reason: r.reason.replace(/<@([A-Z0-9]+)>/g, 'someone else') } });
    await ack();
    await announceAction(ctx.store, client, ref.id, ctx.config);
  });
}

/** A refused click came from an out-of-date copy: show the current state in place. */
async function refreshClickedMessage(client: WebClient, body: BlockAction, action: Action): Promise<void> {
  const ts = body.container?.message_ts;
  const channel = body.channel?.id ?? body.container?.channel_id;
  if (!ts || !channel || ts !== action.threadTs) return;
  await client.chat.update({ channel, ts, text: actionFallbackText(action), blocks: buildActionMessageBlocks(action) }).catch(() => undefined);
}

