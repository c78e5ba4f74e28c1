/**
 * Seeds a store with several weeks of leakage through the real path (contract CSVs → import →
 * pipeline), deterministic so charts and figures are reproducible. Shape: billing is the big
 * leak and steps up on a release day; id_card and pharmacy are steady; login is small.
 */
import { importCsvFile } from '../../../src/ingest/import-csv.ts';
import { runPipeline } from '../../../src/pipeline/run-pipeline.ts';
import { addDays } from '../../../src/time.ts';
import type { Context } from '../../../src/context.ts';
import { CALL_HEADER, DIGITAL_HEADER, MEMBER_HEADER, tempDir, writeCsv } from '../../helpers/csv.ts';

export type SeedOptions = {
  endDate: string;
  days: number;
  scale?: number;
  stepUpOn?: string;
  /** Billing's multiplier from stepUpOn (default 1.6). */
  stepFactor?: number;
  /** Day-to-day spread around each journey's base, as a fraction (default 0.4: ±20%). */
  noise?: number;
};

const JOURNEY_BASE: Record<string, number> = { billing: 22, id_card: 12, pharmacy: 9, login: 4 };
const PLANS = ['MAPD', 'MAPD', 'MAPD', 'Commercial', 'Medicaid'];
const MESSAGES = ['Session expired', 'Something went wrong', 'Page not available'];

/** A small LCG: the same seed gives the same store on every machine. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

export async function seedLeakage(deps: Context, opts: SeedOptions): Promise<void> {
  const rand = random(42);
  const scale = opts.scale ?? 1;
  const members: string[] = [];
  for (let i = 1; i <= 400; i++) {
    const enrolled = i % 3 === 0 ? '2026-05-01' : '2019-01-01';
    members.push(`M-${String(i).padStart(6, '0')},${PLANS[i % PLANS.length]},${enrolled},en,${1940 + (i % 50)},FL`);
  }
  const digital: string[] = [];
  const calls: string[] = [];
  let n = 0;
  for (let d = opts.days - 1; d >= 0; d--) {
    const date = addDays(opts.endDate, -d);
    for (const [journey, base] of Object.entries(JOURNEY_BASE)) {
      const step = journey === 'billing' && opts.stepUpOn && date >= opts.stepUpOn ? (opts.stepFactor ?? 1.6) : 1;
      const noise = opts.noise ?? 0.4;
      const count = Math.round(base * scale * step * (1 - noise / 2 + noise * rand()));
      for (let k = 0; k < count; k++) {
        n++;
        const member = `M-${String(1 + Math.floor(rand() * 400)).padStart(6, '0')}`;
        // Mid-day in America/New_York whatever the DST offset, so the local date is `date`.
        const failAt = Date.parse(`${date}T15:00:00Z`) + Math.floor(rand() * 5 * 3600_000);
        const callAt = failAt + (2 + Math.floor(rand() * 20)) * 60_000;
        const iso = (ms: number) => new Date(ms).toISOString().replace('.000', '');
        // After the step-up, most new billing failures share one message on mobile: something to explain.
        const stepped = step > 1 && rand() < 0.6;
        const message = stepped ? 'Autopay is not available for your plan' : MESSAGES[Math.floor(rand() * MESSAGES.length)];
        const device = stepped || rand() < 0.5 ? 'mobile' : 'desktop';
        digital.push(`e${n},${member},s${n},${iso(failAt)},${device === 'mobile' ? 'app' : 'web'},${device},${journey},step,error,${message}`);
        // A few agents take most of the calls, as in a real queue; handle times spread 4–15 minutes.
        const agent = `A${101 + Math.floor(rand() ** 2 * 9)}`;
        const handleMs = (240 + Math.floor(rand() * 660)) * 1000;
        calls.push(`c${n},${member},${iso(callAt)},${iso(callAt + handleMs)},voice,${journey},${agent},resolved,0,0.1,,`);
      }
    }
  }
  const dir = tempDir('leak-digest-seed-');
  await importCsvFile(deps.store, 'members', writeCsv(dir, 'members.csv', MEMBER_HEADER, members));
  await importCsvFile(deps.store, 'digital', writeCsv(dir, 'digital.csv', DIGITAL_HEADER, digital));
  await importCsvFile(deps.store, 'calls', writeCsv(dir, 'calls.csv', CALL_HEADER, calls));
  runPipeline(deps.store, deps.config);
}
