/** Help generated from the registry, so a new command appears in Slack help without touching this file. */
import type { KnownBlock } from '@slack/types';
import { runsIn, type AnyCommand } from '../../commands/command.ts';
import { loadCommands } from '../../commands/registry.ts';
import { commandHelp, positionalsOf } from '../../commands/usage.ts';
import { escapeMrkdwn } from '../blocks/mrkdwn.ts';
import { runButton, buttonsBlock } from '../blocks/elements.ts';
import type { RenderedAnswer } from '../blocks/limits.ts';

export async function renderHelp(opts: { unknown?: string; suggestion?: string; suggestedLine?: string } = {}): Promise<RenderedAnswer> {
  const commands = (await loadCommands()).filter((c) => runsIn(c, 'slack'));
  const head: KnownBlock[] = [];
  let text = 'Leak commands';
  if (opts.unknown !== undefined) {
    text = opts.suggestion
      ? `I don't know "${opts.unknown}". Did you mean /leak ${opts.suggestion}?`
      : `I don't know "${opts.unknown}". Here is what I can answer.`;
    head.push({ type: 'section', text: { type: 'mrkdwn', text: escapeMrkdwn(text) } });
    if (opts.suggestion) head.push(...buttonsBlock([runButton(`Run /leak ${opts.suggestedLine ?? opts.suggestion}`, opts.suggestedLine ?? opts.suggestion, 'primary')], 'suggestion'));
  }
  head.push({ type: 'header', text: { type: 'plain_text', text: 'Leak commands', emoji: true } });
  const rows = commands.map((c): KnownBlock[] => {
    const args = positionalsOf(c);
    return [{ type: 'section', text: { type: 'mrkdwn', text: `*\`/leak ${c.name}${args ? ` ${escapeMrkdwn(args)}` : ''}\`*\n${escapeMrkdwn(c.summary)}` } }];
  });
  const tail: KnownBlock[] = [
    { type: 'context', elements: [{ type: 'mrkdwn', text: 'Options: `/leak <command> --help`. Every answer is also in the CLI: `npm run -s leak -- <command>`.' }] },
  ];
  return { text, head, rows, tail, unit: 'commands' };
}

export function renderCommandHelp(cmd: AnyCommand): RenderedAnswer {
  const text = commandHelp(cmd).replace(/^Usage: leak /, 'Usage: /leak ').replace(/^ {2}leak /gm, '  /leak ');
  return {
    text: `/leak ${cmd.name}: ${cmd.summary}`,
    head: [{ type: 'section', text: { type: 'mrkdwn', text: `\`\`\`${escapeMrkdwn(text)}\`\`\`` } }],
    rows: [],
    tail: [],
    unit: 'parts',
  };
}
