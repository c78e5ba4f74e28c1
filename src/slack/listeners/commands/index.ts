import type { App } from '@slack/bolt';
import type { Context } from '../../../context.ts';
import type { Access } from '../../access.ts';
import { leakCommand } from './leak-command.ts';

export const SLASH_COMMAND = '/leak';

export function registerCommands(app: App, ctx: Context, access: Access): void {
  app.command(SLASH_COMMAND, leakCommand(ctx, access));
}
