/**
 * One digest poster in its own process, for the two-process exactly-once test: opens the store
 * file, posts the digest to the fake Slack, prints the outcome as JSON. Args: file slackUrl channel date.
 */
import { WebClient } from '@slack/web-api';
import { createChartRenderer } from '../../../reports/charts/render.ts';
import { postDigest } from '../../../reports/digest/post.ts';
import { makeDeps } from '../../helpers/store.ts';

const [file, slackUrl, channel, date] = process.argv.slice(2);
const deps = makeDeps({ file, now: '2026-11-24T15:00:00Z' });
const client = new WebClient('xoxb-test', { slackApiUrl: slackUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
// Both processes wait for the same instant, so their claims really race.
const startAt = Number(process.env.RACE_AT ?? 0);
while (Date.now() < startAt) await new Promise((r) => setTimeout(r, 2));
const r = await postDigest(deps, client, { target: { channel, role: 'ops', cron: 'manual' }, date, renderer: createChartRenderer(), instance: `pid:${process.pid}` });
deps.store.close();
process.stdout.write(`${JSON.stringify(r)}\n`);
