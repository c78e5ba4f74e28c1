/**
 * Text in, Slack message out: tokenizes a /leak (or @Leak) line, dispatches through the same
 * registry functions as the CLI (parseInvocation → run), and renders Block Kit fitted to Slack's
 * limits. Unknown text gets help with the closest command; errors become one line.
 *
 * Every Slack path that runs a line (/leak, mentions, run buttons, Share, alert View) comes through
 * answerLine, and so through its checks, in this order: the line's size, the command's surfaces
 * (parseInvocation, for Slack), Share re-runs questions only, a line that changes something needs
 * an editor, and members' personal details only for a person allowed to see them, never in a channel.
 */
import { changesSomething, runsIn } from '../../commands/command.ts';
import { parseInvocation, type Invocation } from '../../commands/invocation.ts';
import { closestCommand, loadCommand } from '../../commands/registry.ts';
import type { Context } from '../context.ts';
import { LeakError } from '../errors.ts';
import { formatCount } from '../format.ts';
import { isIsoDate } from '../time.ts';
import { shareBlock } from '../blocks/elements.ts';
import { renderCommandHelp, renderHelp } from './help.ts';
import { fitAnswer, type RenderedAnswer, type SlackMessage } from '../blocks/limits.ts';
import { renderAnswer } from './render-answer.ts';
import { errorMessage, type ErrorLog } from './error-reply.ts';
import { quoteLine, tokenize } from './tokenize.ts';
import { contextBlock, type Mrkdwn } from '../blocks/mrkdwn.ts';
import { createAccess, NOT_AN_EDITOR, type Access } from './access.ts';

/** The longest line Slack may send (a /leak text, a mention, a button's value), in characters. */
export const MAX_LINE_CHARS = 2000;
/** The longest single argument: room for the longest text a command takes (a note or a dismissal reason, 500). */
export const MAX_ARGUMENT_CHARS = 500;

export type AnswerOptions = {
  /** Private answers carry a "Share in channel" button. */
  shareable: boolean;
  log?: ErrorLog;
  /** A context line added under the answer (e.g. who shared it). */
  note?: Mrkdwn;
  /**
   * Who will read the answer: only the person asking (ephemeral, their DM), or everyone in a
   * channel (Share, mentions). Default 'channel', the stricter: personal details stay out.
   */
  audience?: 'requester' | 'channel';
  /** Share re-runs a question: a line that is not a query is refused. */
  questionsOnly?: boolean;
  /** Who may edit and see personal details; without it, only people listed by id count. */
  access?: Access;
};

/** What a line means before running anything: a command to run, or help (with a suggestion when mistyped). */
export type Intent =
  | { kind: 'command'; argv: string[] }
  | { kind: 'help'; topic?: string }
  | { kind: 'unknown'; word: string; suggestion?: string; suggestedLine?: string };

/** Loads the command the line names (only that one), so only a command that exists is dispatched. */
export async function readIntent(text: string): Promise<Intent> {
  const argv = readLine(text);
  const [first, ...rest] = argv;
  if (!first || ['help', '--help', '-h', '?'].includes(first.toLowerCase())) return { kind: 'help', topic: rest[0]?.toLowerCase() };
  const name = first.toLowerCase();
  if (await loadCommand(name)) return { kind: 'command', argv: [name, ...rest] };
  const guess = closestCommand(name);
  const guessed = guess ? await loadCommand(guess) : undefined;
  const suggestion = guessed && runsIn(guessed, 'slack') ? guess : undefined;
  return { kind: 'unknown', word: first, suggestion, suggestedLine: suggestion ? quoteLine([suggestion, ...rest]) : undefined };
}

/** A message to send; `failed` when it is a refusal or an error line rather than an answer. */
export type Answer = SlackMessage & { failed?: true };

export async function answerLine(text: string, ctx: Context, opts: AnswerOptions): Promise<Answer> {
  return answering(opts, async () => {
    const intent = await readIntent(text);
    return intent.kind === 'command' ? runChecked(await checkCommand(intent.argv, ctx, opts), opts) : renderIntent(intent);
  });
}

/** A command line parsed for Slack, in the context its answer is computed in: what runs, exactly as it was checked. */
export type CheckedCommand = { argv: string[]; inv: Invocation; ctx: Context };

/** Parses a command's line for Slack (its surfaces, options and its own parse), in the audience's context. */
export async function checkCommand(argv: string[], ctx: Context, opts: AnswerOptions): Promise<CheckedCommand> {
  const asked = await audienceContext(ctx, opts);
  return { argv, inv: await parseInvocation(argv, asked, 'slack'), ctx: asked };
}

/** Runs a line checkCommand parsed, and renders its answer. */
export function answerChecked(checked: CheckedCommand, opts: AnswerOptions): Promise<Answer> {
  return answering(opts, () => runChecked(checked, opts));
}

async function answering(opts: AnswerOptions, render: () => Promise<RenderedAnswer>): Promise<Answer> {
  try {
    const answer = await render();
    const note = opts.note ? [contextBlock(opts.note)] : [];
    return fitAnswer({ ...answer, tail: [...answer.tail, ...note] });
  } catch (e) {
    return { ...errorMessage(e, opts.log), failed: true };
  }
}

/** Refuses text over the longest line Slack may send us, before anything reads it: a command line or a question alike. */
export function checkLineLength(text: string): void {
  if (text.length > MAX_LINE_CHARS) {
    throw new LeakError('bad_argument', `That line is ${formatCount(text.length)} characters long; /leak takes at most ${formatCount(MAX_LINE_CHARS)}.`);
  }
}

/**
 * A line as argv, within Slack's size limits: the whole line is measured before anything reads it,
 * so a hostile one costs nothing to refuse, then each argument once split.
 */
export function readLine(text: string): string[] {
  checkLineLength(text);
  const argv = tokenize(text);
  const long = argv.find((a) => a.length > MAX_ARGUMENT_CHARS);
  if (long !== undefined) {
    throw new LeakError('bad_argument', `One argument is ${formatCount(long.length)} characters long; each may be at most ${formatCount(MAX_ARGUMENT_CHARS)}.`);
  }
  return argv;
}

async function renderIntent(intent: Exclude<Intent, { kind: 'command' }>): Promise<RenderedAnswer> {
  if (intent.kind === 'unknown') return renderHelp({ unknown: intent.word, suggestion: intent.suggestion, suggestedLine: intent.suggestedLine });
  const topic = intent.topic ? await loadCommand(intent.topic) : undefined;
  return topic && runsIn(topic, 'slack') ? renderCommandHelp(topic) : renderHelp();
}

async function runChecked({ argv, inv, ctx }: CheckedCommand, opts: AnswerOptions): Promise<RenderedAnswer> {
  if (inv.help) return renderCommandHelp(inv.cmd);
  if (opts.questionsOnly && !inv.cmd.query) {
    throw new LeakError('not_allowed', `Only answers to questions can be shared; run /leak ${inv.cmd.name} yourself instead.`);
  }
  const access = opts.access ?? createAccess(ctx.config, LISTED_BY_ID_ONLY);
  const userId = ctx.slack?.userId;
  if (changesSomething(inv.cmd, inv.args) && !(userId && (await access.mayEdit(userId)))) throw new LeakError('not_allowed', NOT_AN_EDITOR);
  const result = await inv.cmd.run(inv.args, ctx);
  const answer = renderAnswer(inv.cmd, result, ctx.config, inv.json);
  // Sharing re-runs the line: only for questions, never for a command that changes something (action).
  if (!opts.shareable || !inv.cmd.query) return answer;
  return { ...answer, tail: [...answer.tail, shareBlock(pinnedLine(argv, inv.cmd.query, result))] };
}

/**
 * The context an answer is computed in: members' personal details only for a private answer to
 * someone allowed to see them (or everyone, with LEAK_SHOW_PII=true). Every Slack path uses this.
 */
export async function audienceContext(ctx: Context, opts: Pick<AnswerOptions, 'audience' | 'access'>): Promise<Context> {
  const access = opts.access ?? createAccess(ctx.config, LISTED_BY_ID_ONLY);
  const maySee = (opts.audience ?? 'channel') === 'requester' && (await access.maySeeMemberDetails(ctx.slack?.userId));
  return { ...ctx, memberDetails: maySee || ctx.config.access.showPii };
}

/** Without Slack's directory, a list's user groups cannot be read: nobody counts as their member. */
const LISTED_BY_ID_ONLY = { isListed: async (list: { users: string[] }, userId: string) => list.users.includes(userId), findUsers: async () => [] };

/**
 * The line the Share button re-runs. A query answer is pinned to the date it showed, so what is
 * shared is the same day even if it is shared after midnight.
 */
function pinnedLine(argv: string[], query: boolean, result: unknown): string {
  const date = result && typeof result === 'object' ? (result as { date?: unknown }).date : undefined;
  const hasDate = argv.some((a) => a === '--date' || a.startsWith('--date='));
  return quoteLine(query && !hasDate && typeof date === 'string' && isIsoDate(date) ? [...argv, '--date', date] : argv);
}
