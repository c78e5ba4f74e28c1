/** The Slack app on 127.0.0.1 with the tracked-action listeners (until the shared start-app helper lands). */
import { App, LogLevel } from '@slack/bolt';
import type { Server } from 'node:http';
import type { CommandDeps } from '../../../commands/types.ts';
import { registerActionListeners } from '../../../src/actions/slack-listeners.ts';
import { createSlackReceiver } from '../../../src/slack/receiver.ts';

export type RunningApp = { url: string; stop(): Promise<void> };

export async function startActionsApp(deps: CommandDeps): Promise<RunningApp> {
  const { slack } = deps.config;
  const app = new App({
    token: slack.botToken,
    receiver: createSlackReceiver({ signingSecret: slack.signingSecret!, logLevel: LogLevel.ERROR }),
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } },
  });
  registerActionListeners(app, deps);
  const server = (await app.start({ port: 0, host: '127.0.0.1' })) as unknown as Server;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, stop: async () => void (await app.stop()) };
}
