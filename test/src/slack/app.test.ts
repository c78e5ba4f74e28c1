/** Which connection the configuration selects: HTTP with a signing secret, Socket Mode with an app token, else none. */
import { describe, expect, it } from 'vitest';
import { buildSlackApp, slackMode } from '../../../src/slack/app.ts';
import { loadConfig } from '../../../src/config.ts';
import { makeDeps } from '../../helpers/store.ts';
import { startFakeSlack } from '../../helpers/fake-slack.ts';

const config = (env: Record<string, string>) => loadConfig({ LEAK_DB: ':memory:', ...env });

describe('slackMode', () => {
  it('needs a bot token plus a signing secret (HTTP) or an app token (Socket Mode)', () => {
    expect(slackMode(config({}))).toBeUndefined();
    expect(slackMode(config({ SLACK_BOT_TOKEN: 'xoxb-1' }))).toBeUndefined();
    expect(slackMode(config({ SLACK_SIGNING_SECRET: 's' }))).toBeUndefined();
    expect(slackMode(config({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }))).toBe('http');
    expect(slackMode(config({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_APP_TOKEN: 'xapp-1' }))).toBe('socket');
    expect(slackMode(config({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }))).toBe('socket');
  });

  it('refuses an app token that is not xapp-… and an API URL that is not http(s), naming the variable', () => {
    expect(() => config({ SLACK_APP_TOKEN: 'xoxb-wrong' })).toThrow(/^Invalid SLACK_APP_TOKEN="xoxb-wrong": must be an app-level token starting with xapp-\.$/);
    expect(() => config({ SLACK_API_URL: 'slack.example' })).toThrow(/^Invalid SLACK_API_URL/);
    expect(() => config({ SLACK_API_RETRIES: '11' })).toThrow(/^Invalid SLACK_API_RETRIES/);
  });

  it('builds a Socket Mode app (no HTTP port) when the app token is set', async () => {
    const slack = await startFakeSlack();
    const deps = makeDeps();
    const env = config({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_API_URL: slack.url, SLACK_API_RETRIES: '0' });
    const service = buildSlackApp({ ...deps, config: { ...deps.config, slack: env.slack } });
    expect(service.mode).toBe('socket');
    await slack.close();
  });

  it('says what is missing when built without credentials', () => {
    expect(() => buildSlackApp(makeDeps())).toThrow('Slack needs SLACK_BOT_TOKEN with SLACK_SIGNING_SECRET (HTTP) or SLACK_APP_TOKEN (Socket Mode).');
  });

  it('stops at start with one line when Slack refuses the bot token, without listening', async () => {
    const slack = await startFakeSlack();
    slack.failNext('auth.test', 'invalid_auth');
    const deps = makeDeps();
    const env = config({ SLACK_BOT_TOKEN: 'xoxb-wrong', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.url, SLACK_API_RETRIES: '0' });
    const service = buildSlackApp({ ...deps, config: { ...deps.config, slack: env.slack } });
    await expect(service.start({ port: 0, host: '127.0.0.1' })).rejects.toThrow(
      'Slack refused SLACK_BOT_TOKEN at auth.test (invalid_auth): copy the Bot User OAuth Token (xoxb-…) from OAuth & Permissions after installing the app.',
    );
    expect(slack.callsTo('auth.test')).toHaveLength(1);
    await slack.close();
  });

  it('listens on LEAK_BIND when it is set, and on every interface when it is not', async () => {
    const slack = await startFakeSlack();
    const deps = makeDeps();
    const env = config({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's', SLACK_API_URL: slack.url, SLACK_API_RETRIES: '0', LEAK_BIND: '127.0.0.1' });
    const addressOf = async (bind: string | undefined) => {
      // Port 0: the system picks a free one; the address is what matters here.
      const service = buildSlackApp({ ...deps, config: { ...deps.config, slack: { ...env.slack, port: 0, bind } } });
      const { address } = await service.start();
      await service.stop();
      return address;
    };
    expect(await addressOf('127.0.0.1')).toBe('127.0.0.1');
    expect(['::', '0.0.0.0']).toContain(await addressOf(undefined));
    await slack.close();
  });
});
