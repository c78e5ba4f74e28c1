import type { App } from '@slack/bolt';
import type { CommandDeps } from '../../../../commands/types.ts';
import { dedupeEvents } from '../../event-dedupe.ts';
import { appHomeOpened } from './app-home-opened.ts';
import { appMention } from './app-mention.ts';

export function registerEvents(app: App, deps: CommandDeps): void {
  app.use(dedupeEvents(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('app_mention', appMention(deps));
}
