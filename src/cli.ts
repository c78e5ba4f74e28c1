/**
 * The CLI: `npm run -s leak -- <command> [options]`. The local door to every answer the bot gives.
 * Exit codes: 0 ok; 1 the command failed (not found, bad file); 2 usage error (unknown command or option).
 */
import { describeError, isLeakError } from './errors.ts';
import { openContext } from './services/open-context.ts';
import { readArgs, resolveCommand } from '../commands/invocation.ts';
import { commandHelp, helpText } from '../commands/usage.ts';
import type { Context } from './context.ts';

export async function main(argv: string[]): Promise<number> {
  if (argv.length === 0) {
    // No command is a usage error: help goes to stderr so `--json` pipelines never see it.
    process.stderr.write(`${await helpText()}\n`);
    return 2;
  }
  if (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    process.stdout.write(`${await helpText()}\n`);
    return 0;
  }
  let ctx: Context | undefined;
  try {
    // The words first: a usage error or --help needs no store, and only a command that writes creates one.
    const cmd = await resolveCommand(argv[0]);
    const { parsed, help } = readArgs(cmd, argv.slice(1));
    if (help) {
      process.stdout.write(`${commandHelp(cmd)}\n`);
      return 0;
    }
    ctx = openContext(process.env, { createStore: cmd.createsStore === true });
    const result = await cmd.run(cmd.parse(parsed, ctx), ctx);
    process.stdout.write(parsed.values.json === true ? `${JSON.stringify(result, jsonReplacer, 2)}\n` : `${cmd.renderText(result)}\n`);
    return 0;
  } catch (e) {
    process.stderr.write(`${describeError(e)}\n`);
    if (isLeakError(e) && (e.code === 'unknown_command' || e.code === 'bad_argument')) return 2;
    if (!isLeakError(e) && process.env.LEAK_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  } finally {
    ctx?.store.close();
  }
}

/** Maps (reason counts) serialize as plain objects. */
const jsonReplacer = (_key: string, value: unknown) => (value instanceof Map ? Object.fromEntries(value) : value);

const code = await main(process.argv.slice(2));
process.exitCode = code;
