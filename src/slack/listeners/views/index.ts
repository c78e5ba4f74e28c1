import type { App } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import { DISMISS_VIEW } from '../../../actions/blocks.ts';
import { dismissActionModal } from './dismiss-action-modal.ts';

export function registerViews(app: App, ctx: Context): void {
  app.view(DISMISS_VIEW, dismissActionModal(ctx));
}
