/**
 * The CLI: `npm run -s leak -- <command> [options]`. The local door to every answer the bot gives.
 * Exit codes: 0 ok; 1 the command failed (not found, bad file); 2 usage error (unknown command or option).
 */
import { describeError, isLeakError } from './errors.ts';
import { openContext } from './services/open-context.ts';
import { parseInvocation } from '../commands/invocation.ts';
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
    ctx = openContext();
    const inv = await parseInvocation(argv, ctx);
    if (inv.help) {
      process.stdout.write(`${commandHelp(inv.cmd)}\n`);
      return 0;
    }
    const result = await inv.cmd.run(inv.args, ctx);
    process.stdout.write(inv.json ? `${JSON.stringify(result, jsonReplacer, 2)}\n` : `${inv.cmd.renderText(result)}\n`);
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
