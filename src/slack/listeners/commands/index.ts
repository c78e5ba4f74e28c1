import type { App } from '@slack/bolt';
import type { CommandDeps } from '../../../../commands/types.ts';
import { leakCommand } from './leak-command.ts';

export const SLASH_COMMAND = '/leak';

export function registerCommands(app: App, deps: CommandDeps): void {
  app.command(SLASH_COMMAND, leakCommand(deps));
}
