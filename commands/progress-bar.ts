/**
 * Progress of long terminal commands: a bar (cli-progress) drawn when the stream is a terminal,
 * cleared when done so only the summary stays, and the one line a live run redraws after each batch;
 * nothing at all when output is piped or in tests.
 */
import cliProgress from 'cli-progress';
import { formatCount } from '../src/format.ts';

export type ProgressBar = { update(value: number, detail: string): void; stop(): void };

export function terminalBar(total: number, stream: NodeJS.WriteStream = process.stdout): ProgressBar | undefined {
  if (!stream.isTTY) return undefined;
  const bar = new cliProgress.SingleBar(
    // The cursor and line wrapping are left as they are: Ctrl-C ends the process without a chance to restore them.
    { stream, format: '{bar} {percentage}% {detail}', hideCursor: false, linewrap: true, clearOnComplete: true, barsize: 30 },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(1, total), 0, { detail: '' });
  return {
    update: (value, detail) => bar.update(Math.min(value, Math.max(1, total)), { detail }),
    stop: () => bar.stop(),
  };
}

/** Steps of a bar over a share of work rather than a count (the simulator's history: simulated time done of the whole). */
const SHARE_STEPS = 1000;

/** The simulator's history, stored or published: the share of it done, and the rows so far. */
export function simulationBar(stream: NodeJS.WriteStream): { update(p: { done: number; total: number; rows: number }): void; stop(): void } | undefined {
  const bar = terminalBar(SHARE_STEPS, stream);
  return (
    bar && {
      update: (p) => bar.update(Math.round((p.done / Math.max(1, p.total)) * SHARE_STEPS), `${formatCount(p.rows)} rows`),
      stop: () => bar.stop(),
    }
  );
}

/**
 * A live run's line on stderr, redrawn after each batch ("2026-11-24T17:02:00.000Z  +1,234 rows, …");
 * `end` moves past it. Undefined when stderr is not a terminal.
 */
export function liveLine(stream: NodeJS.WriteStream = process.stderr): { show(simulatedTo: number, rows: number, rest: string): void; end(): void } | undefined {
  if (!stream.isTTY) return undefined;
  return {
    show: (simulatedTo, rows, rest) => void stream.write(`\r${new Date(simulatedTo).toISOString()}  +${formatCount(rows)} rows${rest}   `),
    end: () => void stream.write('\n'),
  };
}
