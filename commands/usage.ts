/** Usage lines and help, generated from each command's own argument schema, for the CLI and Slack alike. */
import type { AnyCommand, OptionSpec } from './command.ts';
import { loadCommands } from './registry.ts';

const DATE_OPTION: OptionSpec = { name: 'date', type: 'string', value: 'YYYY-MM-DD', description: 'day to answer for (default: today in LEAK_TZ)' };
const JSON_OPTION: OptionSpec = { name: 'json', type: 'boolean', description: 'machine-readable output' };

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

export async function helpText(): Promise<string> {
  const commands = await loadCommands();
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: leak <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run 'leak <command> --help' for a command's options.",
  ].join('\n');
}

export function commandHelp(cmd: AnyCommand): string {
  const lines = [`Usage: leak ${usageOf(cmd)}`, '', cmd.summary, ''];
  for (const p of cmd.args.positionals) lines.push(`  ${p.name}`.padEnd(28) + p.description);
  for (const o of optionsOf(cmd)) lines.push(`  --${o.name}${o.value ? ` ${o.value}` : ''}`.padEnd(28) + o.description);
  const examples = cmd.examples ?? [];
  if (examples.length) {
    const width = Math.max(...examples.map((e) => e.line.length));
    lines.push('', 'Examples:', ...examples.map((e) => `  leak ${e.line.padEnd(width)}  ${e.what}`));
  }
  return lines.join('\n');
}
