/**
 * What `npm start` calls: starts the Slack app when credentials are set, otherwise says how to
 * connect and lets everything else run (the CLI gives every answer the bot gives).
 */
import type { Context } from '../context.ts';
import { buildSlackApp, slackMode, type SlackService } from './app.ts';
import { vocabularyOf } from '../../commands/asking.ts';
import { warmUpResolver } from '../ask/resolve.ts';

export type StartLog = { info(message: string): void };

export const HOW_TO_CONNECT = [
  'Slack: not connected (SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET are not set).',
  '  1. Create the app from src/slack/manifest.yml at https://api.slack.com/apps (From a manifest).',
  '  2. Install it, then set SLACK_BOT_TOKEN (xoxb-…, OAuth & Permissions) and SLACK_SIGNING_SECRET (Basic Information).',
  '     No public URL? Also set SLACK_APP_TOKEN (xapp-…, with connections:write) for Socket Mode.',
  '  3. npm start, then type /leak today in Slack. Meanwhile: npm run -s leak -- today',
].join('\n');

export async function startSlackIfConfigured(ctx: Context, log: StartLog = ctx.log): Promise<SlackService | undefined> {
  const mode = slackMode(ctx.config);
  if (!mode) {
    log.info(HOW_TO_CONNECT);
    return undefined;
  }
  const service = buildSlackApp(ctx);
  const { port } = await service.start();
  // The first question would otherwise pay for compiling the language libraries' code paths.
  warmUpResolver(vocabularyOf(ctx.store));
  log.info(
    mode === 'socket'
      ? 'Slack: connected over Socket Mode; /leak, buttons, mentions and the Home tab are live.'
      : `Slack: listening on ${ctx.config.slack.bind ? `${ctx.config.slack.bind}:${port}` : `port ${port}`} at /slack/events (commands, interactivity and events).`,
  );
  return service;
}
