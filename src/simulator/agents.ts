/**
 * The contact center's agents, fixed per world from the seed so every slice sees the same people:
 * each has a pace (a multiplier on handle time: some are thorough, some brisk), and about one in
 * twenty is a new hire, slower and failing more of the interactions they take. That spread is what
 * `leak agents` ranks and what the agent failed-rate alert is for.
 */
import { randomLogNormal } from 'd3-random';
import { Random, hash32 } from './random.ts';

export type Agents = {
  count: number;
  /** Handle-time multiplier per agent (median 1). */
  pace: Float64Array;
  newHire: Uint8Array;
};

const NEW_HIRE_SHARE = 0.05;
/** New hires look things up and ask a colleague: about a quarter longer. */
const NEW_HIRE_PACE = 1.25;
/** Spread of pace between agents (sd of its logarithm): most within ±15%. */
const PACE_SIGMA = 0.12;
/** Chance that an interaction a new hire takes, which a tenured agent would have resolved, fails instead. */
export const NEW_HIRE_SLIP = 0.2;

const agentCount = (scale: number) => Math.max(12, Math.round(1200 * scale));

export function buildAgents(seed: number, scale: number): Agents {
  const count = agentCount(scale);
  const rng = new Random(hash32(seed, 0x616774));
  const pace = Float64Array.from({ length: count }, randomLogNormal.source(() => rng.next())(0, PACE_SIGMA));
  const newHire = new Uint8Array(count);
  // At least one, so even the smallest world has someone for the failed-rate rule to find.
  for (let hired = 0, wanted = Math.max(1, Math.round(count * NEW_HIRE_SHARE)); hired < wanted; ) {
    const i = rng.int(count);
    if (newHire[i]) continue;
    newHire[i] = 1;
    pace[i] *= NEW_HIRE_PACE;
    hired++;
  }
  return { count, pace, newHire };
}

export const agentId = (i: number) => `AG-${1000 + i}`;
