/**
 * The commands a question in words can reach, by intent: exactly the read-only answers, each loaded
 * from its own module when asked. Asking loads them from here rather than from the registry because
 * the registry lists `ask` itself; a test checks that each is the registry's command of that name.
 */
import type { Intent } from '../src/ask/types.ts';
import type { AnyCommand } from './command.ts';

export const ANSWER_COMMANDS: Record<Intent, () => Promise<{ default: AnyCommand }>> = {
  today: () => import('./today.ts'),
  segments: () => import('./segments.ts'),
  journey: () => import('./journey.ts'),
  member: () => import('./member.ts'),
  savings: () => import('./savings.ts'),
  why: () => import('./why.ts'),
  actions: () => import('./actions.ts'),
  impact: () => import('./impact.ts'),
  alerts: () => import('./alerts.ts'),
  agents: () => import('./agents.ts'),
  interactions: () => import('./interactions.ts'),
  cube: () => import('./cube.ts'),
};
