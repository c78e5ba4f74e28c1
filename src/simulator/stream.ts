/**
 * The row stream of a world, cut into time windows: take(to) returns every row whose time lies in
 * [previous cut, to), in time order. Rows generated ahead of the cut are carried to the next window,
 * so memory holds at most one window plus the carry. Starting (or resuming) at an instant first
 * replays LOOKBACK_MINUTES of minutes and keeps only what falls after it: a resumed stream gives
 * exactly the rows an uninterrupted one would.
 */
import { LOOKBACK_MINUTES, generateMinute, type SliceRows } from './slice.ts';
import type { Row } from './calls.ts';
import type { World } from './world.ts';

export type Cut = { digital: number; calls: number };

const byTime = (a: Row, b: Row) => a.t - b.t || a.k - b.k;

export class SliceStream {
  private nextMinute: number;
  private carry: SliceRows = { digital: [], calls: [] };
  /** Per source, the instant from which rows are still owed (digital and calls may be cut apart after a crash). */
  private owed: Cut;

  constructor(private readonly world: World, from: Cut) {
    this.owed = { ...from };
    this.nextMinute = Math.floor(Math.min(from.digital, from.calls) / 60_000) - LOOKBACK_MINUTES;
  }

  get position(): number {
    return Math.min(this.owed.digital, this.owed.calls);
  }

  take(to: number): SliceRows {
    const lastMinute = Math.ceil(to / 60_000);
    while (this.nextMinute < lastMinute) generateMinute(this.world, this.nextMinute++, this.carry);
    const out: SliceRows = { digital: [], calls: [] };
    for (const kind of ['digital', 'calls'] as const) {
      const keep: Row[] = [];
      const from = this.owed[kind];
      for (const row of this.carry[kind]) {
        if (row.t >= to) keep.push(row);
        else if (row.t >= from) out[kind].push(row);
      }
      this.carry[kind] = keep;
      out[kind].sort(byTime);
      if (to > from) this.owed[kind] = to;
    }
    return out;
  }
}
