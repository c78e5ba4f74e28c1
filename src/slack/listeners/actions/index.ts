import type { App } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { ACTION, RUN_ACTION_PATTERN } from '../../../blocks/elements.ts';
import { runCommandButton } from './run-command-button.ts';
import { shareInChannel } from './share-in-channel.ts';
import { registerActionListeners } from '../../../actions/slack-listeners.ts';
import { registerAlertListeners } from '../../../alerts/slack-listeners.ts';

export function registerActions(app: App, ctx: Context): void {
  app.action({ type: 'block_actions', action_id: RUN_ACTION_PATTERN }, runCommandButton(ctx));
  app.action({ type: 'block_actions', action_id: ACTION.share }, shareInChannel(ctx));
  registerActionListeners(app, ctx);
  registerAlertListeners(app, ctx);
}
