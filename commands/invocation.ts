/**
 * A command line turned into a command and its checked arguments: the one way the CLI and Slack
 * both dispatch. Unknown commands, options and extra words are refused in one line with the usage.
 */
import { parseArgs } from 'node:util';
import { distance } from 'fastest-levenshtein';
import { LeakError } from '../src/errors.ts';
import type { Context } from '../src/context.ts';
import type { AnyCommand, OptionSpec, ParsedArgs } from './command.ts';
import { closestCommand, COMMANDS, loadCommand } from './registry.ts';
import { optionsOf, usageOf } from './usage.ts';

export type Invocation = { cmd: AnyCommand; args: unknown; json: boolean; help: boolean };

/** `argv` is the whole line after `leak`: the command's name, then its arguments. */
export async function parseInvocation(argv: string[], ctx: Context): Promise<Invocation> {
  const [name, ...rest] = argv;
  return parseCommandArgs(await resolveCommand(name), rest, ctx);
}

/** The command a line names; an unknown one is refused with the nearest name and the list. */
export async function resolveCommand(name: string | undefined): Promise<AnyCommand> {
  const cmd = name ? await loadCommand(name) : undefined;
  if (!cmd) throw unknownCommand(name);
  return cmd;
}

/** One command's arguments, checked against its schema and then by its own parse. */
export function parseCommandArgs(cmd: AnyCommand, rest: string[], ctx: Context): Invocation {
  const read = readArgs(cmd, rest);
  if (read.help) return { cmd, args: undefined, json: false, help: true };
  return { cmd, args: cmd.parse(read.parsed, ctx), json: read.parsed.values.json === true, help: false };
}

/**
 * The words of a command line checked against the command's schema alone (no store needed): its
 * options, their values and the number of positionals. Node's parseArgs splits the words; the
 * refusals are ours, each one line saying what was wrong and what is valid. A string option takes
 * the next word as its value even when it starts with "-" (`--calls -3` is a value the command's own
 * check refuses by name), unless that word is itself an option (`--date --json`: the value is missing).
 */
export function readArgs(cmd: AnyCommand, rest: string[]): { parsed: ParsedArgs; help: boolean } {
  const usage = `leak ${usageOf(cmd)}`;
  const specs = [...optionsOf(cmd), { name: 'help', type: 'boolean', description: 'this help' } satisfies OptionSpec];
  const refuse = (message: string) => new LeakError('bad_argument', `${message} Usage: ${usage}`);
  const { tokens } = parseArgs({ args: rest, options: Object.fromEntries(specs.map((o) => [o.name, { type: o.type }])), allowPositionals: true, strict: false, tokens: true });
  if (tokens.some((t) => t.kind === 'option' && (t.name === 'help' || t.rawName === '-h'))) return { parsed: { values: {}, positionals: [], usage }, help: true };

  const values: ParsedArgs['values'] = {};
  const positionals: string[] = [];
  const negativeNumbers = new Set<number>();
  for (const t of tokens) {
    if (t.kind === 'positional') positionals.push(t.value);
    if (t.kind !== 'option') continue;
    // "-5" is a number someone typed (a fix rate, say), not a cluster of short options.
    if (/^-\d/.test(rest[t.index])) {
      if (!negativeNumbers.has(t.index)) positionals.push(rest[t.index]);
      negativeNumbers.add(t.index);
      continue;
    }
    const spec = specs.find((o) => o.name === t.name);
    if (!spec) throw refuse(unknownOption(t.rawName, specs));
    const shown = `--${spec.name}${spec.value ? ` ${spec.value}` : ''}`;
    if (spec.type === 'boolean') {
      if (t.value !== undefined) throw refuse(`--${spec.name} takes no value (got ${t.rawName}=${t.value}).`);
      values[spec.name] = true;
      continue;
    }
    const looksLikeOption = !t.inlineValue && t.value !== undefined && /^--[a-z]/i.test(t.value);
    if (t.value === undefined || looksLikeOption) throw refuse(`${t.rawName} needs a value: ${shown} (${spec.description}).`);
    if (spec.multiple) values[spec.name] = [...((values[spec.name] as string[] | undefined) ?? []), t.value];
    else values[spec.name] = t.value;
  }
  const takes = cmd.args.positionals;
  if (!takes.at(-1)?.rest && positionals.length > takes.length) {
    throw refuse(`Unexpected argument "${positionals[takes.length]}".`);
  }
  return { parsed: { values, positionals, usage }, help: false };
}

/** "Unknown option --dat. Did you mean --date? Options: …" (the nearest by edit distance, when it is near enough to be a typo). */
function unknownOption(raw: string, specs: OptionSpec[]): string {
  const typed = raw.replace(/^-+/, '').toLowerCase();
  let best: { name: string; d: number } | undefined;
  for (const o of specs) {
    const d = distance(typed, o.name);
    if (!best || d < best.d) best = { name: o.name, d };
  }
  const near = best && best.d <= Math.max(2, Math.floor(best.name.length / 3)) ? ` Did you mean --${best.name}?` : '';
  return `Unknown option ${raw}.${near} Options: ${specs.map((o) => `--${o.name}`).join(', ')}.`;
}

function unknownCommand(name: string | undefined): LeakError {
  const names = COMMANDS.map((c) => c.name).join(', ');
  if (!name) return new LeakError('unknown_command', `Which command? Commands: ${names}.`);
  const suggestion = closestCommand(name);
  return new LeakError('unknown_command', `Unknown command "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Commands: ${names}.`);
}
