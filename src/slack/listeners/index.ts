/** Registers every listener, one registrar per kind; app.ts calls this once. */
import type { App } from '@slack/bolt';
import type { Context } from '../../context.ts';
import type { Access } from '../access.ts';
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';
import { registerEvents } from './events/index.ts';
import { registerViews } from './views/index.ts';

export function registerListeners(app: App, ctx: Context, access: Access): void {
  registerEvents(app, ctx, access);
  registerCommands(app, ctx, access);
  registerActions(app, ctx, access);
  registerViews(app, ctx, access);
}
