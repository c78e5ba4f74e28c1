/** The bench's child processes (child-*.ts), started the same way by every figure that needs one. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectPath } from '../project-path.ts';
import type { BackfillSummary } from '../simulator/backfill.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
// A child runs as this module does: compiled (`npm run bench` runs dist/), or through tsx's loader in a test.
const compiled = import.meta.url.endsWith('.js');

/** node's arguments that run the child `name` (child-backfill, …) with `args`. */
export function childArgs(name: string, args: string[]): string[] {
  return [...(compiled ? [] : ['--import', 'tsx']), path.join(here, `${name}.${compiled ? 'js' : 'ts'}`), ...args];
}

/** Runs the child to its end; returns the last line it printed, parsed (each prints its result as one JSON line). */
export function runChild<T>(name: string, args: string[], opts: { maxBuffer?: number } = {}): T {
  const out = execFileSync(process.execPath, childArgs(name, args), { cwd: projectPath(), encoding: 'utf8', ...opts });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

export type BackfillChildResult = BackfillSummary & { peakRssMb: number };

/** One simulated backfill in its own process (child-backfill.ts), so its peak memory is its own. */
export function runBackfillChild(scale: number, days: number): BackfillChildResult {
  return runChild<BackfillChildResult>('child-backfill', [String(scale), String(days)], { maxBuffer: 1 << 20 });
}
