/**
 * How long an interaction lasts: its handle time, the agent's time on it. Contact-center service
 * times are close to log-normal (Brown et al., "Statistical Analysis of a Telephone Call Center",
 * JASA 2005): most calls take minutes, a long right tail takes an hour (escalations, interpreters,
 * a claim untangled line by line). The shape differs by type: video visits run long, voice a little
 * shorter with the heaviest tail, chat is short.
 *
 * Email is measured differently: it is not a conversation, and the time until the reply goes out
 * (hours, mostly waiting in a queue) is not anyone's work. For email, started_at is when the email
 * arrived (the moment that can follow a digital failure) and ended_at − started_at is the agent's
 * handling time (reading, looking up, writing the reply). So every figure built on
 * ended_at − started_at (average handle time, "over 3000 s", the long-interaction alert, the longest
 * interaction) means the same for every type; an email nobody opened took no one's time (0 s).
 */
import { randomLogNormal } from 'd3-random';
import type { Random } from './random.ts';

type Shape = { medianMinutes: number; sigma: number };

/** Per type: the median and the spread of log(handle time) (sigma 0.75 puts about 1 routine voice call in 300 over 50 minutes). */
const SHAPES: Record<string, Shape> = {
  voice: { medianMinutes: 6, sigma: 0.68 },
  video: { medianMinutes: 11, sigma: 0.6 },
  chat: { medianMinutes: 4.5, sigma: 0.55 },
  email: { medianMinutes: 7, sigma: 0.5 },
};
/** A member calling minutes after a failed digital step has a problem to untangle, and is frustrated. */
const AFTER_FAILURE = 1.2;
/** A transfer adds a second agent and a second verification; a failed interaction often ran long first. */
const BY_DISPOSITION: Record<string, number> = { resolved: 1, transferred: 1.35, failed: 1.15 };
/** A handled interaction takes at least a minute; the phone platform drops a line after four hours. */
const MIN_SECONDS = 60;
const MAX_SECONDS = 4 * 3600;

export type Handled = { interaction: string; disposition: string; afterFailure: boolean; pace: number };

/** Handle time in whole seconds of an interaction an agent took, drawn from `rng` (the interaction's own stream). */
export function handleSeconds(rng: Random, h: Handled): number {
  const shape = SHAPES[h.interaction];
  const median = shape.medianMinutes * 60 * (h.afterFailure ? AFTER_FAILURE : 1) * (BY_DISPOSITION[h.disposition] ?? 1) * h.pace;
  const seconds = randomLogNormal.source(() => rng.next())(Math.log(median), shape.sigma)();
  return Math.min(MAX_SECONDS, Math.max(MIN_SECONDS, Math.round(seconds)));
}

/** Time before an unanswered interaction ended: in the queue until the member hung up or left the chat; an unopened email took none. */
export function abandonedSeconds(interaction: string, waited: number): number {
  return interaction === 'email' ? 0 : waited;
}
