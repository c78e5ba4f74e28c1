/** Help generated from the registry, so a new command appears in Slack help without touching this file. */
import type { KnownBlock } from '@slack/types';
import { runsIn, type AnyCommand } from '../../commands/command.ts';
import { loadCommands } from '../../commands/registry.ts';
import { commandHelp, positionalsOf } from '../../commands/usage.ts';
import { code, contextBlock, headerBlock, mrkdwn, sectionBlock, type Mrkdwn } from '../blocks/mrkdwn.ts';
import { runButton, buttonsBlock } from '../blocks/elements.ts';
import type { RenderedAnswer } from '../blocks/limits.ts';

export async function renderHelp(opts: { unknown?: string; suggestion?: string; suggestedLine?: string } = {}): Promise<RenderedAnswer> {
  const commands = (await loadCommands()).filter((c) => runsIn(c, 'slack'));
  const head: KnownBlock[] = [];
  let text: Mrkdwn = mrkdwn`Leak commands`;
  if (opts.unknown !== undefined) {
    text = opts.suggestion
      ? mrkdwn`I don't know "${opts.unknown}". Did you mean /leak ${opts.suggestion}?`
      : mrkdwn`I don't know "${opts.unknown}". Here is what I can answer.`;
    head.push(sectionBlock(text));
    if (opts.suggestion) head.push(...buttonsBlock([runButton(`Run /leak ${opts.suggestedLine ?? opts.suggestion}`, opts.suggestedLine ?? opts.suggestion, 'primary')], 'suggestion'));
  }
  head.push(headerBlock('Leak commands'));
  const rows = commands.map((c): KnownBlock[] => {
    const args = positionalsOf(c);
    return [sectionBlock(mrkdwn`*${code(`/leak ${c.name}${args ? ` ${args}` : ''}`)}*\n${c.summary}`)];
  });
  const tail: KnownBlock[] = [
    contextBlock(mrkdwn`Options: ${code('/leak <command> --help')}. Every answer is also in the CLI: ${code('npm run -s leak -- <command>')}.`),
  ];
  return { text, head, rows, tail, unit: 'commands' };
}

export function renderCommandHelp(cmd: AnyCommand): RenderedAnswer {
  const text = commandHelp(cmd).replace(/^Usage: leak /, 'Usage: /leak ').replace(/^ {2}leak /gm, '  /leak ');
  return {
    text: mrkdwn`/leak ${cmd.name}: ${cmd.summary}`,
    head: [sectionBlock(mrkdwn`\`\`\`${text}\`\`\``)],
    rows: [],
    tail: [],
    unit: 'parts',
  };
}
