/** Runs a command the way the CLI and Slack do (parse through the registry, then run), for tests. */
import { parseInvocation } from '../../commands/invocation.ts';
import { loadCommand } from '../../commands/registry.ts';
import type { Context } from '../../src/context.ts';
import { describeError } from '../../src/errors.ts';

export async function invoke<R = Record<string, unknown>>(deps: Context, argv: string[]): Promise<R> {
  const inv = await parseInvocation(argv, deps);
  return (await inv.cmd.run(inv.args, deps)) as R;
}

/** The one line a person sees when the command refuses; fails the test if it does not. */
export async function refusal(deps: Context, argv: string[]): Promise<string> {
  try {
    await invoke(deps, argv);
  } catch (e) {
    return describeError(e);
  }
  throw new Error(`expected "${argv.join(' ')}" to fail`);
}

/** The command's text rendering of a result (argv[0] names the command). */
export async function renderText(_deps: Context, argv: string[], result: unknown): Promise<string> {
  const cmd = await loadCommand(argv[0]);
  if (!cmd) throw new Error(`no command ${argv[0]}`);
  return cmd.renderText(result);
}
