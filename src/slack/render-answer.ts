/**
 * Commands with their own Block Kit (commands/<name>.blocks.ts). A command not listed here is
 * rendered by the generic fallback, so every command answers in Slack from the day it is added.
 */
import type { KnownBlock } from '@slack/types';
import type { AnyCommand } from '../../commands/types.ts';
import type { Config } from '../config.ts';
import { renderTodayBlocks } from '../../commands/today.ts';
import { renderActionsBlocks } from '../../commands/actions.blocks.ts';
import { renderGeneric } from '../blocks/generic.ts';
import type { RenderedAnswer } from '../blocks/limits.ts';

export type BlockRenderer = (result: any, config: Config) => RenderedAnswer;

export const BLOCK_RENDERERS: Record<string, BlockRenderer> = {
  today: renderTodayBlocks,
  actions: renderActionsBlocks,
};

export function renderAnswer(cmd: AnyCommand, result: unknown, config: Config, json = false): RenderedAnswer {
  if (json) {
    const body = JSON.stringify(result, (_k, v) => (v instanceof Map ? Object.fromEntries(v) : v), 2);
    return { ...renderGeneric({ ...cmd, renderText: () => body }, {}), text: `${cmd.name} (JSON)` };
  }
  const own = BLOCK_RENDERERS[cmd.name];
  return own ? own(result, config) : renderGeneric(cmd, result);
}

export type { KnownBlock };
