import type { App } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import type { Access } from '../../access.ts';
import { dedupeEvents } from './dedupe-events.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { appMention } from './app-mention.ts';
import { messageIm } from './message-im.ts';

export function registerEvents(app: App, ctx: Context, access: Access): void {
  app.use(dedupeEvents(ctx));
  app.event('app_home_opened', appHomeOpened(ctx));
  app.event('app_mention', appMention(ctx, access));
  app.event('message', messageIm(ctx, access));
}
