/**
 * Signed `/leak today` through the real HTTP receiver, as Slack sends it, with the Web API
 * answered by the local stand-in: the ack latency and the time until the answer is posted.
 */
import { startFakeSlack } from '../../test/helpers/fake-slack.ts';
import { startApp } from '../../test/helpers/start-app.ts';
import { slashCommandRequest } from '../../test/helpers/slack-request.ts';
import type { CommandDeps } from '../../commands/types.ts';
import { BENCH_END, type BenchStore } from './bench-store.ts';
import { summarize } from './stats.ts';
import type { Row } from './figures.ts';

const ms = (n: number) => `${Math.round(n)} ms`;

export async function measureSlack(b: BenchStore, requests: number): Promise<Row[]> {
  const slack = await startFakeSlack();
  const deps: CommandDeps = { store: b.store, config: b.config, now: () => BENCH_END };
  const app = await startApp({ slack, deps, logLevel: 'error' as never });
  const acks: number[] = [];
  const replies: number[] = [];
  try {
    for (let i = 0; i < requests; i++) {
      const started = performance.now();
      const res = await app.post(slashCommandRequest({ text: `today --date ${b.lastFullDay}`, responseUrl: slack.responseUrl(`bench-${i}`) }, app.sign));
      if (res.status !== 200) throw new Error(`/leak today answered HTTP ${res.status}`);
      acks.push(res.ms);
      await slack.waitFor('response_url', i + 1, 10_000);
      replies.push(performance.now() - started);
    }
  } finally {
    await app.stop();
    await slack.close();
  }
  const ack = summarize(acks);
  const reply = summarize(replies);
  return [
    { figure: 'signed `/leak today`, ack p99', value: ms(ack.p99), goal: '≤ 300 ms', met: ack.p99 <= 300, detail: `median ${ms(ack.median)}, n=${ack.n}` },
    { figure: 'signed `/leak today`, answer posted p99', value: ms(reply.p99), goal: '≤ 1 s', met: reply.p99 <= 1000, detail: `median ${ms(reply.median)}, max ${ms(reply.max)}` },
  ];
}
