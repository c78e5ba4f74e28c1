/** npm start replays a backfilled history's alerts as a running Leak would have raised them: the spikes too, each on the day it closed. */
import { describe, expect, it } from 'vitest';
import { replayHistoryAlerts } from '../../../src/services/live-simulator.ts';
import { addDays, zoneClock } from '../../../src/time.ts';
import { SPIKE_DAY, spikeWorld } from '../alerts/spike-world.ts';

describe('replaying a history\'s alerts', () => {
  it('raises the spike of a day in the hour after that day closed', () => {
    const deps = spikeWorld();
    const clock = zoneClock(deps.config.timeZone);
    const closesAt = clock.startOfDay(addDays(SPIKE_DAY, 1));
    const raised = replayHistoryAlerts(deps, clock.startOfDay('2026-10-13'), closesAt + 2 * 3_600_000);
    const spikes = deps.store.sqlite.prepare("SELECT subject, created_at, window_start FROM alerts WHERE rule = 'leak_spike'").all() as { subject: string; created_at: number; window_start: number }[];
    expect(raised.spikes).toBe(spikes.length);
    expect(spikes.map((s) => s.subject)).toContain('MAPD New billing');
    for (const s of spikes) {
      expect(s.window_start).toBe(clock.startOfDay(SPIKE_DAY));
      expect(s.created_at).toBeGreaterThanOrEqual(closesAt);
      expect(s.created_at - closesAt).toBeLessThanOrEqual(3_600_000);
    }
  });
});
