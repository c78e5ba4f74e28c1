/**
 * The registry: every command, one list. The CLI and the Slack listener both dispatch through
 * runCommand(), and help is generated from the specs, so a new command shows up everywhere.
 */
import { parseArgs } from 'node:util';
import { distance } from 'fastest-levenshtein';
import { LeakError } from '../src/errors.ts';
import type { AnyCommand, ParsedArgs } from './types.ts';
import type { Context } from '../src/context.ts';
import { DATE_OPTION } from './args.ts';
import { importCommand } from './import.ts';
import { quarantineCommand } from './quarantine.ts';
import { actionCommand } from './action.ts';
import { todayCommand } from './today.ts';
import { digestCommand } from './digest.ts';
import { alertsCommand } from './alerts.ts';
import { simulateCommand } from './simulate.ts';
import { exportCommand } from './export.ts';
import { journeyCommand } from './journey.ts';
import { memberCommand } from './member.ts';
import { cubeCommand } from './cube.ts';
import { agentsCommand } from './agents.ts';
import { interactionsCommand } from './interactions.ts';
import { segmentsCommand } from './segments.ts';
import { savingsCommand } from './savings.ts';
import { whyCommand } from './why.ts';
import { noteCommand } from './note.ts';
import { actionsCommand } from './actions.ts';
import { impactCommand } from './impact.ts';

export const COMMANDS: AnyCommand[] = [
  actionCommand,
  todayCommand,
  segmentsCommand,
  savingsCommand,
  whyCommand,
  noteCommand,
  actionsCommand,
  impactCommand,
  importCommand,
  quarantineCommand,
  digestCommand,
  alertsCommand,
  simulateCommand,
  exportCommand,
  journeyCommand,
  memberCommand,
  cubeCommand,
  agentsCommand,
  interactionsCommand,
];

export function findCommand(name: string): AnyCommand | undefined {
  return COMMANDS.find((c) => c.name === name);
}

/** The options a command accepts, with --json and --date added to every query command. */
export function optionsOf(cmd: AnyCommand) {
  const common = cmd.query
    ? [DATE_OPTION, { name: 'json', type: 'boolean' as const, description: 'machine-readable output' }]
    : [];
  const own = cmd.options.filter((o) => !common.some((c) => c.name === o.name));
  return [...own, ...common];
}

export function usageOf(cmd: AnyCommand): string {
  const opts = optionsOf(cmd).map((o) => (o.type === 'boolean' ? `[--${o.name}]` : `[--${o.name} ${o.value ?? 'VALUE'}]`));
  return [cmd.name, cmd.args, ...opts].filter(Boolean).join(' ');
}

export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: leak <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'leak <command> --help' for a command's options.",
  ].join('\n');
}

export function commandHelp(cmd: AnyCommand): string {
  const lines = [`Usage: leak ${usageOf(cmd)}`, '', cmd.summary, ''];
  for (const o of optionsOf(cmd)) lines.push(`  --${o.name}${o.value ? ` ${o.value}` : ''}`.padEnd(28) + o.description);
  return lines.join('\n');
}

export type Invocation = { cmd: AnyCommand; args: unknown; json: boolean; help: boolean };

/** Parses argv for a command. Unknown command or option: LeakError with the usage. */
export function parseInvocation(argv: string[], ctx: Context): Invocation {
  const [name, ...rest] = argv;
  const cmd = name ? findCommand(name) : undefined;
  if (!cmd) {
    const suggestion = name ? closestCommand(name) : undefined;
    throw new LeakError(
      'unknown_command',
      name
        ? `Unknown command "${name}".${suggestion ? ` Did you mean "${suggestion}"?` : ''} Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`
        : `Which command? Commands: ${COMMANDS.map((c) => c.name).join(', ')}.`,
    );
  }
  const options = Object.fromEntries(
    [...optionsOf(cmd), { name: 'help', type: 'boolean' as const, description: '' }].map((o) => [
      o.name,
      { type: o.type, multiple: o.multiple ?? false },
    ]),
  );
  let parsed: ParsedArgs;
  try {
    const { values, positionals } = parseArgs({ args: rest, options, allowPositionals: true, strict: true, allowNegative: false });
    parsed = { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    throw new LeakError('bad_argument', `${(e as Error).message.split('\n')[0].replace(/\. To specify a positional.*$/, '')}. Usage: leak ${usageOf(cmd)}`);
  }
  if (parsed.values.help) return { cmd, args: undefined, json: false, help: true };
  return { cmd, args: cmd.parse(parsed, ctx), json: parsed.values.json === true, help: false };
}

/** The nearest command name by edit distance, when it is near enough to be a typo. */
export function closestCommand(input: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const c of COMMANDS) {
    const d = distance(input.toLowerCase(), c.name);
    if (!best || d < best.d) best = { name: c.name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}
