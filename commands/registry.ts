/**
 * The registry: every command, listed once, by name and loader. A command's module is imported only
 * when it runs, so the CLI loads what the asked command needs and nothing else; help and Slack's
 * command list load them all. The CLI and Slack both dispatch through parseInvocation().
 */
import { distance } from 'fastest-levenshtein';
import type { AnyCommand } from './command.ts';

type Entry = { name: string; load: () => Promise<{ default: AnyCommand }> };

export const COMMANDS: readonly Entry[] = [
  { name: 'action', load: () => import('./action.ts') },
  { name: 'today', load: () => import('./today.ts') },
  { name: 'segments', load: () => import('./segments.ts') },
  { name: 'savings', load: () => import('./savings.ts') },
  { name: 'why', load: () => import('./why.ts') },
  { name: 'note', load: () => import('./note.ts') },
  { name: 'actions', load: () => import('./actions.ts') },
  { name: 'impact', load: () => import('./impact.ts') },
  { name: 'import', load: () => import('./import.ts') },
  { name: 'publish', load: () => import('./publish.ts') },
  { name: 'quarantine', load: () => import('./quarantine.ts') },
  { name: 'digest', load: () => import('./digest.ts') },
  { name: 'alerts', load: () => import('./alerts.ts') },
  { name: 'simulate', load: () => import('./simulate.ts') },
  { name: 'export', load: () => import('./export.ts') },
  { name: 'journey', load: () => import('./journey.ts') },
  { name: 'member', load: () => import('./member.ts') },
  { name: 'cube', load: () => import('./cube.ts') },
  { name: 'agents', load: () => import('./agents.ts') },
  { name: 'interactions', load: () => import('./interactions.ts') },
  { name: 'ask', load: () => import('./ask.ts') },
];

/** The command of that name, its module loaded on first use; undefined for an unknown name. */
export async function loadCommand(name: string): Promise<AnyCommand | undefined> {
  const entry = COMMANDS.find((c) => c.name === name);
  return entry && (await entry.load()).default;
}

/** Every command, in registry order (help, Slack's command list, the start-up examples). */
export async function loadCommands(): Promise<AnyCommand[]> {
  return Promise.all(COMMANDS.map(async (c) => (await c.load()).default));
}

/** The nearest command name by edit distance, when it is near enough to be a typo. */
export function closestCommand(input: string): string | undefined {
  let best: { name: string; d: number } | undefined;
  for (const c of COMMANDS) {
    const d = distance(input.toLowerCase(), c.name);
    if (!best || d < best.d) best = { name: c.name, d };
  }
  return best && best.d <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}
