/**
 * One command's arguments checked against its schema, then by its own parse: the synchronous half of
 * invocation.ts, needing only the command (no registry), so asking can parse the answers it reaches.
 */
import { parseArgs } from 'node:util';
import { LeakError } from '../src/errors.ts';
import { plainFromSlack } from '../src/mentions.ts';
import type { Context } from '../src/context.ts';
import { runsIn, type AnyCommand, type ParsedArgs, type Surface } from './command.ts';
import { optionsOf, usageOf } from './usage-line.ts';

export type Invocation = { cmd: AnyCommand; args: unknown; json: boolean; help: boolean };

/**
 * One command's arguments, checked against its schema and then by its own parse. The surface gate
 * is here, before anything else, because every way of running a command (CLI, /leak, mentions,
 * buttons, Share) comes through: a command runs only where its own `surfaces` say it may.
 */
export function parseCommandArgs(cmd: AnyCommand, rest: string[], ctx: Context, surface: Surface = ctx.slack ? 'slack' : 'terminal'): Invocation {
  if (!runsIn(cmd, surface)) throw notHere(cmd, surface);
  const usage = `leak ${usageOf(cmd)}`;
  const options = Object.fromEntries(
    [...optionsOf(cmd), { name: 'help', type: 'boolean' as const, multiple: false }].map((o) => [o.name, { type: o.type, multiple: o.multiple ?? false }]),
  );
  let parsed: ParsedArgs;
  try {
    const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true, strict: true, allowNegative: false });
    parsed = readSlackMarkup(cmd, { values: values as ParsedArgs['values'], positionals, usage });
  } catch (e) {
    throw new LeakError('bad_argument', `${(e as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/, '')}. Usage: ${usage}`);
  }
  if (parsed.values.help) return { cmd, args: undefined, json: false, help: true };
  const takes = cmd.args.positionals;
  if (!takes.at(-1)?.rest && parsed.positionals.length > takes.length) {
    throw new LeakError('bad_argument', `Unexpected argument "${parsed.positionals[takes.length]}". Usage: ${usage}`);
  }
  return { cmd, args: cmd.parse(parsed, ctx), json: parsed.values.json === true, help: false };
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

/** The one line a refused surface gets: Slack's names the terminal command to use instead. */
function notHere(cmd: AnyCommand, surface: Surface): LeakError {
  const because = cmd.terminalOnlyBecause ? `, since ${cmd.terminalOnlyBecause}` : '';
  if (surface === 'slack') return new LeakError('not_allowed', `${cmd.name} works in the terminal only${because}: npm run -s leak -- ${cmd.name} --help`);
  return new LeakError('not_allowed', `${cmd.name} works in Slack only: /leak ${cmd.name} --help`);
}
