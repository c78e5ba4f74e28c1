/** Registers every listener; app.ts calls this once. */
import type { App } from '@slack/bolt';
import type { CommandDeps } from '../../../commands/types.ts';
import { registerActions } from './actions/index.ts';
import { registerCommands } from './commands/index.ts';
import { registerEvents } from './events/index.ts';

export function registerListeners(app: App, deps: CommandDeps): void {
  registerEvents(app, deps);
  registerCommands(app, deps);
  registerActions(app, deps);
}
