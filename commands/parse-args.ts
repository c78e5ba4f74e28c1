/**
 * One command's arguments checked against its schema, then by its own parse: the synchronous half of
 * invocation.ts, needing only the command (no registry), so asking can parse the answers it reaches.
 */
import { parseArgs } from 'node:util';
import { LeakError } from '../src/errors.ts';
import type { Context } from '../src/context.ts';
import type { AnyCommand, ParsedArgs } from './command.ts';
import { optionsOf, usageOf } from './usage-line.ts';

export type Invocation = { cmd: AnyCommand; args: unknown; json: boolean; help: boolean };

/** One command's arguments, checked against its schema and then by its own parse. */
export function parseCommandArgs(cmd: AnyCommand, rest: string[], ctx: Context): Invocation {
  const usage = `leak ${usageOf(cmd)}`;
  const options = Object.fromEntries(
    [...optionsOf(cmd), { name: 'help', type: 'boolean' as const, multiple: false }].map((o) => [o.name, { type: o.type, multiple: o.multiple ?? false }]),
  );
  let parsed: ParsedArgs;
  try {
    const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true, strict: true, allowNegative: false });
    parsed = { values: values as ParsedArgs['values'], positionals, usage };
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
