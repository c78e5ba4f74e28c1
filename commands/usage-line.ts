/**
 * A command's options and usage line, from its own argument schema alone (no registry), so parsing a
 * command line needs nothing but the command: usage.ts re-exports these beside the registry-wide help.
 */
import type { AnyCommand, OptionSpec } from './command.ts';

const DATE_OPTION: OptionSpec = { name: 'date', type: 'string', value: 'YYYY-MM-DD', description: 'day to answer for (default: today in LEAK_TZ)' };
/** Added to every question; a command that is not one but prints JSON too lists it among its own options. */
export const JSON_OPTION: OptionSpec = { name: 'json', type: 'boolean', description: 'machine-readable output' };

/** The options a command accepts, with --date and --json added to every question. */
export function optionsOf(cmd: AnyCommand): OptionSpec[] {
  const common = cmd.query ? [DATE_OPTION, JSON_OPTION] : [];
  const own = cmd.args.options.filter((o) => !common.some((c) => c.name === o.name));
  return [...own, ...common];
}

/** "SUBCOMMAND [ID|JOURNEY "title"]": the positionals as usage shows them. */
export const positionalsOf = (cmd: AnyCommand) => cmd.args.positionals.map((p) => (p.required ? p.name : `[${p.name}]`)).join(' ');

/** "today [--date YYYY-MM-DD] [--json]": what follows `leak`. */
export function usageOf(cmd: AnyCommand): string {
  const opts = optionsOf(cmd).map((o) => (o.type === 'boolean' ? `[--${o.name}]` : `[--${o.name} ${o.value ?? 'VALUE'}]`));
  return [cmd.name, positionalsOf(cmd), ...opts].filter(Boolean).join(' ');
}
