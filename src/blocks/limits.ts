/**
 * The one place Slack's Block Kit limits are enforced, for every message and view the app sends.
 * A message over a limit is rejected outright by Slack (invalid_blocks, msg_blocks_too_long), so
 * answers are cut here instead, row by row, with a "showing N of M" line saying what was left out.
 */
import type { Block, KnownBlock } from '@slack/types';
import { contextBlock, mrkdwn, truncateMarkup, type Mrkdwn } from './mrkdwn.ts';

export const LIMITS = {
  messageBlocks: 50,
  viewBlocks: 100,
  sectionText: 3000,
  fields: 10,
  fieldText: 2000,
  header: 150,
  contextElements: 10,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  id: 255,
  /** Slack refuses messages whose blocks total about 13,000 characters; measured on the JSON, with margin. */
  blocksChars: 12_000,
  /** Top-level text fallback (notifications, screen readers); Slack truncates far above this. */
  text: 3000,
} as const;

/** A message as sent: its `text` fallback escaped and both parts fitted. Made only by fitAnswer and fitMessage. */
export type SlackMessage = { text: string; blocks: KnownBlock[] };

/**
 * An answer before fitting: `rows` are the units that may be dropped from the end (journeys,
 * segments, code chunks…), each one or more blocks; `head` and `tail` are always kept. `text` is
 * the notification fallback, mrkdwn like the blocks (Slack reads <!here> there too).
 */
export type RenderedAnswer = { text: Mrkdwn; head: KnownBlock[]; rows: KnownBlock[][]; tail: KnownBlock[]; unit: string };

export const truncate = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

/** Fits an answer into one message (or a Home tab view with maxBlocks 100). */
export function fitAnswer(answer: RenderedAnswer, opts: { maxBlocks?: number; maxChars?: number } = {}): SlackMessage {
  const maxBlocks = opts.maxBlocks ?? LIMITS.messageBlocks;
  const maxChars = opts.maxChars ?? LIMITS.blocksChars;
  const head = answer.head.map(clampBlock);
  const tail = answer.tail.map(clampBlock);
  const rows = answer.rows.map((r) => r.map(clampBlock));
  const total = rows.length;
  const notice = (kept: number): KnownBlock => contextBlock(mrkdwn`Showing ${kept} of ${total} ${answer.unit}; the CLI prints them all.`);
  const assemble = (kept: number) => [...head, ...rows.slice(0, kept).flat(), ...(kept < total ? [notice(kept)] : []), ...tail];
  // Drop rows from the end until both the block count and the size fit.
  let kept = total;
  let blocks = assemble(kept);
  while (kept > 0 && (blocks.length > maxBlocks || size(blocks) > maxChars)) blocks = assemble(--kept);
  // Even head + tail too big (should not happen with sane renderers): hard cut, still valid.
  if (blocks.length > maxBlocks || size(blocks) > maxChars) {
    while (blocks.length > 1 && (blocks.length > maxBlocks || size(blocks) > maxChars)) blocks = blocks.slice(0, -1);
  }
  return { text: fitText(answer.text), blocks: uniqueIds(blocks) };
}

/** Any other message (a private reply, a thread reply, an alert): the same fitting, blocks cut from the end if need be. */
export function fitMessage(text: Mrkdwn, blocks: KnownBlock[] = []): SlackMessage {
  return fitAnswer({ text, head: blocks, rows: [], tail: [], unit: 'parts' });
}

/** A modal or the Home tab: the same per-block limits, and at most 100 blocks. */
export function fitView<V extends { blocks: (KnownBlock | Block)[] }>(view: V): V {
  return { ...view, blocks: fitAnswer({ text: mrkdwn`view`, head: view.blocks as KnownBlock[], rows: [], tail: [], unit: 'parts' }, { maxBlocks: LIMITS.viewBlocks }).blocks };
}

const fitText = (text: Mrkdwn) => truncateMarkup(text.text.trim() === '' ? 'Leak' : text.text, LIMITS.text);

const size = (blocks: KnownBlock[]) => JSON.stringify(blocks).length;

type Text = { type: string; text: string };
/** mrkdwn is cut without breaking an entity or a mention; plain_text is cut anywhere. */
const clampText = <T extends Text | undefined>(t: T, max: number): T =>
  t ? { ...t, text: t.type === 'mrkdwn' ? truncateMarkup(t.text, max) : truncate(t.text, max) } : t;

/** Per-block limits: text lengths, number of fields/elements, button text, value and id lengths. */
function clampBlock(block: KnownBlock): KnownBlock {
  const b = { ...block } as Record<string, any>;
  if (typeof b.block_id === 'string') b.block_id = truncate(b.block_id, LIMITS.id);
  switch (block.type) {
    case 'header':
      b.text = clampText(b.text, LIMITS.header);
      break;
    case 'section':
      b.text = clampText(b.text, LIMITS.sectionText);
      if (Array.isArray(b.fields)) b.fields = b.fields.slice(0, LIMITS.fields).map((f: Text) => clampText(f, LIMITS.fieldText));
      if (b.accessory) b.accessory = clampElement(b.accessory);
      break;
    case 'context':
      b.elements = b.elements.slice(0, LIMITS.contextElements).map((e: Text) => (typeof e.text === 'string' ? clampText(e, LIMITS.fieldText) : e));
      break;
    case 'actions':
      b.elements = b.elements.slice(0, LIMITS.actionsElements).map(clampElement);
      break;
  }
  return b as KnownBlock;
}

function clampElement(e: Record<string, any>): Record<string, any> {
  const out = { ...e };
  if (out.type === 'button') {
    out.text = clampText(out.text, LIMITS.buttonText);
    if (typeof out.value === 'string') out.value = truncate(out.value, LIMITS.buttonValue);
  }
  if (typeof out.action_id === 'string') out.action_id = truncate(out.action_id, LIMITS.id);
  return out;
}

/** action_id and block_id must be unique within a message: later duplicates get a suffix. */
function uniqueIds(blocks: KnownBlock[]): KnownBlock[] {
  const seenBlocks = new Set<string>();
  const seenActions = new Set<string>();
  const unique = (id: string, seen: Set<string>) => {
    let candidate = id;
    for (let n = 2; seen.has(candidate); n++) candidate = `${id.slice(0, LIMITS.id - 6)}~${n}`;
    seen.add(candidate);
    return candidate;
  };
  return blocks.map((block) => {
    const b = { ...block } as Record<string, any>;
    if (typeof b.block_id === 'string') b.block_id = unique(b.block_id, seenBlocks);
    const withIds = (e: Record<string, any>) => (typeof e.action_id === 'string' ? { ...e, action_id: unique(e.action_id, seenActions) } : e);
    if (b.type === 'actions') b.elements = b.elements.map(withIds);
    if (b.type === 'section' && b.accessory) b.accessory = withIds(b.accessory);
    return b as KnownBlock;
  });
}

/** Every limit this module enforces, as a list of problems (empty when the message is valid). Used by tests. */
export function limitProblems(blocks: KnownBlock[], maxBlocks: number = LIMITS.messageBlocks): string[] {
  const problems: string[] = [];
  if (blocks.length > maxBlocks) problems.push(`${blocks.length} blocks > ${maxBlocks}`);
  if (size(blocks) > LIMITS.blocksChars) problems.push(`blocks total ${size(blocks)} chars > ${LIMITS.blocksChars}`);
  const actionIds = new Set<string>();
  const blockIds = new Set<string>();
  const check = (ok: boolean, what: string) => ok || problems.push(what);
  for (const [i, block] of blocks.entries()) {
    const b = block as Record<string, any>;
    if (b.block_id) check(!blockIds.has(b.block_id) && blockIds.add(b.block_id) && b.block_id.length <= LIMITS.id, `block ${i}: block_id`);
    const elements: Record<string, any>[] = b.type === 'actions' ? b.elements : b.accessory ? [b.accessory] : [];
    for (const e of elements) {
      if (e.action_id) check(!actionIds.has(e.action_id) && actionIds.add(e.action_id) && e.action_id.length <= LIMITS.id, `block ${i}: action_id ${e.action_id}`);
      if (e.type === 'button') {
        check(e.text.text.length <= LIMITS.buttonText, `block ${i}: button text`);
        check((e.value ?? '').length <= LIMITS.buttonValue, `block ${i}: button value`);
      }
    }
    if (b.type === 'header') check(b.text.text.length <= LIMITS.header, `block ${i}: header ${b.text.text.length}`);
    if (b.type === 'section') {
      check(!b.text || b.text.text.length <= LIMITS.sectionText, `block ${i}: section text ${b.text?.text.length}`);
      check(!b.fields || b.fields.length <= LIMITS.fields, `block ${i}: ${b.fields?.length} fields`);
      for (const f of b.fields ?? []) check(f.text.length <= LIMITS.fieldText, `block ${i}: field text`);
      check(Boolean(b.text || b.fields), `block ${i}: section without text or fields`);
    }
    if (b.type === 'context') check(b.elements.length >= 1 && b.elements.length <= LIMITS.contextElements, `block ${i}: context elements`);
    if (b.type === 'actions') check(b.elements.length >= 1 && b.elements.length <= LIMITS.actionsElements, `block ${i}: actions elements`);
  }
  return problems;
}
