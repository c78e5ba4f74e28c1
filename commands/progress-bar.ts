/**
 * A progress bar for long terminal commands (cli-progress): drawn on stdout when it is a terminal,
 * cleared when done so only the summary stays; nothing at all when output is piped or in tests.
 */
import cliProgress from 'cli-progress';

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
