/**
 * `digest [--date D] [--out DIR] [--post CHANNEL] [--role exec|ops]`: renders the daily digest for
 * a complete day (default: yesterday in LEAK_TZ). --out writes the Block Kit JSON, a Markdown
 * version and the PNGs; --post posts it now, through the same exactly-once ledger as the schedule.
 */
import fs from 'node:fs';
import path from 'node:path';
import { WebClient } from '@slack/web-api';
import { LeakError } from '../src/errors.ts';
import { slackClientOptions } from '../src/slack-delivery.ts';
import { buildDigestBlocks } from '../reports/digest/blocks.ts';
import { buildDigest } from '../reports/digest/build.ts';
import { DIGEST_ROLES, isChannel, type DigestRole } from '../src/digest-channels.ts';
import { renderDigestMarkdown } from '../reports/digest/markdown.ts';
import { postDigest, type PostDigestOutcome } from '../reports/digest/post.ts';
import { previousCompleteDay } from '../reports/digest/query.ts';
import { createChartRenderer } from '../reports/charts/render.ts';
import { badArgument, dateArg } from './args.ts';
import { defineCommand, TERMINAL_ONLY } from './command.ts';
import type { Context } from '../src/context.ts';

type DigestArgs = { date: string; role: DigestRole; out?: string; post?: string };
export type DigestCommandResult = {
  date: string;
  role: DigestRole;
  markdown: string;
  charts: { key: string; file: string; posted_as_image: boolean; notice?: string }[];
  written?: string[];
  post?: PostDigestOutcome;
};

async function runDigest(args: DigestArgs, ctx: Context): Promise<DigestCommandResult> {
  const renderer = createChartRenderer();
  const digest = await buildDigest(ctx, { date: args.date, role: args.role, renderer });
  const markdown = renderDigestMarkdown(digest);
  const result: DigestCommandResult = {
    date: args.date,
    role: args.role,
    markdown,
    charts: digest.charts.map((c) => ({ key: c.key, file: c.file, posted_as_image: Boolean(c.png), notice: c.notice })),
  };
  if (args.out) result.written = writeDigestFiles(args.out, digest, markdown);
  if (args.post) {
    const { botToken } = ctx.config.slack;
    if (!botToken) throw new LeakError('bad_config', '--post needs SLACK_BOT_TOKEN (a bot token starting with xoxb-) in the environment.');
    // The same client as the running bot's: one retry layer, bounded in time (src/slack-delivery.ts).
    const client = new WebClient(botToken, slackClientOptions(ctx.config.slack));
    result.post = await postDigest(ctx, client, { target: { channel: args.post, role: args.role, cron: 'manual' }, date: args.date, renderer });
  }
  return result;
}

function writeDigestFiles(dir: string, digest: Awaited<ReturnType<typeof buildDigest>>, markdown: string): string[] {
  fs.mkdirSync(dir, { recursive: true });
  const files: [string, string | Buffer][] = [
    ['digest.blocks.json', `${JSON.stringify(buildDigestBlocks(digest), null, 2)}\n`],
    ['digest.md', markdown],
    ...digest.charts.filter((c) => c.png).map((c): [string, Buffer] => [c.file, c.png!]),
  ];
  return files.map(([name, body]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, body);
    return file;
  });
}

export default defineCommand({
  name: 'digest',
  summary: 'The daily digest for a complete day: Block Kit, Markdown and charts (--out), or post it now (--post)',
  args: {
    positionals: [],
    options: [
      { name: 'out', type: 'string', value: 'DIR', description: 'write digest.blocks.json, digest.md and the chart PNGs to DIR' },
      { name: 'post', type: 'string', value: 'CHANNEL', description: 'post the digest now to #channel or a channel ID (once per channel and day)' },
      { name: 'role', type: 'string', value: 'exec|ops', description: 'executive view (cost, savings) or operations view (calls, agents, alerts); default ops' },
      // Own --date and --json (not query: true) because the digest's default day is yesterday, not today.
      { name: 'date', type: 'string', value: 'YYYY-MM-DD', description: 'complete day to report on (default: yesterday in LEAK_TZ)' },
      { name: 'json', type: 'boolean', description: 'machine-readable output' },
    ],
  },
  query: false,
  surfaces: TERMINAL_ONLY,
  terminalOnlyBecause: 'it reads or writes files on the server',
  examples: [
    { line: 'digest --out ./digest', what: 'the daily digest without Slack', onStart: true },
    { line: 'digest --post #leaks --role exec', what: "post yesterday's executive digest now" },
  ],
  parse: (parsed, ctx: Context) => {
    const date = parsed.values.date === undefined ? previousCompleteDay(ctx.config.timeZone, ctx.now()) : dateArg(parsed, ctx);
    const role = (parsed.values.role ?? 'ops') as string;
    if (!(DIGEST_ROLES as readonly string[]).includes(role)) throw badArgument(`--role must be one of ${DIGEST_ROLES.join(', ')} (got ${JSON.stringify(role)}).`);
    const out = parsed.values.out as string | undefined;
    const post = parsed.values.post as string | undefined;
    if (post !== undefined && !isChannel(post)) throw badArgument(`--post must be #channel-name or a channel ID such as C0123456789 (got ${JSON.stringify(post)}).`);
    return { date, role: role as DigestRole, out, post };
  },
  run: runDigest,
  renderText: (r: DigestCommandResult) =>
    [
      r.markdown.trimEnd(),
      ...(r.written ? ['', `Wrote ${r.written.length} files:`, ...r.written.map((f) => `  ${f}`)] : []),
      ...(r.post ? ['', postLine(r.post)] : []),
    ].join('\n'),
});

function postLine(p: PostDigestOutcome): string {
  switch (p.outcome) {
    case 'posted':
      return `Posted to ${p.channel} (ts ${p.ts}), ${p.charts_uploaded} chart(s) in the thread.${p.problem ? ` ${p.problem}` : ''}`;
    case 'already_posted':
      return `Not posted: the ${p.date} digest was already posted to ${p.channel}.`;
    case 'in_progress':
      return `Not posted: another instance is posting the ${p.date} digest to ${p.channel} right now.`;
    case 'interrupted':
      return `Not posted: an earlier attempt for ${p.date} in ${p.channel} was interrupted mid-post and may have gone out; check the channel.`;
    case 'failed':
      return `Failed: ${p.problem}`;
  }
}
