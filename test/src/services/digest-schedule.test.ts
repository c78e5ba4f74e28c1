import cron from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { previousFireTime } from '../../../src/services/digest-schedule.ts';
import { fireTimesBetween } from '../../helpers/cron.ts';

const iso = (ms: number[]) => ms.map((t) => new Date(t).toISOString());

describe('digest schedule across DST', () => {
  afterEach(() => vi.useRealTimers());

  it('fires at 08:00 New York on weekdays before and after the clocks go back (Nov 1 2026)', () => {
    const runs = fireTimesBetween('0 8 * * 1-5', 'America/New_York', Date.parse('2026-10-29T00:00:00Z'), Date.parse('2026-11-04T00:00:00Z'));
    // EDT (UTC-4) until Sunday Nov 1, then EST (UTC-5): same wall time, an hour later in UTC. No weekend runs.
    expect(iso(runs)).toEqual(['2026-10-29T12:00:00.000Z', '2026-10-30T12:00:00.000Z', '2026-11-02T13:00:00.000Z', '2026-11-03T13:00:00.000Z']);
  });

  it('fires at 07:30 Paris every day across the spring change (Mar 28 2027)', () => {
    const runs = fireTimesBetween('30 7 * * *', 'Europe/Paris', Date.parse('2027-03-27T00:00:00Z'), Date.parse('2027-03-29T23:00:00Z'));
    expect(iso(runs)).toEqual(['2027-03-27T06:30:00.000Z', '2027-03-28T05:30:00.000Z', '2027-03-29T05:30:00.000Z']);
  });

  it("node-cron's own next runs agree on a fake clock", () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-10-30T13:00:00Z'));
    const task = cron.createTask('0 8 * * 1-5', () => undefined, { timezone: 'America/New_York' });
    try {
      expect(task.getNextRuns(3).map((d) => d.toISOString())).toEqual(['2026-11-02T13:00:00.000Z', '2026-11-03T13:00:00.000Z', '2026-11-04T13:00:00.000Z']);
    } finally {
      void task.destroy();
    }
  });

  it('finds the last fire time at or before now, from the cron library', () => {
    // Monday Nov 2 2026, 10:00 EST: the last weekday 08:00 was this morning; at 07:00 it was Friday's.
    expect(previousFireTime('0 8 * * 1-5', 'America/New_York', Date.parse('2026-11-02T15:00:00Z'))).toBe(Date.parse('2026-11-02T13:00:00Z'));
    expect(previousFireTime('0 8 * * 1-5', 'America/New_York', Date.parse('2026-11-02T13:00:00Z'))).toBe(Date.parse('2026-11-02T13:00:00Z'));
    expect(previousFireTime('0 8 * * 1-5', 'America/New_York', Date.parse('2026-11-02T12:00:00Z'))).toBe(Date.parse('2026-10-30T12:00:00Z'));
  });
});
