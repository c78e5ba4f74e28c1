import { beforeAll, describe, expect, it } from 'vitest';
import { makeDeps } from '../helpers/store.ts';
import { loadMembersFixture, MEMBERS_DATE } from '../helpers/fixture-members.ts';
import interactionsCommand from '../../commands/interactions.ts';
import type { InteractionsResult } from '../../src/contact-center/interactions.ts';
import { parseCommandArgs } from '../../commands/invocation.ts';

// 2026-11-20 (see fixture-members.ts): voice c-r3 3100, c-t1 600, c-m1 3300 (failed), c-x2 600; chat c-r2 600, c-u1 300;
// video c-t2 1200 (failed); email c-x1 120. 2026-11-19 adds voice c-r1 2900 (failed).
const deps = makeDeps();
beforeAll(() => loadMembersFixture(deps));
const interactions = (...argv: string[]) => {
  const inv = parseCommandArgs(interactionsCommand, [...argv], deps);
  return inv.cmd.run(inv.args, deps) as InteractionsResult;
};

describe('interactions', () => {
  it('per type: volume, total and average duration, failed share; the longest and its agent', () => {
    const r = interactions('--date', MEMBERS_DATE);
    expect(r.interactions).toEqual([
      { interaction: 'voice', volume: 4, total_seconds: 7600, avg_seconds: 1900, failed: 1, failed_pct: 25 },
      { interaction: 'chat', volume: 2, total_seconds: 900, avg_seconds: 450, failed: 0, failed_pct: 0 },
      { interaction: 'email', volume: 1, total_seconds: 120, avg_seconds: 120, failed: 0, failed_pct: 0 },
      { interaction: 'video', volume: 1, total_seconds: 1200, avg_seconds: 1200, failed: 1, failed_pct: 100 },
    ]);
    expect(r.total).toEqual({ volume: 8, total_seconds: 9820, avg_seconds: 1227.5, failed: 2, failed_pct: 25 });
    expect(r.longest).toEqual({ call_id: 'c-m1', interaction: 'voice', agent_id: 'AG-3', member_id: 'M-200002', local_date: MEMBERS_DATE, seconds: 3300 });
  });

  it('over a range', () => {
    const r = interactions('--from', '2026-11-19', '--to', MEMBERS_DATE);
    expect(r.interactions[0]).toEqual({ interaction: 'voice', volume: 5, total_seconds: 10500, avg_seconds: 2100, failed: 2, failed_pct: 40 });
    expect(r.total).toEqual({ volume: 9, total_seconds: 12720, avg_seconds: 1413.3, failed: 3, failed_pct: 33.3 });
    expect(interactions('--date', '2026-11-19').longest).toMatchObject({ call_id: 'c-r1', agent_id: 'AG-7', seconds: 2900 });
  });

  it('renders a table, a total and the longest', () => {
    expect(interactionsCommand.renderText(interactions('--date', MEMBERS_DATE)).split('\n')).toEqual([
      '8 interactions on 2026-11-20.',
      '',
      'type   volume  total time  average  failed',
      '-----  ------  ----------  -------  ------',
      'voice       4      2h 06m  31m 40s   25.0%',
      'chat        2     15m 00s   7m 30s    0.0%',
      'email       1      2m 00s   2m 00s    0.0%',
      'video       1     20m 00s  20m 00s  100.0%',
      'total       8      2h 43m  20m 28s   25.0%',
      '',
      'Longest: c-m1, a 55m 00s voice on 2026-11-20 with agent AG-3 (member M-200002).',
    ]);
    const none = interactions('--date', '2026-11-24');
    expect(none).toMatchObject({ interactions: [], longest: null, total: { volume: 0, avg_seconds: null } });
    expect(interactionsCommand.renderText(none)).toBe('No contact-center interactions on 2026-11-24.');
    expect(() => interactions('--from', '2026-11-21', '--to', '2026-11-23')).toThrow('No data for 2026-11-21 to 2026-11-23: the store holds calls from 2026-11-19 to 2026-11-20');
  });

  it('bad arguments: one line', () => {
    expect(() => interactions('voice')).toThrow('Unexpected argument "voice". Usage: leak interactions');
    expect(() => interactions('--to', '2026-11-31')).toThrow('--to "2026-11-31" does not exist: November 2026 has 30 days.');
  });
});
