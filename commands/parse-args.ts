/**
 * One command's arguments checked against its schema, then by its own parse: the synchronous half of
 * invocation.ts, needing only the command (no registry), so asking can parse the answers it reaches.
 */
import { parseArgs } from 'node:util';
import { distance } from 'fastest-levenshtein';
import { LeakError } from '../src/errors.ts';
import { plainFromSlack } from '../src/mentions.ts';
import type { Context } from '../src/context.ts';
import { runsIn, type AnyCommand, type OptionSpec, type ParsedArgs, type Surface } from './command.ts';
import { optionsOf, usageOf } from './usage-line.ts';

export type Invocation = { cmd: AnyCommand; args: unknown; json: boolean; help: boolean };

/**
 * One command's arguments, checked against its schema and then by its own parse. The surface gate
 * is here, before anything else, because every way of running a command (CLI, /leak, mentions,
 * buttons, Share) comes through: a command runs only where its own `surfaces` say it may.
 */
export function parseCommandArgs(cmd: AnyCommand, rest: string[], ctx: Context, surface: Surface = ctx.slack ? 'slack' : 'terminal'): Invocation {
  if (!runsIn(cmd, surface)) throw notHere(cmd, surface);
  const read = readArgs(cmd, rest);
  if (read.help) return { cmd, args: undefined, json: false, help: true };
  if (surface === 'slack') refuseTerminalOnlyOptions(cmd, read.parsed);
  const parsed = readSlackMarkup(cmd, read.parsed);
  return { cmd, args: cmd.parse(parsed, ctx), json: parsed.values.json === true, help: false };
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

/**
 * Slack sends people and channels as markup (<@U1|bob>, <#C1|leaks>): an option of kind 'user' keeps
 * it for the command to read the id; every other argument gets the plain words the person saw.
 */
function readSlackMarkup(cmd: AnyCommand, parsed: ParsedArgs): ParsedArgs {
  const users = new Set(cmd.args.options.filter((o) => o.kind === 'user').map((o) => o.name));
  const plain = (v: string | boolean | string[] | undefined) => (typeof v === 'string' ? plainFromSlack(v) : Array.isArray(v) ? v.map(plainFromSlack) : v);
  const values = Object.fromEntries(Object.entries(parsed.values).map(([k, v]) => [k, users.has(k) ? v : plain(v)]));
  return { ...parsed, values, positionals: parsed.positionals.map(plainFromSlack) };
}

/** An option given from Slack that works in the terminal only: refused in one line, like a terminal-only command. */
function refuseTerminalOnlyOptions(cmd: AnyCommand, parsed: ParsedArgs): void {
  const option = cmd.args.options.find((o) => o.terminalOnlyBecause && parsed.values[o.name] !== undefined);
  if (option) throw new LeakError('not_allowed', `${cmd.name} --${option.name} works in the terminal only, since ${option.terminalOnlyBecause}: npm run -s leak -- ${cmd.name} --help`);
}

/** The one line a refused surface gets: Slack's names the terminal command to use instead. */
function notHere(cmd: AnyCommand, surface: Surface): LeakError {
  const because = cmd.terminalOnlyBecause ? `, since ${cmd.terminalOnlyBecause}` : '';
  if (surface === 'slack') return new LeakError('not_allowed', `${cmd.name} works in the terminal only${because}: npm run -s leak -- ${cmd.name} --help`);
  return new LeakError('not_allowed', `${cmd.name} works in Slack only: /leak ${cmd.name} --help`);
}
