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
  for (const p of cmd.args.positionals) lines.push(`  ${p.name}`.padEnd(28) + p.description);
  for (const o of optionsOf(cmd)) lines.push(`  --${o.name}${o.value ? ` ${o.value}` : ''}`.padEnd(28) + o.description);
  const examples = cmd.examples ?? [];
  if (examples.length) {
    const width = Math.max(...examples.map((e) => e.line.length));
    lines.push('', 'Examples:', ...examples.map((e) => `  leak ${e.line.padEnd(width)}  ${e.what}`));
  }
  return lines.join('\n');
}
