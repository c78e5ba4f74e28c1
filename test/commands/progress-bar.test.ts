import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { liveLine, simulationBar, terminalBar } from '../../commands/progress-bar.ts';

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

  it("shows the simulator's history as the share of it done, with the rows so far", () => {
    const t = fakeTerminal(true);
    const bar = simulationBar(t.stream)!;
    bar.update({ done: 3, total: 4, rows: 12_345 });
    bar.stop();
    expect(t.drawn()).toContain('75% 12,345 rows');
    expect(simulationBar(fakeTerminal(false).stream)).toBeUndefined();
  });

  it("redraws a live run's line after each batch and moves past it at the end; nothing when piped", () => {
    const t = fakeTerminal(true);
    const line = liveLine(t.stream)!;
    line.show(Date.parse('2026-11-24T17:00:00Z'), 1234, ' published');
    line.show(Date.parse('2026-11-24T17:10:00Z'), 99, ', 3 leaked calls so far');
    line.end();
    expect(t.drawn()).toBe('\r2026-11-24T17:00:00.000Z  +1,234 rows published   \r2026-11-24T17:10:00.000Z  +99 rows, 3 leaked calls so far   \n');
    expect(liveLine(fakeTerminal(false).stream)).toBeUndefined();
  });
});
