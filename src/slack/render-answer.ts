/**
 * A command's answer as Block Kit: its own renderer when it has one, otherwise the generic one
 * (headline and text), so every command answers in Slack from the day it is added.
 */
import type { AnyCommand } from '../../commands/command.ts';
import type { Config } from '../config.ts';
import { jsonReplacer } from '../format.ts';
import { renderGeneric } from '../blocks/generic.ts';
import type { RenderedAnswer } from '../blocks/limits.ts';
import { mrkdwn } from '../blocks/mrkdwn.ts';

export function renderAnswer(cmd: AnyCommand, result: unknown, config: Config, json = false): RenderedAnswer {
  if (json) {
    const body = JSON.stringify(result, jsonReplacer, 2);
    return { ...renderGeneric({ ...cmd, renderText: () => body }, {}), text: mrkdwn`${cmd.name} (JSON)` };
  }
  return cmd.renderBlocks ? cmd.renderBlocks(result, config) : renderGeneric(cmd, result);
}
