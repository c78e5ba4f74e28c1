/**
 * The journey menu and date controls under an asked answer: change the journey or the day in place
 * without retyping. Shown only where the answer has that slot (a one-day answer for the date; an
 * answer about a journey, or one that may be for all journeys, for the menu).
 */
import type { ActionsBlockElement, KnownBlock, PlainTextOption } from '@slack/types';
import { vocabularyOf, type AskedAnswer } from '../../../commands/asking.ts';
import type { Intent } from '../../ask/types.ts';
import type { Context } from '../../context.ts';
import { truncate } from '../../blocks/limits.ts';
import { addDays, zoneClock } from '../../time.ts';
import { ALL_JOURNEYS, ASK_ACTION, controlsBlockId } from './action-ids.ts';

/** Intents whose command takes a journey; all but impact also answer for all journeys together. */
const JOURNEY_INTENTS: Intent[] = ['segments', 'savings', 'why', 'actions', 'impact'];
const MENU_OPTIONS = 100;

const option = (label: string, value: string): PlainTextOption => ({ text: { type: 'plain_text', text: truncate(label, 75), emoji: true }, value });

function journeyMenu(asked: AskedAnswer, ctx: Context): ActionsBlockElement | undefined {
  const { intent, slots } = asked.resolution;
  const applies = JOURNEY_INTENTS.includes(intent) || (intent === 'cube' && slots.journey !== undefined);
  if (!applies) return undefined;
  const journeys = vocabularyOf(ctx.store).journeys;
  const current = slots.journey ?? ALL_JOURNEYS;
  const names = [...journeys, ...(slots.journey && !journeys.includes(slots.journey) ? [slots.journey] : [])];
  const options = [...(intent === 'impact' ? [] : [option('all journeys', ALL_JOURNEYS)]), ...names.map((j) => option(j, j))].slice(0, MENU_OPTIONS);
  const initial = options.find((o) => o.value === current);
  return {
    type: 'static_select',
    action_id: ASK_ACTION.journey,
    placeholder: { type: 'plain_text', text: 'Journey' },
    options,
    ...(initial ? { initial_option: initial } : {}),
  };
}

function dateControls(asked: AskedAnswer, ctx: Context): ActionsBlockElement[] {
  const { slots } = asked.resolution;
  if (!slots.date || slots.from !== undefined) return [];
  const today = zoneClock(ctx.config.timeZone).today(ctx.now());
  const day = (which: 'prev' | 'next', date: string, label: string): ActionsBlockElement => ({
    type: 'button',
    text: { type: 'plain_text', text: label, emoji: true },
    action_id: `${ASK_ACTION.day}:${which}`,
    value: date,
  });
  const prev = addDays(slots.date, -1);
  const next = addDays(slots.date, 1);
  return [
    { type: 'datepicker', action_id: ASK_ACTION.date, initial_date: slots.date, placeholder: { type: 'plain_text', text: 'Day' } },
    day('prev', prev, `◀ ${prev}`),
    ...(next <= today ? [day('next', next, `${next} ▶`)] : []),
  ];
}

export function answerControls(asked: AskedAnswer, ctx: Context): KnownBlock[] {
  const menu = journeyMenu(asked, ctx);
  const elements = [...(menu ? [menu] : []), ...dateControls(asked, ctx)];
  return elements.length ? [{ type: 'actions', block_id: controlsBlockId(asked.id), elements }] : [];
}
