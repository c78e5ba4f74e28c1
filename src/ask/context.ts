/**
 * What an answer was about, read from the command's JSON, so the thread's next question can say
 * "this": after `today`, its top journey; after `segments`, its journey and top segment; after
 * `actions`, the journey and the ship date of its shipped action (the "since" of "did it work?").
 * Pure: the answer JSON in, a Focus out; shapes are checked with zod and anything unexpected is ignored.
 */
import * as z from 'zod';
import type { AnswerResolution, Focus, ThreadContext } from './types.ts';

const todayAnswer = z.object({ journeys: z.array(z.object({ journey: z.string() })) });
const journeyAnswer = z.object({ journey: z.string().nullable() });
const segmentsAnswer = z.object({ segments: z.array(z.object({ segment: z.string() })) });
const actionsAnswer = z.object({
  recommendations: z.array(z.object({ journey: z.string() })),
  open_actions: z.array(z.object({ journey: z.string(), status: z.string(), ship_date: z.string().nullable() })),
});

export function focusOfAnswer(r: AnswerResolution, answer: unknown): Focus {
  const s = r.slots;
  const focus: Focus = {
    journey: s.journey,
    date: s.date ?? s.to,
    segment: s.segment,
    member_id: s.member_id,
    since: s.since,
  };
  const journeyOf = journeyAnswer.safeParse(answer);
  if (journeyOf.success && journeyOf.data.journey) focus.journey = journeyOf.data.journey;
  switch (r.intent) {
    case 'today': {
      const t = todayAnswer.safeParse(answer);
      if (t.success && t.data.journeys[0]) focus.journey = t.data.journeys[0].journey;
      break;
    }
    case 'segments': {
      const t = segmentsAnswer.safeParse(answer);
      if (t.success && t.data.segments[0]) focus.segment = t.data.segments[0].segment;
      break;
    }
    case 'actions': {
      const t = actionsAnswer.safeParse(answer);
      if (!t.success) break;
      focus.journey ??= t.data.recommendations[0]?.journey;
      const shipped = t.data.open_actions
        .filter((a) => a.journey === focus.journey && a.ship_date)
        .sort((a, b) => (a.ship_date! < b.ship_date! ? 1 : -1))[0];
      if (shipped?.ship_date) focus.since = shipped.ship_date;
      break;
    }
  }
  return Object.fromEntries(Object.entries(focus).filter(([, v]) => v !== undefined)) as Focus;
}

/** The context to store after an answer: what it was, and what it was about (keeping an earlier journey, date and since). */
export function nextContext(previous: ThreadContext | undefined, r: AnswerResolution, answer: unknown): ThreadContext {
  return { previous: r, about: { ...previous?.about, ...focusOfAnswer(r, answer) } };
}
