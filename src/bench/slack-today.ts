/**
 * `/leak today` end to end through the real Slack app: a signed slash command POSTed to Bolt's
 * HTTP receiver on 127.0.0.1, timed until the answer arrives at the response URL (a local sink
 * standing in for Slack, which also answers auth.test). Measures what a person waits for.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Context } from '../context.ts';
import { buildSlackApp } from '../slack/app.ts';
import { summarize, type Summary } from './stats.ts';

export type SlackTodayBench = { ack_ms: Summary; answer_ms: Summary; blocks: number };

const SECRET = 'bench-signing-secret';

export async function benchSlackToday(deps: Context, runs = 20, warmup = 3): Promise<SlackTodayBench> {
  const arrivals = new Map<string, { at: number; blocks: number }>();
  const sink = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      if (path.startsWith('/response/')) {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { blocks?: unknown[] };
        arrivals.set(path.slice('/response/'.length), { at: performance.now(), blocks: body.blocks?.length ?? 0 });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: true, user_id: 'UBENCH', bot_id: 'BBENCH', team_id: 'TBENCH' }));
    });
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(sink.address() as AddressInfo).port}`;
  const slack = { ...deps.config.slack, botToken: 'xoxb-bench', signingSecret: SECRET, appToken: undefined, apiUrl: `${origin}/api/`, apiRetries: 0 };
  const service = buildSlackApp({ ...deps, config: { ...deps.config, slack } });
  const { port } = await service.start({ port: 0, host: '127.0.0.1' });
  const acks: number[] = [];
  const answers: number[] = [];
  let blocks = 0;
  try {
    for (let i = 0; i < warmup + runs; i++) {
      const id = `run${i}`;
      const body = new URLSearchParams({ command: '/leak', text: 'today', user_id: 'UBENCH', channel_id: 'CBENCH', team_id: 'TBENCH', response_url: `${origin}/response/${id}`, trigger_id: 't' }).toString();
      const ts = String(Math.floor(Date.now() / 1000));
      const signature = `v0=${crypto.createHmac('sha256', SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature },
        body,
      });
      await res.text();
      if (res.status !== 200) throw new Error(`the app answered ${res.status} to a signed /leak today`);
      const acked = performance.now();
      while (!arrivals.has(id)) {
        if (performance.now() - started > 10_000) throw new Error('no answer at the response URL within 10 s');
        await new Promise((r) => setTimeout(r, 1));
      }
      if (i >= warmup) {
        acks.push(acked - started);
        answers.push(arrivals.get(id)!.at - started);
        blocks = arrivals.get(id)!.blocks;
      }
    }
  } finally {
    await service.stop();
    await new Promise<void>((r) => sink.close(() => r()));
  }
  return { ack_ms: summarize(acks), answer_ms: summarize(answers), blocks };
}
