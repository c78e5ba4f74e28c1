/**
 * A command line turned into a command and its checked arguments: the one way the CLI and Slack
 * both dispatch. Unknown commands, options and extra words are refused in one line with the usage.
 */
import { LeakError } from '../src/errors.ts';
import type { Context } from '../src/context.ts';
import type { AnyCommand, Surface } from './command.ts';
import { parseCommandArgs, type Invocation } from './parse-args.ts';
import { closestCommand, COMMANDS, loadCommand } from './registry.ts';

export { parseCommandArgs, type Invocation } from './parse-args.ts';

/**
 * `argv` is the whole line after `leak`: the command's name, then its arguments. `surface` is where
 * the line came from; it defaults to Slack whenever a Slack person is asking (ctx.slack), so a path
 * that forgets to say is held to Slack's rules, never the terminal's.
 */
export async function parseInvocation(argv: string[], ctx: Context, surface: Surface = ctx.slack ? 'slack' : 'terminal'): Promise<Invocation> {
  const [name, ...rest] = argv;
  return parseCommandArgs(await resolveCommand(name), rest, ctx, surface);
}

/** The command a line names; an unknown one is refused with the nearest name and the list. */
export async function resolveCommand(name: string | undefined): Promise<AnyCommand> {
  const cmd = name ? await loadCommand(name) : undefined;
  if (!cmd) throw unknownCommand(name);
  return cmd;
}

function unknownCommand(name: string | undefined): LeakError {
  const names = COMMANDS.map((c) => c.name).join(', ');
  if (!name) return new LeakError('unknown_command', `Which command? Commands: ${names}.`);
  const suggestion = closestCommand(name);
  return new LeakError('unknown_command', `Unknown command "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Commands: ${names}.`);
}
