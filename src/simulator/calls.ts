/**
 * Contact-center interactions: channel, IVR route, agent, handle time (heavy-tailed, by type: see
 * durations.ts), disposition, sentiment (worse after a failure and for long calls), a transcript
 * line and an optional survey comment.
 */
import { IVR_ROUTES, SURVEY_COMMENTS, TRANSCRIPTS, type Journey } from './pools.ts';
import { Weighted, type Random } from './random.ts';
import { sourceIdForm } from './members.ts';
import { NEW_HIRE_SLIP, agentId } from './agents.ts';
import { abandonedSeconds, handleSeconds } from './durations.ts';
import type { World } from './world.ts';

export type Row = { t: number; k: number; v: string[] };

const INTERACTION = new Weighted<string>([['voice', 84], ['chat', 10], ['email', 3], ['video', 3]]);
const AFTER_FAILURE = new Weighted<string>([['resolved', 60], ['transferred', 20], ['failed', 12], ['abandoned', 8]]);
const ROUTINE = new Weighted<string>([['resolved', 75], ['transferred', 12], ['failed', 6], ['abandoned', 7]]);
const SENTIMENT_SHIFT: Record<string, number> = { resolved: 0.25, transferred: -0.05, failed: -0.3, abandoned: -0.2 };

const minutePrefixes = new Map<number, string>();
/** ISO instant to the second. Date formatting is the generator's hottest call, so each minute's prefix is cached. */
export function iso(ms: number): string {
  const minute = Math.floor(ms / 60_000);
  let prefix = minutePrefixes.get(minute);
  if (prefix === undefined) {
    if (minutePrefixes.size > 50_000) minutePrefixes.clear();
    prefix = new Date(minute * 60_000).toISOString().slice(0, 17);
    minutePrefixes.set(minute, prefix);
  }
  const s = Math.floor((ms - minute * 60_000) / 1000);
  return `${prefix}${s < 10 ? '0' : ''}${s}Z`;
}
const clamp = (x: number) => (x < -1 ? -1 : x > 1 ? 1 : x);
const sentimentText = (x: number) => clamp(x).toFixed(2);

export type CallSpec = { id: string; member: number; start: number; reason: Journey | 'general'; afterFailure: boolean; key: number };

export function makeCall(world: World, rng: Random, spec: CallSpec): Row {
  const interaction = INTERACTION.draw(rng);
  const outcome = (spec.afterFailure ? AFTER_FAILURE : ROUTINE).draw(rng);
  const abandoned = outcome === 'abandoned';
  const waited = abandoned ? 20 + rng.int(130) : 0;
  // Handle time and a new hire's slips come from the interaction's own stream, so their shape can
  // change without moving the draws of the members, agents and sessions that follow.
  const own = abandoned ? null : rng.fork();
  const sentimentStart = spec.afterFailure ? rng.normal(-0.35, 0.2) : rng.normal(0.05, 0.25);
  const sentimentNoise = rng.normal(0, 0.1);
  const scored = !rng.chance(0.03);
  const member = sourceIdForm(spec.member, rng, 0.08);
  const agent = abandoned ? -1 : rng.int(world.agents.count);

  const slipped = own !== null && outcome === 'resolved' && world.agents.newHire[agent] === 1 && own.chance(NEW_HIRE_SLIP);
  const disposition = slipped ? 'failed' : outcome;
  const seconds = own
    ? handleSeconds(own, { interaction, disposition, afterFailure: spec.afterFailure, pace: world.agents.pace[agent] })
    : abandonedSeconds(interaction, waited);
  const minutes = seconds / 60;
  const sentimentEnd = sentimentStart + SENTIMENT_SHIFT[disposition] - 0.03 * Math.max(0, minutes - 10) + sentimentNoise;
  const spoken = interaction === 'voice' || interaction === 'video';
  return {
    t: spec.start,
    k: spec.key,
    v: [
      spec.id,
      member,
      iso(spec.start),
      iso(spec.start + seconds * 1000),
      interaction,
      spoken ? IVR_ROUTES[spec.reason] : '',
      abandoned ? '' : agentId(agent),
      disposition,
      scored ? sentimentText(sentimentStart) : '',
      scored ? sentimentText(sentimentEnd) : '',
      rng.chance(0.09) ? rng.pick(SURVEY_COMMENTS[spec.reason]) : '',
      !abandoned && rng.chance(0.7) ? rng.pick(TRANSCRIPTS[spec.reason]) : '',
    ],
  };
}

/**
 * One contact of a failed burst: a bot or someone probing the IVR's identity check with a member's
 * id. It fails at verification, reaches no agent, and is over in a minute or two.
 */
export function makeProbeCall(rng: Random, spec: Omit<CallSpec, 'reason' | 'afterFailure'>): Row {
  const seconds = 40 + rng.int(110);
  return {
    t: spec.start,
    k: spec.key,
    v: [spec.id, sourceIdForm(spec.member, rng, 0.08), iso(spec.start), iso(spec.start + seconds * 1000), 'voice', IVR_ROUTES.general, '', 'failed', '', '', '', ''],
  };
}
