/**
 * `digest [--date D] [--from D] [--out DIR] [--post CHANNEL] [--role exec|ops]`: renders the daily digest for
 * a complete day (default: yesterday in LEAK_TZ), or for the days --from through --date. --out writes the Block Kit JSON, a Markdown
 * version and the PNGs; --post posts it now, through the same exactly-once ledger as the schedule.
 */
import { LeakError } from '../src/errors.ts';
import { slackClientOptions } from '../src/slack-delivery.ts';
import { writeDigestFiles } from '../reports/digest/files.ts';
import { DIGEST_ROLES, isChannel, type DigestRole } from '../src/digest-channels.ts';
import { renderDigestMarkdown } from '../reports/digest/markdown.ts';
import type { PostDigestOutcome } from '../reports/digest/post.ts';
import { previousCompleteDay } from '../reports/digest/query.ts';
import { addDays, daysBetween } from '../src/time.ts';
import { MAX_SPAN_DAYS } from '../reports/digest/coverage.ts';
import { badArgument, dateArg } from './args.ts';
import { defineCommand, TERMINAL_ONLY } from './command.ts';
import { JSON_OPTION } from './usage-line.ts';
import type { Context } from '../src/context.ts';

type DigestArgs = { date: string; from?: string; role: DigestRole; out?: string; post?: string };
export type DigestCommandResult = {
  from: string;
  date: string;
  role: DigestRole;
  markdown: string;
  charts: { key: string; file: string; posted_as_image: boolean; notice?: string }[];
  written?: string[];
  post?: PostDigestOutcome;
};

async function runDigest(args: DigestArgs, ctx: Context): Promise<DigestCommandResult> {
  // The charts (vega-lite, vega, resvg) and Slack's client load only when a digest is made: help and usage need none of them.
  const [{ createChartRenderer }, { buildDigest }, { postDigest }] = await Promise.all([
    import('../reports/charts/render.ts'),
    import('../reports/digest/build.ts'),
    import('../reports/digest/post.ts'),
  ]);
  const renderer = createChartRenderer();
  const from = args.from ?? args.date;
  const digest = await buildDigest(ctx, { date: args.date, from, role: args.role, renderer });
  const markdown = renderDigestMarkdown(digest);
  const result: DigestCommandResult = {
    from,
    date: args.date,
    role: args.role,
    markdown,
    charts: digest.charts.map((c) => ({ key: c.key, file: c.file, posted_as_image: Boolean(c.png), notice: c.notice })),
  };
  if (args.out) result.written = writeDigestFiles(args.out, digest, { blocks: true, markdown });
  if (args.post) {
    const { botToken } = ctx.config.slack;
    if (!botToken) throw new LeakError('bad_config', '--post needs SLACK_BOT_TOKEN (a bot token starting with xoxb-) in the environment.');
    // The same client as the running bot's: one retry layer, bounded in time (src/slack-delivery.ts).
    const { WebClient } = await import('@slack/web-api');
    const client = new WebClient(botToken, slackClientOptions(ctx.config.slack));
    result.post = await postDigest(ctx, client, { target: { channel: args.post, role: args.role, cron: 'manual' }, date: args.date, from, renderer });
  }
  return result;
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
      { name: 'date', type: 'string', value: 'YYYY-MM-DD', description: 'complete day to report on (default: yesterday in LEAK_TZ; today is refused while it runs)' },
      { name: 'from', type: 'string', value: 'YYYY-MM-DD', description: `first day of a digest over several days, up to --date (at most ${MAX_SPAN_DAYS} days), as a Monday digest covers Friday to Sunday` },
      JSON_OPTION,
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
    const lastComplete = previousCompleteDay(ctx.config.timeZone, ctx.now());
    const date = parsed.values.date === undefined ? lastComplete : dateArg(parsed, ctx, 'date', { covered: false });
    // A digest is about complete days: a running day would be called "whole day" with part of its calls.
    if (date > lastComplete) {
      const running = date === addDays(lastComplete, 1);
      throw badArgument(
        `--date ${date} ${running ? `is today in ${ctx.config.timeZone} and still running` : 'has not happened yet'}: the digest covers complete days (the last one is ${lastComplete}).${running ? ' For the day so far: leak today.' : ''}`,
      );
    }
    // Checked after "complete days only", the more telling answer for today or a future day.
    if (parsed.values.date !== undefined) dateArg(parsed, ctx);
    const from = parsed.values.from === undefined ? undefined : dateArg(parsed, ctx, 'from');
    if (from !== undefined && from > date) throw badArgument(`--from ${from} is after --date ${date}: a digest covers --from through --date.`);
    if (from !== undefined && daysBetween(from, date) + 1 > MAX_SPAN_DAYS) throw badArgument(`--from ${from} to --date ${date} is more than ${MAX_SPAN_DAYS} days: one digest covers at most ${MAX_SPAN_DAYS}.`);
    const role = (parsed.values.role ?? 'ops') as string;
    if (!(DIGEST_ROLES as readonly string[]).includes(role)) throw badArgument(`--role must be one of ${DIGEST_ROLES.join(', ')} (got ${JSON.stringify(role)}).`);
    const out = parsed.values.out as string | undefined;
    const post = parsed.values.post as string | undefined;
    if (post !== undefined && !isChannel(post)) throw badArgument(`--post must be #channel-name or a channel ID such as C0123456789 (got ${JSON.stringify(post)}).`);
    return { date, from, role: role as DigestRole, out, post };
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
