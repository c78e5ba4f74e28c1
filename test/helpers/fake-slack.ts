/**
 * A local stand-in for the Slack Web API on 127.0.0.1, so the real WebClient, Bolt and filesUploadV2
 * run over real HTTP in tests. It answers the way Slack does (shapes, HTTP 429 + Retry-After for
 * `ratelimited`, ok:false errors with HTTP 200), and records every call for assertions.
 *
 *   const slack = await startFakeSlack();
 *   const client = clientFor(slack);   // or useFakeSlack() for a whole file
 *   slack.failNext('chat.postMessage', 'not_in_channel');
 *   await slack.waitFor('chat.postMessage');
 *   const reply = await slack.responseTo('r1');    // the post to responseUrl('r1')
 *   await slack.until(() => replies(ts).length === 2);
 *
 * Every wait resolves on the event it waits for (a recorded call), never on a clock: a busy machine
 * only makes it later. A wait that never ends is a hang, and the test's own timeout reports it.
 *
 * Response URLs (`slack.responseUrl()`) and upload URLs point back at this server and are recorded
 * as the pseudo-methods 'response_url' and 'upload'.
 *
 * Response URLs (`slack.responseUrl()`) and upload URLs point back at this server and are recorded
 * as the pseudo-methods 'response_url' and 'upload'.
 */
import { WebClient } from '@slack/web-api';
import { afterAll, beforeAll } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { slackRefusal } from './slack-refusals.ts';

export type FakeCall = {
  /** Web API method ('chat.postMessage'), or 'response_url' / 'upload' for those posts. */
  method: string;
  /** Parsed body: form fields with JSON-looking values (blocks, view, files…) decoded, or the JSON body. */
  body: Record<string, any>;
  headers: http.IncomingHttpHeaders;
  /** For 'response_url' and 'upload': the id in the path. */
  id?: string;
  /** For 'upload': the raw bytes received. */
  bytes?: Buffer;
  /** When it arrived (Date.now()), to check that a retry waited at least Retry-After. */
  at: number;
  /** Set when the stand-in refused the call as Slack would (invalid_blocks, msg_blocks_too_long, no_text…): test/helpers/slack-refusals.ts. */
  refused?: { error: string; detail: string };
};

export type FailOptions = { retryAfter?: number; status?: number };

/** A workspace member as users.list returns one. */
export type FakeUser = { id: string; name: string; real_name?: string; display_name?: string; deleted?: boolean; is_bot?: boolean };

export type FakeSlack = {
  /** Base URL for WebClient's slackApiUrl; ends with /api/. */
  url: string;
  /** Server origin, e.g. http://127.0.0.1:54321 */
  origin: string;
  calls: FakeCall[];
  callsTo(method: string): FakeCall[];
  /** The next call to `method` fails with Slack's error shape (ratelimited ⇒ HTTP 429 + Retry-After). */
  failNext(method: string, error: string, opts?: FailOptions): void;
  /** A fresh response_url on this server; posts to it are recorded as method 'response_url'. */
  responseUrl(id?: string): string;
  /** Calls refused as Slack would refuse them (a message over a Block Kit limit, no text fallback…). */
  refusals(): FakeCall[];
  /** A test that sends invalid messages on purpose says so; otherwise close() fails on any refusal. */
  expectRefusals(): void;
  /**
   * Resolves with the first recorded call that `match` accepts, once there is one. Without `timeoutMs`
   * it has no deadline of its own (the test's timeout is the backstop); with one, it rejects after that long.
   */
  waitForCall(match: (call: FakeCall) => boolean, what: string, timeoutMs?: number): Promise<FakeCall>;
  /**
   * Resolves once `count` calls to `method` were recorded (default 1). Without `timeoutMs` it has no
   * deadline of its own (the test's timeout is the backstop); with one, it rejects after that long.
   */
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<FakeCall[]>;
  /** Resolves with the first post to `responseUrl(id)`, once there is one. */
  responseTo(id: string): Promise<FakeCall>;
  /** Resolves once `condition` holds, checked now and after each recorded call. */
  until(condition: () => boolean): Promise<void>;
  /**
   * The next call to `method` is recorded, but its answer is held until the returned function is
   * called: to show that something happens (an ack) while a Slack call is still in flight.
   */
  holdNext(method: string): () => void;
  /** The workspace's people: users.list pages through `users`; usergroups.users.list answers from `groups` (unknown id: no_such_subteam). */
  directory: { users: FakeUser[]; groups: Record<string, string[]> };
  /** Identity auth.test reports. */
  identity: { user_id: string; bot_id: string; team_id: string; team: string; user: string };
  close(): Promise<void>;
};

const IDENTITY = { user_id: 'U0LEAKBOT', bot_id: 'B0LEAKBOT', team_id: 'T0TEAM001', team: 'Leak Test', user: 'leak' };

export async function startFakeSlack(): Promise<FakeSlack> {
  const calls: FakeCall[] = [];
  const failures = new Map<string, { error: string; opts: FailOptions }[]>();
  const holds = new Map<string, Promise<void>[]>();
  const waiters = new Set<() => void>();
  /** Alt text per uploaded file id, as Slack keeps it (read from `alt_txt`, the argument Slack documents). */
  const altTexts = new Map<string, string>();
  let refusalsExpected = false;
  let seq = 0;
  let tsCounter = 1_700_000_000;
  let origin = '';
  const directory: FakeSlack['directory'] = { users: [], groups: {} };

  const nextTs = () => `${++tsCounter}.${String(++seq).padStart(6, '0')}`;

  const answer = (method: string, body: Record<string, any>): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://leak-test.slack.com/', ...IDENTITY };
      case 'chat.postMessage':
      case 'chat.update': {
        const ts = method === 'chat.update' ? String(body.ts) : nextTs();
        const message = { type: 'message', user: IDENTITY.user_id, bot_id: IDENTITY.bot_id, text: body.text, blocks: body.blocks, ts, thread_ts: body.thread_ts };
        return { ok: true, channel: body.channel, ts, message };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: nextTs() };
      case 'views.publish':
      case 'views.open':
      case 'views.update':
        return { ok: true, view: { id: `V${++seq}`, ...(typeof body.view === 'object' ? body.view : {}) } };
      case 'conversations.info':
        return { ok: true, channel: { id: body.channel, name: `chan-${String(body.channel).toLowerCase()}`, is_channel: true, is_member: true } };
      case 'conversations.join':
        return { ok: true, channel: { id: body.channel, is_member: true } };
      case 'users.info':
        return {
          ok: true,
          user: { id: body.user, name: `user-${body.user}`, real_name: `User ${body.user}`, tz: 'America/New_York', profile: { display_name: `user-${body.user}`, real_name: `User ${body.user}` } },
        };
      case 'users.list': {
        // Cursor pagination as Slack does it: an opaque next_cursor, empty on the last page.
        const limit = Math.min(Math.max(Number(body.limit) || 100, 1), 200);
        const offset = body.cursor ? Number(Buffer.from(String(body.cursor), 'base64').toString().replace(/^users:/, '')) : 0;
        const page = directory.users.slice(offset, offset + limit);
        const next = offset + limit < directory.users.length ? Buffer.from(`users:${offset + limit}`).toString('base64') : '';
        const members = page.map((u) => ({
          id: u.id, team_id: IDENTITY.team_id, name: u.name, deleted: u.deleted ?? false, is_bot: u.is_bot ?? false, real_name: u.real_name,
          profile: { real_name: u.real_name ?? '', display_name: u.display_name ?? '' },
        }));
        return { ok: true, members, cache_ts: Math.floor(Date.now() / 1000), response_metadata: { next_cursor: next } };
      }
      case 'usergroups.users.list': {
        const users = directory.groups[String(body.usergroup)];
        return users ? { ok: true, users } : { ok: false, error: 'no_such_subteam' };
      }
      case 'files.getUploadURLExternal': {
        const id = `F${String(++seq).padStart(8, '0')}`;
        if (typeof body.alt_txt === 'string') altTexts.set(id, body.alt_txt);
        return { ok: true, upload_url: `${origin}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const files = Array.isArray(body.files) ? body.files : [];
        return {
          ok: true,
          files: files.map((f: { id: string; title?: string }) => ({ id: f.id, title: f.title ?? f.id, alt_txt: altTexts.get(f.id), channels: body.channel_id ? [body.channel_id] : [] })),
        };
      }
      default:
        return { ok: true };
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const send = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(payload));
      };
      // Recorded at once; the answer waits while a test holds this method (holdNext).
      const record = (call: Omit<FakeCall, 'at'>) => {
        calls.push({ ...call, at: Date.now() });
        for (const w of [...waiters]) w();
        return holds.get(call.method)?.shift() ?? Promise.resolve();
      };

      if (path.startsWith('/upload/')) {
        void record({ method: 'upload', id: path.slice('/upload/'.length), body: {}, headers: req.headers, bytes: raw }).then(() => {
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end(`OK - ${raw.length}`);
        });
        return;
      }
      if (path.startsWith('/response/')) {
        const body = parseBody(raw, req.headers['content-type']);
        const refused = slackRefusal('response_url', body);
        void record({ method: 'response_url', id: path.slice('/response/'.length), body, headers: req.headers, refused }).then(() => {
          // Response URLs answer like incoming webhooks: HTTP 400 and the error as plain text.
          res.writeHead(refused ? 400 : 200, { 'content-type': 'text/plain' });
          res.end(refused ? refused.error : 'ok');
        });
        return;
      }
      if (!path.startsWith('/api/')) return send(404, { ok: false, error: 'unknown_method' });

      const method = path.slice('/api/'.length);
      const body = parseBody(raw, req.headers['content-type']);
      const refused = slackRefusal(method, body);
      const failure = refused ? undefined : failures.get(method)?.shift();
      void record({ method, body, headers: req.headers, refused }).then(() => {
        if (refused) return send(200, { ok: false, error: refused.error, errors: [refused.detail] });
        if (!failure) return send(200, answer(method, body));
        if (failure.error === 'ratelimited') {
          return send(failure.opts.status ?? 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(failure.opts.retryAfter ?? 1) });
        }
        send(failure.opts.status ?? 200, { ok: false, error: failure.error });
      });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const callsTo = (method: string) => calls.filter((c) => c.method === method);
  const until = (condition: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (!condition()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  /** `reached`, or a rejection naming what was awaited once `timeoutMs` passed (only when a test asks for a deadline). */
  const bounded = <T>(reached: Promise<T>, timeoutMs: number | undefined, describe: () => string): Promise<T> => {
    if (timeoutMs === undefined) return reached;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`fake Slack: ${describe()} within ${timeoutMs} ms; calls so far: ${calls.map((c) => c.method).join(', ') || 'none'}`)), timeoutMs);
    });
    return Promise.race([reached, late]).finally(() => clearTimeout(timer));
  };

  return {
    url: `${origin}/api/`,
    origin,
    calls,
    callsTo,
    refusals: () => calls.filter((c) => c.refused),
    expectRefusals() {
      refusalsExpected = true;
    },
    identity: IDENTITY,
    directory,
    failNext(method, error, opts = {}) {
      const list = failures.get(method) ?? [];
      list.push({ error, opts });
      failures.set(method, list);
    },
    responseUrl(id = `r${++seq}`) {
      return `${origin}/response/${id}`;
    },
    waitForCall(match, what, timeoutMs) {
      return bounded(until(() => calls.some(match)).then(() => calls.find(match)!), timeoutMs, () => `no ${what}`);
    },
    waitFor(method, count = 1, timeoutMs) {
      return bounded(until(() => callsTo(method).length >= count).then(() => callsTo(method)), timeoutMs, () => `expected ${count} call(s) to ${method}, got ${callsTo(method).length}`);
    },
    async responseTo(id) {
      const find = () => calls.find((c) => c.method === 'response_url' && c.id === id);
      await until(() => find() !== undefined);
      return find()!;
    },
    until,
    holdNext(method) {
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      holds.set(method, [...(holds.get(method) ?? []), held]);
      return release;
    },
    // Closing is where a file's tests end: a message Slack would have refused fails them, wherever it was sent.
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        const refused = calls.filter((c) => c.refused);
        server.close(() =>
          !refusalsExpected && refused.length
            ? reject(new Error(`fake Slack refused ${refused.length} call(s) as Slack would: ${refused.map((c) => `${c.method} ${c.refused!.error} (${c.refused!.detail})`).join('; ')}`))
            : resolve(),
        );
      }),
  };
}

/** Form bodies (as the WebClient sends) with JSON-encoded values decoded; JSON bodies as is. */
function parseBody(raw: Buffer, contentType: string | undefined): Record<string, any> {
  const text = raw.toString('utf8');
  if (text === '') return {};
  if (contentType?.includes('application/json')) {
    try {
      return JSON.parse(text);
    } catch {
      return { _raw: text };
    }
  }
  const out: Record<string, any> = {};
  for (const [k, v] of new URLSearchParams(text)) {
    out[k] = /^\s*[[{]/.test(v) ? tryJson(v) : v;
  }
  return out;
}

function tryJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** A WebClient on the stand-in, with retries off so a fake 429 fails at once instead of stalling the test. */
export function clientFor(slack: FakeSlack): WebClient {
  return new WebClient('xoxb-test', { slackApiUrl: slack.url, retryConfig: { retries: 0 } });
}

/** A stand-in and a client on it, started before a file's tests and closed after; filled in by then. */
export function useFakeSlack(): { slack: FakeSlack; client: WebClient } {
  const handles = {} as { slack: FakeSlack; client: WebClient };
  beforeAll(async () => {
    handles.slack = await startFakeSlack();
    handles.client = clientFor(handles.slack);
  });
  afterAll(() => handles.slack?.close());
  return handles;
}
