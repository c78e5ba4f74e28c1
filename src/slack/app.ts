/**
 * Builds the Slack app (Bolt) and registers its listeners; nothing else. HTTP mode when
 * SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set (receiver on PORT at /slack/events);
 * Socket Mode when SLACK_APP_TOKEN (xapp-…) is set as well, so no public URL is needed.
 */
import { App, LogLevel, type Logger } from '@slack/bolt';
import type { Context } from '../context.ts';
import type { Config } from '../config.ts';
import { LeakError } from '../errors.ts';
import { slackClientOptions, type RetryTiming } from '../slack-delivery.ts';
import { createSlackReceiver } from './receiver.ts';
import { registerListeners } from './listeners/index.ts';
import { SLASH_COMMAND } from './listeners/commands/index.ts';
import { createDirectory } from '../people/directory.ts';
import { createAccess } from './access.ts';

export type SlackMode = 'http' | 'socket';

export type SlackService = {
  app: App;
  mode: SlackMode;
  /** HTTP mode listens on `listen` (default: PORT on LEAK_BIND, or every interface); resolves with the bound port. */
  start(listen?: { port: number; host?: string }): Promise<{ port?: number; address?: string }>;
  stop(): Promise<void>;
};

/** Which mode the configuration allows, or undefined when Slack is not configured. */
export function slackMode(config: Config): SlackMode | undefined {
  const { botToken, signingSecret, appToken } = config.slack;
  if (!botToken) return undefined;
  if (appToken) return 'socket';
  return signingSecret ? 'http' : undefined;
}

export function buildSlackApp(ctx: Context, opts: { logLevel?: LogLevel; logger?: Logger; retryTiming?: RetryTiming } = {}): SlackService {
  const { slack } = ctx.config;
  const mode = slackMode(ctx.config);
  if (!mode || !slack.botToken) {
    throw new LeakError('bad_config', 'Slack needs SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode).');
  }
  const logLevel = opts.logLevel ?? LogLevel.WARN;
  // Every call the listeners and the schedulers make goes through this client's one retry layer.
  const clientOptions = slackClientOptions(slack, opts.retryTiming);
  const logger = opts.logger ? { logger: opts.logger } : {};
  const app =
    mode === 'socket'
      ? new App({ token: slack.botToken, appToken: slack.appToken, socketMode: true, logLevel, ...logger, clientOptions, deferInitialization: true })
      : new App({
          token: slack.botToken,
          // Signatures are checked against the wall clock, never the injected data clock (ctx.now).
          receiver: createSlackReceiver({ signingSecret: slack.signingSecret as string, store: ctx.store, slashCommand: SLASH_COMMAND, log: ctx.log, logLevel }),
          logLevel,
          ...logger,
          clientOptions,
          // Bolt's token check (auth.test) would run in the constructor and, for a bad token, leave a
          // rejected promise nobody awaits (Node exits on it). Deferred, start() runs it and says why.
          deferInitialization: true,
        });
  // One directory per app, so user groups' members are cached across requests.
  registerListeners(app, ctx, createAccess(ctx.config, createDirectory(app.client, { log: ctx.log })));

  return {
    app,
    mode,
    async start(listen) {
      await initialize(app);
      if (mode === 'socket') {
        await app.start();
        return {};
      }
      const where = listen ?? { port: slack.port, ...(slack.bind ? { host: slack.bind } : {}) };
      let server: import('node:http').Server;
      try {
        server = (await app.start(where)) as unknown as import('node:http').Server;
      } catch (e) {
        throw listenError(e, where);
      }
      const bound = server.address();
      return typeof bound === 'object' && bound ? { port: bound.port, address: bound.address } : { port: slack.port };
    },
    stop: () => app.stop() as Promise<void>,
  };
}

/** A port that cannot be listened on, as one line naming it and how to choose another. */
function listenError(e: unknown, where: { port: number; host?: string }): unknown {
  const code = (e as NodeJS.ErrnoException).code;
  const at = where.host ? `${where.host}:${where.port}` : `port ${where.port}`;
  if (code === 'EADDRINUSE') return new LeakError('bad_config', `Slack: could not listen on ${at}: another program is using it. Stop it, or choose another port with PORT (e.g. PORT=${where.port === 65535 ? 3000 : where.port + 1}).`);
  if (code === 'EACCES') return new LeakError('bad_config', `Slack: could not listen on ${at}: permission denied (ports below 1024 need privileges). Choose another port with PORT, e.g. PORT=3000.`);
  if (code === 'EADDRNOTAVAIL') return new LeakError('bad_config', `Slack: could not listen on ${at}: this machine has no such address. Fix LEAK_BIND, or unset it to listen on every interface.`);
  return e;
}

/** Bolt's init (auth.test, cached for every request after) before listening: a wrong token is one line at start. */
async function initialize(app: App): Promise<void> {
  try {
    await app.init();
  } catch (e) {
    const code = (e as { data?: { error?: string } }).data?.error;
    if (!code) throw new LeakError('bad_config', `Could not reach Slack for auth.test (${(e as Error).message}): check the network path to Slack, or SLACK_API_URL.`);
    const hint = ['invalid_auth', 'not_authed', 'token_revoked', 'account_inactive'].includes(code)
      ? 'copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions after installing the app'
      : 'check the token and the app installation';
    throw new LeakError('bad_config', `Slack refused SLACK_BOT_TOKEN at auth.test (${code}): ${hint}.`);
  }
}
