/** The live spike scan stops where the data stops, as `today` does: it never judges hours the store has no data for yet. */
import { describe, expect, it } from 'vitest';
import { liveScanHour } from '../../../src/alerts/jobs.ts';
import { makeDeps } from '../../helpers/store.ts';
import { callRow, load } from '../../helpers/leak-fixture.ts';

describe('the live scan hour', () => {
  it('is the last complete hour of the data when the data stopped, not of the wall clock', async () => {
    const deps = makeDeps();
    // The day's newest call starts at 09:05 in New York (14:05Z).
    await load(deps, { calls: [callRow({ id: 'c1', member: 'M-000001', start: '2026-11-20T13:30:00Z' }), callRow({ id: 'c2', member: 'M-000002', start: '2026-11-20T14:05:00Z' })] });
    // 15:00 by the wall clock would judge through 13:59; only 08:00-08:59 has all its data.
    expect(liveScanHour(deps, Date.parse('2026-11-20T20:00:00Z'))).toBe(8);
    // Before the data's reach, the wall clock decides: at 08:30 the last complete hour is 07.
    expect(liveScanHour(deps, Date.parse('2026-11-20T13:30:00Z'))).toBe(7);
    // A day with no data yet has no hour to judge.
    expect(liveScanHour(deps, Date.parse('2026-11-21T20:00:00Z'))).toBe(-1);
  });
});
