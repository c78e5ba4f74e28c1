/**
 * A cold CLI answer as the README runs it (`npm run -s leak -- today`, the store already built), side
 * by side with a bare `node -e 0`: the commands run in turn, so a machine that slows down slows both,
 * and the ratio is taken pair by pair. The same answer without npm (`node dist/src/cli.js`) says how
 * much of it is npm's own start.
 */
import { spawnSync } from 'node:child_process';
import { projectPath } from '../project-path.ts';
import type { BenchStore } from './bench-store.ts';
import type { Row } from './figures.ts';
import { summarize } from './stats.ts';

const GOAL = 6;

export function measureColdCli(b: BenchStore, runs: number): Row[] {
  const env = { ...process.env, LEAK_DB: b.file };
  const time = (command: string, args: string[]) => {
    const t = performance.now();
    const r = spawnSync(command, args, { cwd: projectPath(), env, encoding: 'utf8' });
    const ms = performance.now() - t;
    if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${r.status}: ${r.stderr || r.error}`);
    return ms;
  };
  const today = ['today', '--date', b.lastFullDay];
  const node: number[] = [];
  const npm: number[] = [];
  const direct: number[] = [];
  const ratios: number[] = [];
  // The first round is not counted: it reads the files from disk.
  for (let i = 0; i <= runs; i++) {
    const n = time(process.execPath, ['-e', '0']);
    const c = time('npm', ['run', '-s', 'leak', '--', ...today]);
    const d = time(process.execPath, [projectPath('dist', 'src', 'cli.js'), ...today]);
    if (i === 0) continue;
    node.push(n);
    npm.push(c);
    direct.push(d);
    ratios.push(c / n);
  }
  const [r, c, n, d] = [summarize(ratios), summarize(npm), summarize(node), summarize(direct)];
  const ms = (x: number) => `${Math.round(x)} ms`;
  return [
    {
      figure: 'cold CLI answer, `npm run -s leak -- today`',
      value: `${r.median.toFixed(1)}× \`node -e 0\``,
      goal: `≤ ${GOAL}×`,
      met: r.median <= GOAL,
      detail: `median ${ms(c.median)} against ${ms(n.median)} (ratio min ${r.min.toFixed(1)}×, max ${r.max.toFixed(1)}×, n=${r.n}); without npm (node dist/src/cli.js) ${ms(d.median)}`,
    },
  ];
}
