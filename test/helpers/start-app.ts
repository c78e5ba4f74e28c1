/**
 * Starts the real Slack app (src/app.ts: Bolt + its HTTP receiver) on 127.0.0.1 with a random
 * port, its Web API pointed at a fake Slack, and WebClient retries off so a fake 429 fails at once.
 *
 *   const slack = await startFakeSlack();
 *   const app = await startApp({ slack, deps });   // deps from makeDeps(), seeded as the test needs
 *   const res = await app.post(slashCommandRequest({ text: 'today', responseUrl: slack.responseUrl() }, app.sign));
 */
import type { LogLevel, Logger } from '@slack/bolt';
import { buildSlackApp, type SlackService } from '../../src/slack/app.ts';
import type { RetryTiming } from '../../src/slack-delivery.ts';
import { loadConfig } from '../../src/config.ts';
import type { Context } from '../../src/context.ts';
import type { FakeSlack } from './fake-slack.ts';
import type { SignOptions, SlackRequest } from './slack-request.ts';
import { makeDeps } from './store.ts';

export const TEST_SIGNING_SECRET = '8f742231b10e8888abcd99yyyzzz85a5';
export const TEST_BOT_TOKEN = 'xoxb-test-token';

export type StartedApp = {
  /** http://127.0.0.1:<port>/slack/events */
  url: string;
  service: SlackService;
  deps: Context;
  /** Signing options for slack-request.ts builders (the app's secret). */
  sign: SignOptions;
  /** POSTs a built request; resolves with status, body text and elapsed milliseconds. */
  post(req: SlackRequest): Promise<{ status: number; body: string; ms: number }>;
  stop(): Promise<void>;
};

export async function startApp(opts: { slack: FakeSlack; deps?: Context; env?: Record<string, string>; logLevel?: LogLevel; logger?: Logger; retryTiming?: RetryTiming }): Promise<StartedApp> {
  const base = opts.deps ?? makeDeps();
  // The app reads only its Config; the test's store and clock are kept.
  const config = loadConfig({
    LEAK_DB: ':memory:',
    LEAK_TZ: base.config.timeZone,
    LEAK_COST_PER_CALL: String(base.config.costPerCall),
    LEAK_WINDOW_MINUTES: String(base.config.windowMinutes),
    SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
    SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
    SLACK_API_URL: opts.slack.url,
    SLACK_API_RETRIES: '0',
    ...opts.env,
  });
  // Who may do what (LEAK_EDITORS, LEAK_PII_USERS, LEAK_SHOW_PII) comes from `env` when a test sets it there.
  const accessFromEnv = ['LEAK_EDITORS', 'LEAK_PII_USERS', 'LEAK_SHOW_PII'].some((k) => opts.env?.[k] !== undefined);
  const deps: Context = { ...base, config: { ...base.config, slack: config.slack, ...(accessFromEnv ? { access: config.access } : {}) } };
  const service = buildSlackApp(deps, { logLevel: opts.logLevel, logger: opts.logger, retryTiming: opts.retryTiming });
  const { port } = await service.start({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${port}/slack/events`;
  return {
    url,
    service,
    deps,
    sign: { secret: config.slack.signingSecret as string },
    async post(req) {
      const started = performance.now();
      const res = await fetch(url, { method: 'POST', headers: req.headers, body: req.body });
      const body = await res.text();
      return { status: res.status, body, ms: performance.now() - started };
    },
    stop: () => service.stop(),
  };
}
