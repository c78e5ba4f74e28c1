/**
 * Reproduces the false-alarm figures in the alerts README section (about a minute and a half on
 * the cached scenario store): daily and hourly live scans over the 60 clean days before the
 * incident, then the first days of the incident.
 *   npx tsx test/src/alerts/measure-false-alarms.ts
 */
import { scanSpikes } from '../../../src/alerts/spike-scan.ts';
import { addDays } from '../../../src/time.ts';
import { INCIDENT_START, SCENARIO, scenarioDeps } from './scenario-store.ts';
import { alertRules } from '../../../src/alerts/rules.ts';

const deps = scenarioDeps();
const r = alertRules(deps.config).leak_spike;
const rules = { ...r, minExtraCalls: r.minExtraCalls * SCENARIO.scale, minExtraDollars: r.minExtraDollars * SCENARIO.scale };
const raised = { daily: [] as string[], hourly: [] as string[] };
for (let d = addDays(INCIDENT_START, -60); d < INCIDENT_START; d = addDays(d, 1)) {
  for (const s of scanSpikes(deps, { date: d }, rules)) raised.daily.push(`${d}: ${s.text}`);
  for (let h = 0; h < 24; h++) for (const s of scanSpikes(deps, { date: d, hour: h }, rules)) raised.hourly.push(`${d} ${h}h: ${s.text}`);
}
console.log(`60 clean days (${addDays(INCIDENT_START, -60)} to ${addDays(INCIDENT_START, -1)}), scale ${SCENARIO.scale}, seed ${SCENARIO.seed}:`);
console.log(`  daily scans: ${raised.daily.length} false alarms in 60 scans`, raised.daily);
console.log(`  hourly live scans: ${raised.hourly.length} false alarms in ${60 * 24} scans`, raised.hourly);
for (let d = INCIDENT_START; d <= addDays(INCIDENT_START, 3); d = addDays(d, 1)) {
  console.log(`${d}:`, scanSpikes(deps, { date: d }, rules).map((s) => `${s.text} (p=${s.p_value.toExponential(1)})`));
}
const firstHour = Array.from({ length: 24 }, (_, h) => h).find((h) => scanSpikes(deps, { date: INCIDENT_START, hour: h }, rules).length > 0);
console.log(`first live hour raising it on ${INCIDENT_START}: through ${firstHour === undefined ? 'none' : `${firstHour + 1}:00`}`);
