/**
 * Digital sessions: login, page views and one journey attempt that completes, errors or is
 * abandoned. A failure may send the member to the phone: within minutes (a leaked call) or much
 * later (not leaked). Returns the instant of the failure, when there was one.
 */
import { ELIGIBILITY_MESSAGE, LEAK_ERRORS, QUIET_ERRORS, STEPS, type Journey } from './pools.ts';
import { Weighted, type Random } from './random.ts';
import { sourceIdForm } from './members.ts';
import { iso, type Row } from './calls.ts';
import type { StreamKind } from './scenario.ts';

const DEVICE_LEAK_BILLING = new Weighted<string>([['mobile', 79.5], ['desktop', 16], ['tablet', 4.5]]);
const DEVICE = new Weighted<string>([['mobile', 60], ['desktop', 32], ['tablet', 8]]);
const JOURNEY_ERRORS = (table: Record<Journey, [string | null, number][]>) =>
  Object.fromEntries(Object.entries(table).map(([j, pairs]) => [j, new Weighted(pairs)])) as Record<Journey, Weighted<string | null>>;
const LEAK_MIX = JOURNEY_ERRORS(LEAK_ERRORS);
const QUIET_MIX = JOURNEY_ERRORS(QUIET_ERRORS);

export type SessionSpec = { kind: StreamKind; journey: Journey; member: number; start: number; sessionId: string; nextEventId: () => string; key: () => number };

export type SessionOutcome = { failedAt: number | null; retried: boolean; device: string };

export function makeSession(rng: Random, spec: SessionSpec, out: Row[]): SessionOutcome {
  const { kind, journey } = spec;
  const device = kind === 'spike' ? 'mobile' : kind === 'leak' && journey === 'billing' ? DEVICE_LEAK_BILLING.draw(rng) : DEVICE.draw(rng);
  const channel = device === 'desktop' ? 'web' : rng.chance(device === 'mobile' ? 0.85 : 0.6) ? 'app' : 'web';
  const member = sourceIdForm(spec.member, rng, 0.02);
  const steps = STEPS[journey];
  const push = (t: number, step: string, outcome: string, message: string) =>
    out.push({ t, k: spec.key(), v: [spec.nextEventId(), member, spec.sessionId, iso(t), channel, device, journey, step, outcome, message] });

  let t = spec.start;
  push(t, 'login', 'ok', '');
  t += (5 + rng.int(35)) * 1000;
  if (rng.chance(0.5)) {
    push(t, 'home', 'ok', '');
    t += (5 + rng.int(30)) * 1000;
  }
  push(t, steps.view, 'ok', '');
  t += (20 + rng.int(160)) * 1000;
  const act = rng.pick(steps.act);
  if (kind === 'success') {
    push(t, act, 'complete', '');
    if (rng.chance(0.4)) push(t + (10 + rng.int(120)) * 1000, 'logout', 'ok', '');
    return { failedAt: null, retried: false, device };
  }
  const message = kind === 'spike' ? ELIGIBILITY_MESSAGE : (kind === 'leak' ? LEAK_MIX : QUIET_MIX)[journey].draw(rng);
  push(t, act, message === null ? 'abandon' : 'error', message ?? '');
  // Some quiet failures are retried and go through: the session completes, so no call after it can leak.
  const retried = kind === 'quiet' && rng.chance(0.3);
  if (retried) push(t + (30 + rng.int(90)) * 1000, act, 'complete', '');
  return { failedAt: t, retried, device };
}
