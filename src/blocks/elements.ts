/**
 * Buttons shared by every answer. A "run" button carries a command line in its value; clicking it
 * runs that command through the same registry as /leak and answers privately.
 */
import type { Button, KnownBlock } from '@slack/types';
import { truncate, LIMITS } from './limits.ts';

export const ACTION = {
  /** Prefix of every run button (`leak_run:segments:billing`); the listener matches the prefix. */
  run: 'leak_run',
  share: 'leak_share',
} as const;

export const RUN_ACTION_PATTERN = new RegExp(`^${ACTION.run}(:|$)`);

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').slice(0, 200);

/** A button running `commandLine` (the listener runs it like /leak, as whoever clicks). */
export function runButton(label: string, commandLine: string, style?: 'primary' | 'danger'): Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: truncate(label, LIMITS.buttonText), emoji: true },
    action_id: `${ACTION.run}:${slug(commandLine)}`,
    value: truncate(commandLine, LIMITS.buttonValue),
    ...(style ? { style } : {}),
  };
}

/** An actions block of the buttons that exist, or nothing. */
export function buttonsBlock(buttons: (Button | undefined)[], blockId?: string): KnownBlock[] {
  const present = buttons.filter((b): b is Button => b !== undefined);
  if (present.length === 0) return [];
  return [{ type: 'actions', ...(blockId ? { block_id: blockId } : {}), elements: present.slice(0, LIMITS.actionsElements) }];
}

/** Member ids (M-104382) found in text, in order, without repeats. */
export function memberIdsIn(text: string, max = 5): string[] {
  return [...new Set(text.match(/\bM-\d{3,}\b/g) ?? [])].slice(0, max);
}

/** Buttons opening each member's journey playback. */
export function memberButtons(ids: string[]): KnownBlock[] {
  return buttonsBlock(ids.map((id) => runButton(`Journey ${id}`, `journey ${id}`)), 'member_journeys');
}

/** "Share in channel": re-runs the same command line and posts the answer publicly. */
export function shareBlock(commandLine: string): KnownBlock {
  return {
    type: 'actions',
    block_id: 'leak_share',
    elements: [
      {
        type: 'button',
        text: { type: 'plain_text', text: 'Share in channel', emoji: true },
        action_id: ACTION.share,
        value: truncate(commandLine, LIMITS.buttonValue),
      },
    ],
  };
}
