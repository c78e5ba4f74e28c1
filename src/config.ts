/**
 * The only place that reads the environment. Everything else receives a Config.
 * Every key is optional; a bad value fails at start with the variable's name and what is valid.
 */
import net from 'node:net';
import path from 'node:path';
import * as z from 'zod';
import { LeakError } from './errors.ts';
import { DEFAULT_DIGEST_CRON, cronProblem, isChannel, parseDigestChannels, resolveDigestChannels, type DigestChannel } from './digest-channels.ts';

/** The event log's defaults and naming rules (JetStream stream and consumer names, subject prefixes). */
export const STREAM_DEFAULTS = { name: 'LEAK', prefix: 'leak', consumer: 'leak' } as const;
export const NAME_RULE = 'must be 1-64 letters, digits, _ or - (no dots, spaces or wildcards), e.g. LEAK';
export const PREFIX_RULE = 'must be subject tokens of letters, digits, _ or - separated by dots, e.g. leak or acme.leak';
const HOST_PORT = /^nats:\/\/[A-Za-z0-9._-]+(:\d{1,5})?\/?$|^nats:\/\/\[[0-9a-fA-F:]+\](:\d{1,5})?\/?$/;

/** Null when the URL list is usable, else what is wrong with it. */
export function streamUrlProblem(url: string): string | null {
  const parts = url.split(',').map((s) => s.trim());
  if (parts.some((p) => !HOST_PORT.test(p))) return 'must be nats://HOST:PORT (several separated by commas), e.g. nats://127.0.0.1:4222';
  const badPort = parts.map((p) => p.match(/:(\d+)\/?$/)?.[1]).find((p) => p !== undefined && (Number(p) < 1 || Number(p) > 65535));
  return badPort ? `port ${badPort} is not a TCP port between 1 and 65535` : null;
}

/** JetStream stream and consumer names: no spaces, dots, wildcards or path separators. */
export const nameProblem = (name: string): string | null => (/^[A-Za-z0-9_-]{1,64}$/.test(name) ? null : NAME_RULE);

/** A subject prefix: dot-separated tokens of letters, digits, _ and -. */
export const prefixProblem = (prefix: string): string | null =>
  /^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(prefix) && prefix.length <= 100 ? null : PREFIX_RULE;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const numberFrom = (fallback: string, min: number, max: number, what: string, integer = false) =>
  z
    .string()
    .trim()
    .default(fallback)
    .refine((v) => (integer ? /^\d+$/ : /^\d+(\.\d+)?$/).test(v), `must be ${what}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be ${what}`);

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

/** Slack people: user ids (U…, W…) and user group ids (S…), comma-separated (LEAK_EDITORS, LEAK_PII_USERS). */
export type PeopleList = { users: string[]; groups: string[] };
const PEOPLE_EXAMPLE = 'Slack user ids (U…) and/or user group ids (S…) separated by commas, e.g. U0123ABCD,S0456EFGH';
const peopleText = optionalText
  .refine((v) => v === undefined || v.split(',').every((id) => /^[UWS][A-Z0-9]{2,}$/.test(id.trim())), `must be ${PEOPLE_EXAMPLE}`)
  .transform((v): PeopleList | undefined => {
    if (v === undefined) return undefined;
    const ids = v.split(',').map((id) => id.trim());
    return { users: ids.filter((id) => !id.startsWith('S')), groups: ids.filter((id) => id.startsWith('S')) };
  });

const channelText = optionalText.refine((c) => c === undefined || isChannel(c), 'must be #name or a channel ID such as C0123456789');

const envSchema = z.object({
  LEAK_DB: z.string().trim().min(1, 'must be a file path or :memory:').default('./data/leak.db'),
  LEAK_TZ: z
    .string()
    .trim()
    .default('America/New_York')
    .refine(isTimeZone, 'must be an IANA time zone such as America/New_York or Europe/Paris'),
  LEAK_COST_PER_CALL: numberFrom('8', 0, 10_000, 'a dollar amount between 0 and 10000, e.g. 8 or 7.5'),
  LEAK_WINDOW_MINUTES: numberFrom('30', 1, 1440, 'a whole number of minutes between 1 and 1440', true),
  LEAK_SIMULATE: z.enum(['auto', 'on', 'off'], { message: 'must be one of auto, on, off' }).default('auto'),
  SLACK_BOT_TOKEN: optionalText,
  SLACK_SIGNING_SECRET: optionalText,
  SLACK_APP_TOKEN: optionalText.refine((t) => t === undefined || t.startsWith('xapp-'), 'must be an app-level token starting with xapp-'),
  SLACK_API_URL: optionalText.refine((u) => u === undefined || /^https?:\/\//.test(u), 'must be an http(s) URL ending in /api/'),
  PORT: numberFrom('3000', 1, 65535, 'a TCP port between 1 and 65535', true),
  LEAK_BIND: optionalText.refine((h) => h === undefined || net.isIP(h) !== 0 || h === 'localhost', 'must be an IP address to listen on, e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)'),
  LEAK_SHOW_PII: z.enum(['true', 'false'], { message: 'must be true or false' }).default('false'),
  LEAK_PII_USERS: peopleText,
  LEAK_EDITORS: peopleText,
  SLACK_API_RETRIES: numberFrom('10', 0, 10, 'a whole number of retries between 0 and 10 (0 in tests so a 429 fails at once)', true),
  LEAK_DIGEST_CRON: z.string().trim().default(DEFAULT_DIGEST_CRON).superRefine((v, ctx) => {
    const problem = cronProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  LEAK_DIGEST_CHANNEL: channelText,
  LEAK_ACK_REMINDER_HOURS: numberFrom('48', 1, 2000, 'a whole number of business hours between 1 and 2000', true),
  LEAK_OUTCOME_INTERIM_DAYS: numberFrom('7', 1, 90, 'a whole number of days between 1 and 90', true),
  LEAK_OUTCOME_FINAL_DAYS: numberFrom('14', 1, 180, 'a whole number of days between 1 and 180', true),
  LEAK_ACTIONS_CHANNEL: channelText,
  LEAK_ACTION_CATALOG: optionalText,
  LEAK_ALERT_CHANNEL: channelText,
  LEAK_ALERT_RULES: optionalText,
  LEAK_STREAM: optionalText.superRefine((v, ctx) => {
    const problem = v === undefined ? null : streamUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  }),
  LEAK_STREAM_NAME: z.string().trim().default(STREAM_DEFAULTS.name).refine((v) => !nameProblem(v), NAME_RULE),
  LEAK_STREAM_PREFIX: z.string().trim().default(STREAM_DEFAULTS.prefix).refine((v) => !prefixProblem(v), PREFIX_RULE),
  LEAK_STREAM_CONSUMER: z.string().trim().default(STREAM_DEFAULTS.consumer).refine((v) => !nameProblem(v), NAME_RULE),
  LEAK_LLM_URL: optionalText.refine((u) => u === undefined || /^https?:\/\/[^\s]+$/.test(u), 'must be the http(s) URL of an OpenAI-compatible chat-completions endpoint, e.g. http://127.0.0.1:8080/v1/chat/completions'),
  LEAK_LLM_KEY: optionalText,
  LEAK_LLM_MODEL: optionalText,
  LEAK_LLM_TIMEOUT_MS: numberFrom('5000', 100, 60_000, 'a whole number of milliseconds between 100 and 60000', true),
  LEAK_DIGEST_DIR: z.string().trim().min(1).default('./data/digests'),
  LEAK_INBOX: z.string().trim().min(1).default('./data/inbox'),
  LEAK_DIGESTS: optionalText.superRefine((v, ctx) => {
    if (v === undefined) return;
    try {
      parseDigestChannels(v);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message });
    }
  }),
});

export type Config = {
  dbFile: string;
  timeZone: string;
  costPerCall: number;
  windowMinutes: number;
  simulate: 'auto' | 'on' | 'off';
  slack: {
    botToken?: string;
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    port: number;
    /** The address the HTTP receiver listens on (LEAK_BIND); unset means every interface, so Slack can reach it. */
    bind?: string;
    /** Retries per Slack call, the app's one retry layer (src/slack-delivery.ts): transient failures only, within a 2-minute budget; 0 in tests. */
    apiRetries: number;
  };
  /**
   * Who may do what from Slack. Members' personal details (name, birth year, state, enrolment date)
   * are shown to everyone when showPii, otherwise only to piiViewers, and never in a channel post;
   * editors may change tracked actions and add notes (unset: everyone).
   */
  access: { showPii: boolean; piiViewers?: PeopleList; editors?: PeopleList };
  /** Scheduled digests: channel, view and cron line each (LEAK_DIGESTS, or LEAK_DIGEST_CHANNEL + LEAK_DIGEST_CRON). */
  digests: DigestChannel[];
  /**
   * The digest as files (LEAK_DIGEST_DIR, on LEAK_DIGEST_CRON): written by `npm start` when no digest goes to
   * Slack, or always when LEAK_DIGEST_DIR is set (`set`). One dated subfolder per digest.
   */
  digestFolder: { dir: string; cron: string; set: boolean };
  /** CSV files dropped here are imported as they land, then moved to done/ or refused/ (LEAK_INBOX). */
  inboxDir: string;
  /** Next-best-action templates replacing src/actions/action-templates.json (LEAK_ACTION_CATALOG); src/actions/catalog.ts reads and checks it. */
  actionCatalog?: string;
  /** Tracked actions: reminder after N business hours, outcome windows, where CLI-created actions are posted. */
  actions: { ackReminderHours: number; interimDays: number; finalDays: number; channel?: string };
  /** The event log (LEAK_STREAM=nats://HOST:PORT): when set, `npm start` consumes it. Names default to LEAK / leak / leak. */
  stream: { url?: string; name: string; prefix: string; consumer: string };
  /** Alerts: where they are posted, and the rules file (LEAK_ALERT_RULES, default src/alerts/rules.json) that src/alerts/rules.ts reads and checks. */
  alerts: { channel?: string; rulesFile?: string };
  /** The optional LLM question resolver (off unless LEAK_LLM_URL and LEAK_LLM_MODEL are set). */
  llm?: { url: string; key?: string; model: string; timeoutMs: number };
};

/** Reads and validates the environment. Throws LeakError('bad_config') naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(stripEmpty(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = String(issue.path[0]);
    throw new LeakError('bad_config', `Invalid ${key}=${JSON.stringify(env[key] ?? '')}: ${issue.message}.`);
  }
  const e = parsed.data;
  if (e.LEAK_LLM_URL === undefined && (e.LEAK_LLM_MODEL !== undefined || e.LEAK_LLM_KEY !== undefined)) {
    const key = e.LEAK_LLM_MODEL !== undefined ? 'LEAK_LLM_MODEL' : 'LEAK_LLM_KEY';
    // The value is not echoed: it may be the key.
    throw new LeakError('bad_config', `Invalid ${key}: needs LEAK_LLM_URL too (the chat-completions endpoint); unset it to keep the LLM resolver off.`);
  }
  if (e.LEAK_LLM_URL !== undefined && e.LEAK_LLM_MODEL === undefined) {
    throw new LeakError('bad_config', `Invalid LEAK_LLM_MODEL="": must name the model when LEAK_LLM_URL is set, e.g. LEAK_LLM_MODEL=gpt-4o-mini.`);
  }
  return {
    dbFile: e.LEAK_DB === ':memory:' ? e.LEAK_DB : path.resolve(e.LEAK_DB),
    timeZone: e.LEAK_TZ,
    costPerCall: e.LEAK_COST_PER_CALL,
    windowMinutes: e.LEAK_WINDOW_MINUTES,
    simulate: e.LEAK_SIMULATE,
    slack: {
      botToken: e.SLACK_BOT_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      appToken: e.SLACK_APP_TOKEN,
      apiUrl: e.SLACK_API_URL,
      port: e.PORT,
      bind: e.LEAK_BIND,
      apiRetries: e.SLACK_API_RETRIES,
    },
    actions: {
      ackReminderHours: e.LEAK_ACK_REMINDER_HOURS,
      interimDays: e.LEAK_OUTCOME_INTERIM_DAYS,
      finalDays: Math.max(e.LEAK_OUTCOME_FINAL_DAYS, e.LEAK_OUTCOME_INTERIM_DAYS),
      channel: e.LEAK_ACTIONS_CHANNEL,
    },
    access: { showPii: e.LEAK_SHOW_PII === 'true', piiViewers: e.LEAK_PII_USERS, editors: e.LEAK_EDITORS },
    actionCatalog: e.LEAK_ACTION_CATALOG && path.resolve(e.LEAK_ACTION_CATALOG),
    alerts: { channel: e.LEAK_ALERT_CHANNEL, rulesFile: e.LEAK_ALERT_RULES && path.resolve(e.LEAK_ALERT_RULES) },
    stream: { url: e.LEAK_STREAM, name: e.LEAK_STREAM_NAME, prefix: e.LEAK_STREAM_PREFIX, consumer: e.LEAK_STREAM_CONSUMER },
    llm: e.LEAK_LLM_URL && e.LEAK_LLM_MODEL ? { url: e.LEAK_LLM_URL, key: e.LEAK_LLM_KEY, model: e.LEAK_LLM_MODEL, timeoutMs: e.LEAK_LLM_TIMEOUT_MS } : undefined,
    digests: resolveDigestChannels({ digests: e.LEAK_DIGESTS, channel: e.LEAK_DIGEST_CHANNEL, cron: e.LEAK_DIGEST_CRON }),
    digestFolder: { dir: path.resolve(e.LEAK_DIGEST_DIR), cron: e.LEAK_DIGEST_CRON.replace(/\s+/g, ' '), set: stripEmpty(env).LEAK_DIGEST_DIR !== undefined },
    inboxDir: path.resolve(e.LEAK_INBOX),
  };
}

/** An exported-but-empty variable means "use the default", as people expect from shell env files. */
function stripEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined && v.trim() !== '') out[k] = v;
  return out;
}
