/**
 * Runs one backfill in its own process so its peak memory is its own (the benchmark's parent
 * holds other stores). Prints one JSON line: the backfill summary and the peak RSS.
 */
import { buildBenchStore } from './bench-store.ts';

const [scale, days] = process.argv.slice(2).map(Number);
const bench = buildBenchStore('backfill', scale, days);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
bench.remove();
process.stdout.write(`${JSON.stringify({ ...bench.backfill, peakRssMb })}\n`);
