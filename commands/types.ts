/**
 * A command is one file: { name, summary, usage, options, parse, run, renderText }.
 * `run` is pure (arguments + store in, data out); the CLI prints it, Slack renders its blocks.
 */
import type { Context } from '../src/context.ts';

export type OptionSpec = {
  name: string;
  type: 'string' | 'boolean';
  /** Shown in help, e.g. "YYYY-MM-DD". */
  value?: string;
  description: string;
  multiple?: boolean;
};

export type Command<A = unknown, R = unknown> = {
  name: string;
  summary: string;
  /** Positional arguments as shown in help, e.g. "[JOURNEY]". */
  args?: string;
  options: OptionSpec[];
  /** True for commands that answer a question (they take --json and --date). */
  query: boolean;
  parse(parsed: ParsedArgs, ctx: Context): A;
  run(args: A, ctx: Context): R | Promise<R>;
  renderText(result: R): string;
};

export type ParsedArgs = { positionals: string[]; values: Record<string, string | boolean | string[] | undefined> };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any, any>;

export const defineCommand = <A, R>(c: Command<A, R>): Command<A, R> => c;
