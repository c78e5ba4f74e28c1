/**
 * The equivalent command line of an answer, exactly as the CLI takes it (positionals and options of
 * commands/*.ts), so "Understood as `leak savings billing 10 --date 2026-11-20`" can be run as is.
 */
import { LeakError } from '../errors.ts';
import { MEMBER_ID_FORMS, normalizeMemberId } from '../member-id.ts';
import type { AnswerResolution, Intent, Slots } from './types.ts';

/** Stands in argv for the member the wiring must pick from the store (see `needs`). */
export const MEMBER_PLACEHOLDER = 'MEMBER_ID';

const num = (n: number) => String(n);
const opt = (name: string, value: string | undefined) => (value === undefined ? [] : [`--${name}`, value]);
const range = (s: Slots) => (s.from !== undefined && s.to !== undefined ? ['--from', s.from, '--to', s.to] : opt('date', s.date));

export function commandArgv(intent: Intent, s: Slots): string[] {
  const journey = s.journey === undefined ? [] : [s.journey];
  switch (intent) {
    case 'today':
      return ['today', ...opt('date', s.date)];
    case 'segments':
    case 'why':
    case 'actions':
      return [intent, ...journey, ...opt('date', s.date)];
    case 'journey':
      return ['journey', s.member_id ?? MEMBER_PLACEHOLDER, ...opt('date', s.date)];
    case 'member':
      return ['member', s.member_id ?? MEMBER_PLACEHOLDER, ...opt('date', s.date)];
    case 'savings':
      return ['savings', ...journey, ...(s.fix_pct === undefined ? [] : [num(s.fix_pct)]), ...opt('cost', s.cost_per_call === undefined ? undefined : num(s.cost_per_call)), ...opt('date', s.date)];
    case 'impact':
      if (s.action_id) return ['impact', s.action_id, ...opt('date', s.date)];
      return ['impact', ...journey, ...(s.since ? [s.since] : []), ...opt('date', s.date), ...opt('segment', s.segment)];
    case 'alerts':
      return ['alerts', ...(s.view ? [`--${s.view}`] : [])];
    case 'agents':
    case 'interactions':
      return [intent, ...range(s)];
    case 'cube': {
      // The same dimension twice means either ("seniors": both older age groups).
      const where = (['journey', 'segment', 'language', 'device', 'channel', 'age_group'] as const).flatMap((k) =>
        [s[k] ?? []].flat().flatMap((v) => ['--where', `${k}=${v}`]),
      );
      return ['cube', ...opt('measure', s.measure), ...opt('by', s.by?.join(',')), ...where, ...range(s)];
    }
  }
}

/** argv as one line a person can paste into a shell: arguments with spaces or quotes are single-quoted. */
export function commandLine(argv: readonly string[]): string {
  return argv.map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
}

/** A journey answer whose member the wiring picked from the store (a member who leaked on the journey and date). */
export function fillNeeds(r: AnswerResolution, memberId: string): AnswerResolution {
  if (!r.needs) return r;
  const id = normalizeMemberId(memberId);
  if (!id) throw new LeakError('bad_argument', `"${memberId}" is not a member id (forms: ${MEMBER_ID_FORMS}).`);
  const slots: Slots = { member_id: id, date: r.slots.date };
  return { kind: 'answer', intent: r.intent, slots, argv: commandArgv(r.intent, slots), confidence: r.confidence, source: r.source, ...(r.notes ? { notes: r.notes } : {}) };
}

/**
 * The same answer with some slots changed (Slack's journey menu and date buttons): the command line
 * is made again from the slots, so what runs is what the "Understood as" line says. A journey of
 * undefined means all journeys.
 */
export function withSlots(r: AnswerResolution, change: Pick<Slots, 'journey' | 'date'>): AnswerResolution {
  const slots: Slots = { ...r.slots, ...change };
  if (slots.journey === undefined) delete slots.journey;
  // A journey chosen in place replaces the tracked action the answer was about.
  if ('journey' in change && change.journey !== r.slots.journey) delete slots.action_id;
  const { notes, ...rest } = r;
  // A note names the journey it was written for ("answered for billing as a whole"): kept only while that holds.
  const keepNotes = notes && slots.journey === r.slots.journey;
  return { ...rest, slots, argv: commandArgv(r.intent, slots), source: 'choice', ...(keepNotes ? { notes } : {}) };
}
