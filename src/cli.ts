/**
 * The CLI: `npm run -s leak -- <command> [options]`. The local door to every answer the bot gives.
 * Exit codes: 0 ok; 1 the command failed (not found, bad file); 2 usage error (unknown command or option).
 */
import { fileURLToPath } from 'node:url';
import { describeError, isLeakError } from './errors.ts';
import { jsonReplacer } from './format.ts';
import { openContext } from './services/open-context.ts';
import { parseCommandArgs, resolveCommand } from '../commands/invocation.ts';
import { readArgs } from '../commands/parse-args.ts';
import { commandHelp, helpText } from '../commands/usage.ts';
import type { Context } from './context.ts';

/** Where the CLI writes and what it reads settings from: the process's own, or a test's. */
export type Io = { stdout: { write(s: string): unknown }; stderr: { write(s: string): unknown }; env: NodeJS.ProcessEnv };
const processIo: Io = { stdout: process.stdout, stderr: process.stderr, env: process.env };

/** Runs one command line; returns the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  if (argv.length === 0) {
    // No command is a usage error: help goes to stderr so `--json` pipelines never see it.
    io.stderr.write(`${await helpText()}\n`);
    return 2;
  }
  if (argv[0] === 'help' || argv[0] === '--help' || argv[0] === '-h') {
    io.stdout.write(`${await helpText()}\n`);
    return 0;
  }
  let ctx: Context | undefined;
  try {
    // The words first: a usage error or --help needs no store, and only a command that writes creates one.
    const cmd = await resolveCommand(argv[0]);
    const words = readArgs(cmd, argv.slice(1));
    if (words.help) {
      io.stdout.write(`${commandHelp(cmd)}\n`);
      return 0;
    }
    const elsewhere = cmd.sendsElsewhere?.(words.parsed.values) === true;
    ctx = openContext(elsewhere ? { ...io.env, LEAK_DB: ':memory:' } : io.env, { createStore: elsewhere || cmd.createsStore === true });
    const inv = parseCommandArgs(cmd, argv.slice(1), ctx, 'terminal');
    const result = await inv.cmd.run(inv.args, ctx);
    io.stdout.write(inv.json ? `${JSON.stringify(result, jsonReplacer, 2)}\n` : `${inv.cmd.renderText(result)}\n`);
    return 0;
  } catch (e) {
    io.stderr.write(`${describeError(e)}\n`);
    if (isLeakError(e) && (e.code === 'unknown_command' || e.code === 'bad_argument')) return 2;
    if (!isLeakError(e) && io.env.LEAK_DEBUG) io.stderr.write(`${(e as Error).stack}\n`);
    return 1;
  } finally {
    ctx?.store.close();
  }
}

// Run when this is the process's entry; a test imports main() and runs it in-process.
if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main(process.argv.slice(2));
