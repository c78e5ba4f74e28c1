/**
 * The buttons and menus under an asked answer, and how their ids carry the stored question's id
 * (ask_questions.id): the listeners read it back, so a click changes or answers exactly what was shown.
 */
export const ASK_ACTION = {
  /** A clarifying option: `leak_ask_choice:<n>`, value `<question id>:<path>` (path "1" or "0.2" for a nested question). */
  choice: 'leak_ask_choice',
  journey: 'leak_ask_journey',
  date: 'leak_ask_date',
  /** The previous or next day: `leak_ask_day:prev|next`, value the new date. */
  day: 'leak_ask_day',
  up: 'leak_ask_up',
  down: 'leak_ask_down',
} as const;

export const ASK_CHOICE_PATTERN = new RegExp(`^${ASK_ACTION.choice}:`);
export const ASK_DAY_PATTERN = new RegExp(`^${ASK_ACTION.day}:`);

/** The block of the journey menu and date controls: `leak_ask:<question id>`. */
const CONTROLS = 'leak_ask:';
export const controlsBlockId = (id: number) => `${CONTROLS}${id}`;
export function questionIdOfBlock(blockId: string | undefined): number | undefined {
  const m = blockId?.match(/^leak_ask:(\d+)$/);
  return m ? Number(m[1]) : undefined;
}

/** "12:0.2" → { id: 12, path: [0, 2] }, or undefined for anything else. */
export function parseChoice(value: string): { id: number; path: number[] } | undefined {
  const m = value.match(/^(\d+):(\d+(?:\.\d+)*)$/);
  return m ? { id: Number(m[1]), path: m[2].split('.').map(Number) } : undefined;
}
export const choiceValue = (id: number, path: number[]) => `${id}:${path.join('.')}`;

/** "All journeys" in the journey menu (the command without a journey). */
export const ALL_JOURNEYS = '*';
