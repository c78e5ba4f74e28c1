/** Fire times of a cron line, for tests that step a schedule through a range as node-cron would. */
import { CronExpressionParser } from 'cron-parser';

/** Instants in [fromMs, toMs] at which `pattern` fires in `timeZone`, oldest first (cron-parser, as the schedule's previousFireTime). */
export function fireTimesBetween(pattern: string, timeZone: string, fromMs: number, toMs: number): number[] {
  const expr = CronExpressionParser.parse(pattern, { currentDate: new Date(fromMs - 1), tz: timeZone });
  const out: number[] = [];
  for (;;) {
    const t = expr.next().getTime();
    if (t > toMs) return out;
    out.push(t);
  }
}
