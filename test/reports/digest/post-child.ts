/**
 * One digest poster in its own process, for the two-process exactly-once test: opens the store
 * file, loads the chart stack, says "ready" on stdout and waits for a line on stdin, then posts the
 * digest to the fake Slack and prints the outcome as JSON. Args: file slackUrl channel date.
 */
import { once } from 'node:events';
import { WebClient } from '@slack/web-api';
import { createChartRenderer } from '../../../reports/charts/render.ts';
import { postDigest } from '../../../reports/digest/post.ts';
import { makeDeps } from '../../helpers/store.ts';

const [file, slackUrl, channel, date] = process.argv.slice(2);
const deps = makeDeps({ file, now: '2026-11-24T15:00:00Z' });
const client = new WebClient('xoxb-test', { slackApiUrl: slackUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
const renderer = createChartRenderer();
// Both processes are released by the parent at once, after both said ready, so their claims really race.
process.stdout.write('ready\n');
await once(process.stdin, 'data');
process.stdin.pause();
const r = await postDigest(deps, client, { target: { channel, role: 'ops', cron: 'manual' }, date, renderer, instance: `pid:${process.pid}` });
deps.store.close();
process.stdout.write(`${JSON.stringify(r)}\n`);
