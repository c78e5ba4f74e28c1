/**
 * Alert rules: thresholds, cooldowns and material minimums live in a reviewable JSON file
 * (src/alerts/rules.json, or LEAK_ALERT_RULES), not in code. Read and validated with zod once per
 * process, at start (src/services/open-context.ts): a bad file fails with one line naming the
 * field and what is valid.
 */
import fs from 'node:fs';
import * as z from 'zod';
import type { Config } from '../config.ts';
import { LeakError } from '../errors.ts';
import { projectPath } from '../project-path.ts';

export const DEFAULT_RULES_FILE = projectPath('src', 'alerts', 'rules.json');

const cooldownHours = z.number().min(0).max(24 * 90);
const enabled = z.boolean().default(true);

const rulesSchema = z.strictObject({
  leak_spike: z.strictObject({
    enabled,
    /** Same weekday (and hour) over this many earlier weeks is the baseline. */
    baselineWeeks: z.number().int().min(1).max(12),
    /** Weeks of that baseline the store must hold before a series is judged at all. */
    minBaselineWeeks: z.number().int().min(1).max(12),
    minExtraCalls: z.number().min(0),
    minExtraDollars: z.number().min(0),
    minRisePct: z.number().min(0).max(1000),
    /** Chance of one false alarm per scan across all series tested (split Bonferroni-style). */
    familyAlpha: z.number().gt(0).max(0.5),
    cooldownHours,
  }),
  long_interaction: z.strictObject({ enabled, maxSeconds: z.number().int().min(1), cooldownHours }),
  failed_interaction: z.strictObject({ enabled, cooldownHours }),
  member_failed_repeat: z.strictObject({ enabled, minFailed: z.number().int().min(1), windowHours: z.number().min(1).max(24 * 31), cooldownHours }),
  agent_failed_rate: z.strictObject({ enabled, maxRatePct: z.number().min(0).max(100), minInteractions: z.number().int().min(1), cooldownHours }),
  noise: z.strictObject({ minFeedback: z.number().int().min(1), noiseSharePct: z.number().min(1).max(100), days: z.number().int().min(1).max(365) }),
});

export type AlertRules = z.infer<typeof rulesSchema>;
export type RuleName = Exclude<keyof AlertRules, 'noise'>;
export const RULE_NAMES: RuleName[] = ['leak_spike', 'long_interaction', 'failed_interaction', 'member_failed_repeat', 'agent_failed_rate'];

/** The number a rule's alert is compared with, and what a noisy rule proposes to raise. */
export const PRIMARY_THRESHOLD: Record<RuleName, { key: string; unit: string } | null> = {
  leak_spike: { key: 'minExtraCalls', unit: 'extra calls' },
  long_interaction: { key: 'maxSeconds', unit: 's' },
  failed_interaction: null,
  member_failed_repeat: { key: 'minFailed', unit: 'failed interactions' },
  agent_failed_rate: { key: 'maxRatePct', unit: '% failed' },
};

const loaded = new Map<string, AlertRules>();

/** The rules in force: LEAK_ALERT_RULES or the default file, read once per process. */
export function alertRules(config: Pick<Config, 'alerts'>): AlertRules {
  const file = config.alerts.rulesFile ?? DEFAULT_RULES_FILE;
  let rules = loaded.get(file);
  if (!rules) loaded.set(file, (rules = loadAlertRules(file)));
  return rules;
}

export function loadAlertRules(file: string = DEFAULT_RULES_FILE): AlertRules {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(e as Error).message.split('\n')[0]})`;
    throw new LeakError('bad_config', `Invalid LEAK_ALERT_RULES=${JSON.stringify(file)}: ${why}.`);
  }
  return parseAlertRules(raw, file);
}

function parseAlertRules(raw: unknown, where = 'alert rules'): AlertRules {
  const parsed = rulesSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = issue.path.join('.') || '(top level)';
  const valid = `rules: ${RULE_NAMES.join(', ')}, noise`;
  throw new LeakError('bad_config', `Invalid alert rules in ${where}: ${field}: ${issue.message}${issue.code === 'unrecognized_keys' ? ` (valid ${valid})` : ''}.`);
}
