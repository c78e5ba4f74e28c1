/**
 * The optional LLM resolver against a chat-completions stand-in on 127.0.0.1 that the test starts:
 * it is asked only when the offline resolver did not understand, it may fill only the intent and
 * word-valued slots, and garbage, numbers, dates, destructive intents, errors and timeouts all fall
 * back to the offline result. No network beyond loopback.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { once, EventEmitter } from 'node:events';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createLlmResolver, resolveWithFallback, type LlmResolver } from '../../../src/ask/llm.ts';
import { commandLine } from '../../../src/ask/resolve.ts';
import { INPUT, answer, unknown } from './ask-input.ts';

type Reply = { status?: number; content?: string; raw?: string } | 'hang';
let reply: Reply;
const requests: { headers: http.IncomingHttpHeaders; body: { model: string; messages: { role: string; content: string }[] } }[] = [];
const events = new EventEmitter();
let server: http.Server;
let url: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      requests.push({ headers: req.headers, body: JSON.parse(body) });
      if (reply === 'hang') return void events.emit('hung');
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
      res.end(reply.raw ?? JSON.stringify({ choices: [{ message: { role: 'assistant', content: reply.content } }] }));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/chat/completions`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});
beforeEach(() => {
  requests.length = 0;
});

// A local answer that must arrive gets a minute: only the test of the timeout itself sets a short one.
const llm = (timeoutMs = 60_000): LlmResolver => createLlmResolver({ url, key: 'sk-test', model: 'tiny-model', timeoutMs });
const ask = async (q: string, r: Reply, resolver = llm()) => {
  reply = r;
  return resolver.resolve(q, INPUT);
};

describe('LLM resolver', () => {
  it('fills intent and word slots from good JSON; dates come from the words, offline', async () => {
    const { resolution, outcome } = await ask('where do folks trip up on the 18th', { content: '{"intent":"cube","measure":"calls","by":["error_message"],"journey":"billing"}' });
    expect(outcome).toBe('answered');
    const r = answer(resolution);
    expect(r.source).toBe('llm');
    expect(commandLine(r.argv)).toBe('cube --measure calls --by error_message --where journey=billing --date 2026-11-18');
    const [req] = requests;
    expect(req.headers.authorization).toBe('Bearer sk-test');
    expect(req.body.model).toBe('tiny-model');
    expect(req.body.messages.at(-1)).toEqual({ role: 'user', content: 'where do folks trip up on the 18th' });
    const system = req.body.messages[0].content;
    expect(system).toContain('"billing"');
    expect(system).toContain('Never include numbers, dates, member ids or any other key.');
    expect(system).not.toMatch(/fix_pct|cost_per_call|"since"|YYYY/);
  });

  it('accepts a reply wrapped in a json code fence', async () => {
    const { resolution } = await ask('gimme the lowdown', { content: '```json\n{"intent":"today"}\n```' });
    expect(answer(resolution).argv).toEqual(['today', '--date', '2026-11-20']);
  });

  it.each([
    ['prose', { content: 'Sure! The billing journey is breaking.' }],
    ['a smuggled fix percentage', { content: '{"intent":"savings","journey":"billing","fix_pct":90}' }],
    ['a smuggled cost', { content: '{"intent":"savings","cost_per_call":1}' }],
    ['a smuggled date', { content: '{"intent":"today","date":"2020-01-01"}' }],
    ['a number as a journey', { content: '{"intent":"why","journey":"42"}' }],
    ['a journey the store does not have', { content: '{"intent":"why","journey":"mortgages"}' }],
    ['a destructive intent', { content: '{"intent":"delete","journey":"billing"}' }],
    ['a shell command', { content: '{"intent":"today","argv":["rm","-rf","/"]}' }],
    ['a broken envelope', { raw: '{"choices":[]}' }],
    ['not JSON at all', { raw: '<html>bad gateway</html>' }],
  ])('refuses %s and keeps the offline answer', async (_what, r) => {
    const { resolution, outcome } = await ask('gimme the lowdown', r);
    expect(outcome).toBe('invalid_reply');
    expect(unknown(resolution).reason).toBe('not_understood');
  });

  it('keeps the offline answer on an HTTP error and when the model does not understand either', async () => {
    expect((await ask('gimme the lowdown', { status: 500, raw: 'oops' })).outcome).toBe('http_error');
    const { resolution, outcome } = await ask('gimme the lowdown', { content: '{"intent":"unknown"}' });
    expect(outcome).toBe('not_understood');
    expect(unknown(resolution).suggestions).toHaveLength(3);
  });

  it('gives up when the caller aborts a request the server never answers', async () => {
    reply = 'hang';
    const controller = new AbortController();
    events.once('hung', () => controller.abort());
    const { resolution, outcome } = await llm().resolve('gimme the lowdown', INPUT, controller.signal);
    expect(outcome).toBe('timeout');
    expect(unknown(resolution).reason).toBe('not_understood');
  });

  it('gives up by itself after its timeout', async () => {
    reply = 'hang';
    const hung = once(events, 'hung');
    const result = llm(100).resolve('gimme the lowdown', INPUT);
    await hung;
    expect((await result).outcome).toBe('timeout');
  });

  it('never sends a refused question', async () => {
    const { resolution, outcome } = await ask('delete all the data', { content: '{"intent":"today"}' });
    expect(outcome).toBe('refused_question');
    expect(unknown(resolution).reason).toBe('refused');
    expect(requests).toHaveLength(0);
  });
});

describe('resolveWithFallback', () => {
  it('asks the model only when the offline resolver did not understand or was unsure', async () => {
    reply = { content: '{"intent":"agents"}' };
    expect(answer(await resolveWithFallback("What's breaking right now?", INPUT, llm())).source).toBe('words');
    expect(requests).toHaveLength(0);
    expect((await resolveWithFallback('delete all the data', INPUT, llm())).kind).toBe('unknown');
    expect(requests).toHaveLength(0);
    expect((await resolveWithFallback('billing', INPUT, llm())).kind).toBe('clarify');
    expect(requests).toHaveLength(0);
    expect(answer(await resolveWithFallback('gimme the lowdown', INPUT, llm())).intent).toBe('agents');
    expect(requests).toHaveLength(1);
    // Low confidence ("anything leaking" has one weak cue): the model may do better; here it agrees.
    reply = { content: '{"intent":"today"}' };
    expect(answer(await resolveWithFallback('anything leaking yesterday', INPUT, llm())).argv).toEqual(['today', '--date', '2026-11-19']);
    expect(requests).toHaveLength(2);
  });

  it('is the offline resolver alone when no model is configured', async () => {
    expect(unknown(await resolveWithFallback('gimme the lowdown', INPUT, undefined)).reason).toBe('not_understood');
    expect(requests).toHaveLength(0);
  });
});
