/**
 * Text in, Slack message out: tokenizes a /leak (or @Leak) line, dispatches through the same
 * registry functions as the CLI (parseInvocation → run), and renders Block Kit fitted to Slack's
 * limits. Unknown text gets help with the closest command; errors become one line.
 */
import { runsIn } from '../../commands/command.ts';
import { parseInvocation } from '../../commands/invocation.ts';
import { closestCommand, loadCommand } from '../../commands/registry.ts';
import type { Context } from '../context.ts';
import { LeakError } from '../errors.ts';
import { isIsoDate } from '../time.ts';
import { shareBlock } from '../blocks/elements.ts';
import { renderCommandHelp, renderHelp } from './help.ts';
import { fitAnswer, type RenderedAnswer, type SlackMessage } from '../blocks/limits.ts';
import { renderAnswer } from './render-answer.ts';
import { errorMessage, type ErrorLog } from './error-reply.ts';
import { tokenize } from './tokenize.ts';
import { contextBlock, type Mrkdwn } from '../blocks/mrkdwn.ts';

export type AnswerOptions = {
  /** Private answers carry a "Share in channel" button. */
  shareable: boolean;
  log?: ErrorLog;
  /** A context line added under the answer (e.g. who shared it). */
  note?: Mrkdwn;
};

/** What a line means before running anything: a command to run, or help (with a suggestion when mistyped). */
export type Intent =
  | { kind: 'command'; argv: string[] }
  | { kind: 'help'; topic?: string }
  | { kind: 'cli_only'; name: string }
  | { kind: 'unknown'; word: string; suggestion?: string; suggestedLine?: string };

/** Loads the command the line names (only that one), so a terminal-only command is told apart by its own declaration. */
export async function readIntent(text: string): Promise<Intent> {
  const argv = tokenize(text);
  const [first, ...rest] = argv;
  if (!first || ['help', '--help', '-h', '?'].includes(first.toLowerCase())) return { kind: 'help', topic: rest[0]?.toLowerCase() };
  const name = first.toLowerCase();
  const cmd = await loadCommand(name);
  if (cmd && runsIn(cmd, 'slack')) return { kind: 'command', argv: [name, ...rest] };
  if (cmd) return { kind: 'cli_only', name };
  const guess = closestCommand(name);
  const guessed = guess ? await loadCommand(guess) : undefined;
  const suggestion = guessed && runsIn(guessed, 'slack') ? guess : undefined;
  return { kind: 'unknown', word: first, suggestion, suggestedLine: suggestion ? quoteLine([suggestion, ...rest]) : undefined };
}

export async function answerLine(text: string, ctx: Context, opts: AnswerOptions): Promise<SlackMessage> {
  const intent = await readIntent(text);
  try {
    const answer = await render(intent, ctx, opts);
    const note = opts.note ? [contextBlock(opts.note)] : [];
    return fitAnswer({ ...answer, tail: [...answer.tail, ...note] });
  } catch (e) {
    return errorMessage(e, opts.log);
  }
}

async function render(intent: Intent, ctx: Context, opts: AnswerOptions): Promise<RenderedAnswer> {
  if (intent.kind === 'help') {
    const topic = intent.topic ? await loadCommand(intent.topic) : undefined;
    return topic && runsIn(topic, 'slack') ? renderCommandHelp(topic) : renderHelp();
  }
  if (intent.kind === 'cli_only') {
    const cmd = await loadCommand(intent.name);
    const because = cmd?.terminalOnlyBecause ? `, since ${cmd.terminalOnlyBecause}` : '';
    throw new LeakError('bad_argument', `${intent.name} works in the terminal only${because}: npm run -s leak -- ${intent.name} --help`);
  }
  if (intent.kind === 'unknown') return renderHelp({ unknown: intent.word, suggestion: intent.suggestion, suggestedLine: intent.suggestedLine });
  const inv = await parseInvocation(intent.argv, ctx);
  if (inv.help) return renderCommandHelp(inv.cmd);
  const result = await inv.cmd.run(inv.args, ctx);
  const answer = renderAnswer(inv.cmd, result, ctx.config, inv.json);
  // Sharing re-runs the line: only for questions, never for a command that changes something (action).
  if (!opts.shareable || !inv.cmd.query) return answer;
  return { ...answer, tail: [...answer.tail, shareBlock(pinnedLine(intent.argv, inv.cmd.query, result))] };
}

/**
 * The line the Share button re-runs. A query answer is pinned to the date it showed, so what is
 * shared is the same day even if it is shared after midnight.
 */
function pinnedLine(argv: string[], query: boolean, result: unknown): string {
  const date = result && typeof result === 'object' ? (result as { date?: unknown }).date : undefined;
  const hasDate = argv.some((a) => a === '--date' || a.startsWith('--date='));
  return quoteLine(query && !hasDate && typeof date === 'string' && isIsoDate(date) ? [...argv, '--date', date] : argv);
}

export const quoteLine = (argv: string[]) => argv.map((a) => (a === '' || /[\s"']/.test(a) ? `"${a.replace(/"/g, '')}"` : a)).join(' ');
