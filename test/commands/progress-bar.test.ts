import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalBar } from '../../commands/progress-bar.ts';

/** A stream that says it is a terminal, keeping what was drawn on it. */
function fakeTerminal(isTTY: boolean) {
  const s = new PassThrough() as PassThrough & { isTTY: boolean; columns: number; cursorTo: () => boolean; clearLine: () => boolean; moveCursor: () => boolean };
  Object.assign(s, { isTTY, columns: 100 });
  let drawn = '';
  s.on('data', (c: Buffer) => (drawn += c.toString()));
  return { stream: s as unknown as NodeJS.WriteStream, drawn: () => drawn };
}

describe('progress bar', () => {
  it('draws on a terminal and clears itself when done, so only the summary stays', () => {
    const t = fakeTerminal(true);
    const bar = terminalBar(200, t.stream)!;
    bar.update(100, 'calls.csv, 1,000 rows in');
    bar.stop();
    expect(t.drawn()).toContain('50% calls.csv, 1,000 rows in');
    expect(t.drawn().endsWith('\u001b[2K')).toBe(true);
  });

  it('draws nothing when output is piped', () => {
    expect(terminalBar(200, fakeTerminal(false).stream)).toBeUndefined();
  });
});
