/**
 * One simulated minute: every session and call that starts in it, from a generator seeded by
 * (seed, minute) alone. Calls caused by a failure are generated with the failure (minutes later),
 * so a minute's rows can lie up to LOOKBACK_MINUTES after it; the stream carries them forward.
 */
import { Random, Weighted, hash32 } from './random.ts';
import { STREAMS, countInMinute } from './scenario.ts';
import { UNRELATED_REASONS, type Journey } from './pools.ts';
import { makeSession } from './sessions.ts';
import { makeCall, makeProbeCall, type Row } from './calls.ts';
import type { World } from './world.ts';

/** Longest gap between a minute and the last row it produces (late call after a failed session). */
export const LOOKBACK_MINUTES = 120;
const REASONS = new Weighted<Journey | 'general'>(UNRELATED_REASONS);
const LEAK_LAG_MAX_MINUTES = 28;
/**
 * Bursts of failed contacts on one member id a day at full scale (a bot, or fraud probing the IVR's
 * identity check): what the member failed-repeat alert is for. Each is 5–8 calls 3–15 minutes apart,
 * so it ends within LOOKBACK_MINUTES of the minute that starts it.
 */
const FAILED_BURSTS_PER_DAY = 20;

export type SliceRows = { digital: Row[]; calls: Row[] };

export function generateMinute(world: World, minute: number, out: SliceRows): void {
  const t0 = minute * 60_000;
  const plan = world.dayPlan(world.clock.localDate(t0));
  const e = Math.round((t0 - plan.start) / 60_000);
  const rng = new Random(hash32(world.seed, minute));
  const tag = minute.toString(36);
  let seq = 0;
  let events = 0;
  let sessions = 0;
  let calls = 0;
  const key = () => minute * 100_000 + seq++;
  const nextEventId = () => `ev-${tag}-${events++}`;
  const m = world.members;
  const anyone = () => rng.int(m.count);
  const from = (group: Int32Array) => (group.length ? group[rng.int(group.length)] : anyone());
  const call = (member: number, start: number, reason: Journey | 'general', afterFailure: boolean) =>
    out.calls.push(makeCall(world, rng, { id: `c-${tag}-${calls++}`, member, start, reason, afterFailure, key: key() }));

  for (let i = 0; i < STREAMS.length; i++) {
    const n = countInMinute(plan, i, e);
    if (n === 0) continue;
    const { kind, journey } = STREAMS[i];
    for (let j = 0; j < n; j++) {
      const start = t0 + rng.int(60) * 1000;
      if (kind === 'unrelated') {
        call(rng.chance(0.5) ? from(m.frequent) : anyone(), start, REASONS.draw(rng), false);
        continue;
      }
      const member = pickMember(kind, journey, rng, world, from, anyone);
      const outcome = makeSession(rng, { kind, journey, member, start, sessionId: `s-${tag}-${sessions++}`, nextEventId, key }, out.digital);
      if (outcome.failedAt === null) continue;
      if (kind === 'leak' || kind === 'spike') {
        const u = rng.next();
        const lagSeconds = 60 + Math.floor((LEAK_LAG_MAX_MINUTES - 1) * 60 * u * u);
        call(member, outcome.failedAt + lagSeconds * 1000, journey, true);
      } else if (!outcome.retried && rng.chance(0.08)) {
        call(member, outcome.failedAt + (35 + rng.int(55)) * 60_000, journey, true);
      }
    }
  }
  // Drawn after every stream, so bursts never move the minute's other rows; at any hour, as bots keep none.
  if (rng.chance((FAILED_BURSTS_PER_DAY * world.scale) / 1440)) {
    const member = anyone();
    let start = t0 + rng.int(60) * 1000;
    for (let n = 5 + rng.int(4); n > 0; n--) {
      out.calls.push(makeProbeCall(rng, { id: `c-${tag}-${calls++}`, member, start, key: key() }));
      start += (3 + rng.int(13)) * 60_000 + rng.int(60) * 1000;
    }
  }
}

/** Who fails: the incident hits MAPD (new members most); ID card failures skew Spanish; refills and billing skew MAPD. */
function pickMember(kind: string, journey: Journey, rng: Random, world: World, from: (g: Int32Array) => number, anyone: () => number): number {
  const m = world.members;
  if (kind === 'spike') return rng.chance(0.6) ? from(m.mapdNew) : from(m.mapd);
  if (kind !== 'leak') return anyone();
  if (rng.chance(0.3)) return from(m.frequent);
  if (journey === 'id_card' && rng.chance(0.22)) return from(m.spanish);
  if (journey === 'pharmacy' && rng.chance(0.5)) return from(m.mapd);
  // Plan rules confuse Medicare Advantage members most: billing failures that end in a call skew MAPD.
  if (journey === 'billing' && rng.chance(0.4)) return from(m.mapd);
  return anyone();
}
