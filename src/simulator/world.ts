/**
 * A simulated world: its defining options (seed, scale, zone, anchor date, shipped fixes), the
 * member population, agents and pools built once from them, and a small cache of day plans. Two worlds
 * built from the same definition generate byte-identical rows.
 */
import { zoneClock, type ZoneClock } from '../time.ts';
import { buildPools } from './name-pools.ts';
import { buildMembers, type Members } from './members.ts';
import { buildAgents, type Agents } from './agents.ts';
import { planDay, type DayPlan, type Fix } from './scenario.ts';

export type WorldDefinition = {
  seed: number;
  scale: number;
  timeZone: string;
  /** The local date the scenario is told around ("today" when the world was created). */
  anchorDate: string;
  fixes: Fix[];
};

export type World = WorldDefinition & {
  clock: ZoneClock;
  members: Members;
  agents: Agents;
  dayPlan(date: string): DayPlan;
};

export function createWorld(def: WorldDefinition): World {
  const clock = zoneClock(def.timeZone);
  const pools = buildPools(def.seed);
  const members = buildMembers(def.seed, def.scale, def.anchorDate, pools);
  const plans = new Map<string, DayPlan>();
  return {
    ...def,
    clock,
    members,
    agents: buildAgents(def.seed, def.scale),
    dayPlan(date) {
      let plan = plans.get(date);
      if (!plan) {
        if (plans.size > 16) plans.clear();
        plan = planDay(def, clock, date);
        plans.set(date, plan);
      }
      return plan;
    },
  };
}
