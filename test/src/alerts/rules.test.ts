import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { alertRules, loadAlertRules, DEFAULT_RULES_FILE } from '../../../src/alerts/rules.ts';
import { checkFeatureFiles } from '../../../src/services/open-context.ts';
import { tempDir } from '../../helpers/csv.ts';

const write = (json: unknown) => {
  const file = path.join(tempDir(), 'rules.json');
  fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
};
const defaults = () => JSON.parse(fs.readFileSync(DEFAULT_RULES_FILE, 'utf8'));

describe('alert rules file', () => {
  it('the shipped file is valid and is what is in force by default', () => {
    expect(alertRules(loadConfig({}))).toEqual(loadAlertRules());
    expect(loadAlertRules().long_interaction.maxSeconds).toBe(3000);
    expect(loadAlertRules().member_failed_repeat).toMatchObject({ minFailed: 5, windowHours: 24 });
  });

  it('LEAK_ALERT_RULES overrides it; a bad file fails at start in one line naming the field', () => {
    const custom = defaults();
    custom.long_interaction.maxSeconds = 3600;
    expect(alertRules(loadConfig({ LEAK_ALERT_RULES: write(custom) })).long_interaction.maxSeconds).toBe(3600);

    custom.agent_failed_rate.maxRatePct = 140;
    const bad = write(custom);
    expect(() => checkFeatureFiles(loadConfig({ LEAK_ALERT_RULES: bad }))).toThrow(`Invalid alert rules in ${bad}: agent_failed_rate.maxRatePct: Too big: expected number to be <=100.`);
    expect(() => checkFeatureFiles(loadConfig({ LEAK_ALERT_RULES: '/nope/rules.json' }))).toThrow('Invalid LEAK_ALERT_RULES="/nope/rules.json": no such file.');
    const typo = write({ ...defaults(), long_interactoin: {} });
    expect(() => checkFeatureFiles(loadConfig({ LEAK_ALERT_RULES: typo }))).toThrow(/\(top level\): Unrecognized key: "long_interactoin" \(valid rules: leak_spike, long_interaction/);
    expect(() => checkFeatureFiles(loadConfig({ LEAK_ALERT_RULES: write('{ "leak_spike": ') }))).toThrow(/: not valid JSON \(/);
  });
});
