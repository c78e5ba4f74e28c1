import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAlertJobs } from '../../../src/alerts/jobs.ts';
import { makeDeps } from '../../helpers/store.ts';
import { tempDir } from '../../helpers/csv.ts';
import { insertCall } from './rows.ts';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-24T15:10:00Z'); // 10:10 in New York

describe('alerts without Slack go to the log', () => {
  it('one line per new alert, each once, across restarts; a burst is summed up past ten lines', async () => {
    const file = path.join(tempDir(), 'leak.db');
    const deps = makeDeps({ file, now: T0 });
    insertCall(deps.store, { id: 'C-long', member: 'M-100007', start: T0 - 2 * HOUR, seconds: 3600 });
    const lines: string[] = [];
    const log = { warn: (m: string) => lines.push(`warn ${m}`), info: (m: string) => lines.push(m) };
    const first = await runAlertJobs(deps, undefined, T0, log);
    expect(first).toMatchObject({ logged: 1, posted: null });
    expect(lines).toEqual([expect.stringMatching(/^#1 Long interaction: voice C-long \(member M-100007, agent A1, 2026-11-24 08:10\) lasted 3,600 s \(60 min\), over 3,000 s/)]);
    expect((await runAlertJobs(deps, undefined, T0 + HOUR, log)).logged).toBe(0);
    deps.store.close();

    // Restarted, with a burst of failed calls: the old alert is not repeated; the new ones, ten lines then a sum.
    const again = makeDeps({ file, now: T0 + 2 * HOUR });
    for (let i = 0; i < 12; i++) insertCall(again.store, { member: `M-2000${10 + i}`, start: T0 + HOUR, disposition: 'failed' });
    lines.length = 0;
    expect((await runAlertJobs(again, undefined, T0 + 2 * HOUR, log)).logged).toBe(12);
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^#2 Failed interaction: voice /);
    expect(lines[10]).toBe('… and 2 more new alerts (leak alerts lists them all).');
  });
});
