/** Usage lines and help, generated from each command's own argument schema, for the CLI and Slack alike. */
import type { AnyCommand } from './command.ts';
import { optionsOf, positionalsOf, usageOf } from './usage-line.ts';
import { loadCommands } from './registry.ts';

export { optionsOf, positionalsOf, usageOf } from './usage-line.ts';

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
  const rows = [
    ...cmd.args.positionals.map((p) => [p.name, p.description]),
    ...optionsOf(cmd).map((o) => [`--${o.name}${o.value ? ` ${o.value}` : ''}`, o.description]),
  ];
  // Descriptions in one column, at least two spaces after the longest label (--publish nats://HOST:PORT).
  const column = Math.max(28, ...rows.map(([label]) => label.length + 4));
  for (const [label, description] of rows) lines.push(`  ${label}`.padEnd(column) + description);
  const examples = cmd.examples ?? [];
  if (examples.length) {
    const width = Math.max(...examples.map((e) => e.line.length));
    lines.push('', 'Examples:', ...examples.map((e) => `  leak ${e.line.padEnd(width)}  ${e.what}`));
  }
  return lines.join('\n');
}
