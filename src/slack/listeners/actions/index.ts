import type { App } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import type { Access } from '../../access.ts';
import { editorsOnly } from '../editors-only.ts';
import { ACTION, RUN_ACTION_PATTERN } from '../../../blocks/elements.ts';
import { ACTION_IDS } from '../../../actions/blocks.ts';
import { RECOMMENDATION_TAKE_PATTERN } from '../../../actions/from-recommendation.ts';
import { ALERT_ACTION } from '../../../alerts/blocks.ts';
import { runCommandButton } from './run-command-button.ts';
import { shareInChannel } from './share-in-channel.ts';
import { takeRecommendation } from './take-recommendation.ts';
import { assignAction, shipOnDate, shipToday, trackedButton } from './tracked-buttons.ts';
import { dismissAction } from './dismiss-action.ts';
import { setAlertGroupStatus } from './alert-status.ts';
import { viewAlert } from './alert-view.ts';
import { recordAlertFeedback } from './alert-feedback.ts';
import { ASK_ACTION, ASK_CHOICE_PATTERN, ASK_DAY_PATTERN } from '../../ask/action-ids.ts';
import { askChoice } from './ask-choice.ts';
import { askJourney } from './ask-journey.ts';
import { askDate } from './ask-date.ts';
import { askFeedback } from './ask-feedback.ts';

export function registerActions(app: App, ctx: Context, access: Access): void {
  // Lines in button values run through answerLine, which applies every Slack check itself.
  app.action({ type: 'block_actions', action_id: RUN_ACTION_PATTERN }, runCommandButton(ctx, access));
  app.action({ type: 'block_actions', action_id: ACTION.share }, shareInChannel(ctx, access));

  // Controls that change shared state: editors only (LEAK_EDITORS).
  const edit = editorsOnly(access);
  app.action({ type: 'block_actions', action_id: RECOMMENDATION_TAKE_PATTERN }, edit, takeRecommendation(ctx));
  app.action({ type: 'block_actions', action_id: ACTION_IDS.take }, edit, trackedButton(ctx, () => ({ kind: 'take' })));
  app.action({ type: 'block_actions', action_id: ACTION_IDS.start }, edit, trackedButton(ctx, () => ({ kind: 'start' })));
  app.action({ type: 'block_actions', action_id: ACTION_IDS.ship }, edit, trackedButton(ctx, () => shipToday(ctx)));
  app.action({ type: 'block_actions', action_id: ACTION_IDS.assign }, edit, assignAction(ctx));
  app.action({ type: 'block_actions', action_id: ACTION_IDS.shipOn }, edit, shipOnDate(ctx));
  app.action({ type: 'block_actions', action_id: ACTION_IDS.dismiss }, edit, dismissAction(ctx));
  app.action({ type: 'block_actions', action_id: ALERT_ACTION.ack }, edit, setAlertGroupStatus(ctx, 'acknowledged', 'Acknowledged'));
  app.action({ type: 'block_actions', action_id: ALERT_ACTION.snooze }, edit, setAlertGroupStatus(ctx, 'snoozed', 'Snoozed for 24 h'));

  app.action({ type: 'block_actions', action_id: ALERT_ACTION.view }, viewAlert(ctx, access));
  app.action({ type: 'block_actions', action_id: ALERT_ACTION.useful }, recordAlertFeedback(ctx, 'useful', 'useful'));
  app.action({ type: 'block_actions', action_id: ALERT_ACTION.noise }, recordAlertFeedback(ctx, 'noise', 'noise'));
  app.action({ type: 'block_actions', action_id: ALERT_ACTION.known }, recordAlertFeedback(ctx, 'known', 'a known issue'));

  app.action({ type: 'block_actions', action_id: ASK_CHOICE_PATTERN }, askChoice(ctx, access));
  app.action({ type: 'block_actions', action_id: ASK_ACTION.journey }, askJourney(ctx, access));
  app.action({ type: 'block_actions', action_id: ASK_ACTION.date }, askDate(ctx, access, (a) => a.selected_date));
  app.action({ type: 'block_actions', action_id: ASK_DAY_PATTERN }, askDate(ctx, access, (a) => a.value));
  app.action({ type: 'block_actions', action_id: ASK_ACTION.up }, askFeedback(ctx, 'up'));
  app.action({ type: 'block_actions', action_id: ASK_ACTION.down }, askFeedback(ctx, 'down'));
}
