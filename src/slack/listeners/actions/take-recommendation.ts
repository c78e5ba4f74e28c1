/**
 * "I'll take it" on a recommendation (the digest's or /leak actions'): the button's value names the
 * recommendation, computed again from the store; it becomes a tracked action owned by whoever clicks,
 * posted in that channel.
 * The same recommendation clicked twice, or by two people, tracks one action.
 */
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { describeError } from '../../../errors.ts';
import { announceAction, postActionMessage } from '../../../actions/announce.ts';
import { recommendationFromValue } from '../../../actions/from-recommendation.ts';
import { zoneClock } from '../../../time.ts';
import { createAction, transitionAction } from '../../../actions/repository.ts';
import { formatActionId } from '../../../actions/types.ts';
import { privately } from '../reply.ts';
import { channelMention, mrkdwn, mrkdwnOf } from '../../../blocks/mrkdwn.ts';
import { describeSlackFailure, postingHint } from '../../../slack-delivery.ts';
import { actorOf } from './tracked-transition.ts';

export function takeRecommendation(ctx: Context) {
  return async ({ ack, body, action, client, respond }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    try {
      const input = recommendationFromValue(ctx, (action as ButtonAction).value, zoneClock(ctx.config.timeZone).today(ctx.now()));
      const { action: created, created: isNew } = createAction(ctx.store, input, actorOf(ctx, body.user.id, 'slack-button'));
      const r = transitionAction(ctx.store, created.id, { kind: 'take' }, actorOf(ctx, body.user.id, 'slack-button'));
      if (!r.ok && r.action.threadTs !== null) {
        const where = r.action.threadTs && r.action.channel ? mrkdwn` Follow it in ${channelMention(r.action.channel)}.` : '';
        return privately(respond, mrkdwn`${r.reason}${where}`);
      }
      // Taken now, or taken before but never posted (the bot was not in the channel): a click posts it.
      const channel = r.action.channel ?? body.channel?.id ?? body.container?.channel_id;
      if (!channel) return privately(respond, mrkdwn`I could not tell which channel to track this in; use /leak action new in a channel.`);
      const id = formatActionId(created.id);
      try {
        await postActionMessage(ctx.store, client, r.action, channel);
      } catch (e) {
        const owned = r.ok ? mrkdwn`You own ${id}, but its message` : mrkdwn`${r.reason} Its message`;
        const hint = postingHint(e);
        return privately(
          respond,
          hint
            ? mrkdwn`${owned} is not posted in ${channelMention(channel)}: ${hint}`
            : mrkdwn`${owned} could not be posted in ${channelMention(channel)} (${describeSlackFailure(e)}); I'll try again within the hour.`,
        );
      }
      await announceAction(ctx.store, client, created.id, ctx.config);
      await privately(
        respond,
        r.ok
          ? mrkdwn`${isNew ? 'Tracking' : 'You took'} ${id}: you own it. Updates and the before/after outcome will be in its thread in ${channelMention(channel)}.`
          : mrkdwn`${r.reason} Its message is now posted in ${channelMention(channel)}, where updates and the before/after outcome will follow.`,
      );
    } catch (e) {
      await privately(respond, mrkdwnOf(describeError(e)));
    }
  };
}
