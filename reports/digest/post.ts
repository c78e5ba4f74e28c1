/**
 * Posts one digest to one channel, exactly once: claim the (channel, date) row, build, post the
 * message, record it as posted, then upload the charts into its thread. The ledger is written
 * before and after the post, so no path posts it twice. Retries are the client's own (one layer,
 * bounded in time: src/slack-delivery.ts); nothing here repeats a call.
 */
import type { WebClient } from '@slack/web-api';
import type { Context } from '../../src/context.ts';
import type { ChartRenderer } from '../charts/render.ts';
import { buildDigestBlocks } from './blocks.ts';
import { buildDigest } from './build.ts';
import type { DigestChannel } from '../../src/digest-channels.ts';
import { claimDigest, INSTANCE_ID, markFailed, markPosted, notePosted, type DigestKey } from '../../src/bookkeeping/digest-ledger.ts';
import { describeSlackFailure, uploadFilesWithAltText } from '../../src/slack-delivery.ts';

export type DigestSlackClient = WebClient;

/** One digest's days and how it is made, wherever it goes (a channel here, a folder in write-folder.ts). */
export type DigestRun = {
  /** The last day covered; `from` the first (default: `date` alone). */
  date: string;
  from?: string;
  /** The schedule's words about the days covered, shown under the title. */
  coverage?: string;
  late?: boolean;
  renderer: ChartRenderer;
  instance?: string;
};

export type PostDigestOptions = DigestRun & { target: DigestChannel };

export type PostDigestOutcome = {
  channel: string;
  date: string;
  from?: string;
  outcome: 'posted' | 'already_posted' | 'in_progress' | 'interrupted' | 'failed';
  late: boolean;
  ts?: string;
  charts_uploaded?: number;
  /** Why it failed, or which charts did not make it into the thread. */
  problem?: string;
};

/** Slack caps alt text at 1,000 characters. */
const ALT_MAX = 1000;

export async function postDigest(ctx: Context, client: DigestSlackClient, opts: PostDigestOptions): Promise<PostDigestOutcome> {
  const late = opts.late ?? false;
  const key: DigestKey = { channel: opts.target.channel, date: opts.date };
  const from = opts.from ?? opts.date;
  const base = { channel: key.channel, date: key.date, from, late };
  const claim = claimDigest(ctx.store, key, { role: opts.target.role, late, instance: opts.instance ?? INSTANCE_ID, now: ctx.now(), from });
  if (claim.outcome !== 'claimed') return { ...base, outcome: claim.outcome };

  let posted: { ts: string; channelId: string };
  let digest;
  try {
    digest = await buildDigest(ctx, { date: opts.date, from, coverage: opts.coverage, role: opts.target.role, late, renderer: opts.renderer });
    const message = buildDigestBlocks(digest);
    const res = await client.chat.postMessage({ channel: key.channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
    if (!res.ts || !res.channel) throw new Error('Slack accepted the message but returned no ts/channel');
    posted = { ts: res.ts, channelId: res.channel };
  } catch (e) {
    const reason = `Digest for ${from === key.date ? key.date : `${from} to ${key.date}`} not posted to ${key.channel}: ${describeSlackFailure(e)}`;
    markFailed(ctx.store, key, reason);
    return { ...base, outcome: 'failed', problem: reason };
  }
  markPosted(ctx.store, key, { ...posted, now: ctx.now() });

  // The message is out and recorded; a chart that fails to upload is noted, never a reason to re-post.
  const charts = digest.charts.filter((c) => c.png);
  let problem: string | undefined;
  if (charts.length) {
    try {
      await uploadFilesWithAltText(client, {
        channel_id: posted.channelId,
        thread_ts: posted.ts,
        initial_comment: `Charts for the ${from === key.date ? key.date : `${from} to ${key.date}`} digest (the numbers are in the message above).`,
        file_uploads: charts.map((c) => ({ file: c.png!, filename: c.file, title: c.title, alt_text: c.alt.slice(0, ALT_MAX) })),
      });
    } catch (e) {
      problem = `Posted, but the charts did not upload: ${describeSlackFailure(e)}`;
      notePosted(ctx.store, key, problem);
    }
  }
  return { ...base, outcome: 'posted', ts: posted.ts, charts_uploaded: problem ? 0 : charts.length, problem };
}
