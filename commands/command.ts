/**
 * A command is one object that says everything about itself: its name and summary, its arguments
 * (help and usage are generated from them, never typed twice), where it may run, how to run it and
 * how to show the answer, and examples. `run` is pure apart from the store; the CLI prints
 * `renderText`, Slack renders `renderBlocks`, or the generic renderer when a command has none.
 * A new command is one file exporting such an object by default, plus one line in registry.ts.
 */
import type { RenderedAnswer } from '../src/blocks/limits.ts';
import type { Config } from '../src/config.ts';
import type { Context } from '../src/context.ts';

/** Where a command may run: the terminal (`npm run -s leak -- …`) and Slack (`/leak …`, buttons, mentions). */
export type Surface = 'terminal' | 'slack';

export type Positional = {
  /** As shown in usage, e.g. "JOURNEY"; optional ones are shown in brackets. */
  name: string;
  description: string;
  required?: boolean;
  /** Takes every remaining word (a title, a note's text). */
  rest?: boolean;
};

export type OptionSpec = {
  name: string;
  type: 'string' | 'boolean';
  /** Shown in help, e.g. "YYYY-MM-DD". */
  value?: string;
  description: string;
  multiple?: boolean;
  /** 'user': a Slack person (<@U…|name>, U…, or a name); kept as given for the command's parse. Every other value has Slack's markup read as plain words. */
  kind?: 'user';
  /**
   * Set for an option that works in the terminal only, saying why in the words Slack's refusal uses
   * ("since it …"): the surface gate refuses it from Slack as it refuses a terminal-only command.
   */
  terminalOnlyBecause?: string;
};

export type ArgsSchema = { positionals: Positional[]; options: OptionSpec[] };

/**
 * A line to type after `leak` (or `/leak`) and what it answers (help lists them). `onStart` ones are
 * printed by `npm start`, described by the command's summary as help describes the command; a
 * function there gives the line as it reads on this store (a member who leaked, say), or undefined
 * to leave it out.
 */
export type Example = { line: string; what: string; onStart?: true | ((ctx: Context) => string | undefined) };

export type ParsedArgs = {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
  /** The generated usage line ("leak today [--date YYYY-MM-DD] [--json]"), for one-line refusals. */
  usage: string;
};

export type Command<A = unknown, R = unknown> = {
  name: string;
  summary: string;
  args: ArgsSchema;
  /** A question: it takes --date and --json, and its answer can be shared in Slack. */
  query: boolean;
  surfaces: readonly Surface[];
  /**
   * It writes the store (loads data, records actions or notes), so from the terminal it creates a
   * store that is not there yet. Every other command reads, and refuses a missing store in one line.
   */
  createsStore?: boolean;
  /**
   * With these options it only sends rows elsewhere (publish; simulate --publish) and never touches
   * the store: the CLI opens none (an in-memory one stands in), so a producer needs no LEAK_DB and
   * leaves no empty store behind.
   */
  sendsElsewhere?(values: ParsedArgs['values']): boolean;
  /** For a terminal-only command: why, in the words Slack's refusal uses ("since it …"). */
  terminalOnlyBecause?: string;
  /**
   * For a command that is not a query: whether these arguments change what others see (an action's
   * state, a note). Slack lets only LEAK_EDITORS run such a line. Absent means every run changes something.
   */
  changes?(args: A): boolean;
  examples?: Example[];
  parse(parsed: ParsedArgs, ctx: Context): A;
  run(args: A, ctx: Context): R | Promise<R>;
  renderText(result: R): string;
  renderBlocks?(result: R, config: Config): RenderedAnswer;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyCommand = Command<any, any>;

export const defineCommand = <A, R>(c: Command<A, R>): Command<A, R> => c;

export const runsIn = (cmd: AnyCommand, surface: Surface) => cmd.surfaces.includes(surface);

/** Whether running the command with these (parsed) arguments changes something: never for a query. */
export const changesSomething = (cmd: AnyCommand, args: unknown) => !cmd.query && (cmd.changes ? cmd.changes(args) : true);

/** Where every command may run unless it acts on the server's files or data. */
export const EVERYWHERE: readonly Surface[] = ['terminal', 'slack'];
export const TERMINAL_ONLY: readonly Surface[] = ['terminal'];
