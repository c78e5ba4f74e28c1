import type { App } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import type { Access } from '../../access.ts';
import { editorsOnlySubmit } from '../editors-only.ts';
import { DISMISS_VIEW } from '../../../actions/blocks.ts';
import { dismissActionModal } from './dismiss-action-modal.ts';

export function registerViews(app: App, ctx: Context, access: Access): void {
  app.view(DISMISS_VIEW, editorsOnlySubmit(access), dismissActionModal(ctx));
}
