import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { loadAlertRules, DEFAULT_RULES_FILE } from '../../../src/alerts/rules.ts';
import { tempDir } from '../../helpers/csv.ts';

const write = (json: unknown) => {
  const file = path.join(tempDir(), 'rules.json');
  fs.writeFileSync(file, typeof json === 'string' ? json : JSON.stringify(json));
  return file;
};
const defaults = () => JSON.parse(fs.readFileSync(DEFAULT_RULES_FILE, 'utf8'));

describe('alert rules file', () => {
  it('the shipped file is valid and is what config carries by default', () => {
    expect(loadConfig({}).alerts.rules).toEqual(loadAlertRules());
    expect(loadAlertRules().long_interaction.maxSeconds).toBe(3000);
    expect(loadAlertRules().member_failed_repeat).toMatchObject({ minFailed: 5, windowHours: 24 });
  });

  it('LEAK_ALERT_RULES overrides it; a bad file fails at start in one line naming the field', () => {
    const custom = defaults();
    custom.long_interaction.maxSeconds = 3600;
    expect(loadConfig({ LEAK_ALERT_RULES: write(custom) }).alerts.rules.long_interaction.maxSeconds).toBe(3600);

    custom.agent_failed_rate.maxRatePct = 140;
    const bad = write(custom);
    expect(() => loadConfig({ LEAK_ALERT_RULES: bad })).toThrow(`Invalid alert rules in ${bad}: agent_failed_rate.maxRatePct: Too big: expected number to be <=100.`);
    expect(() => loadConfig({ LEAK_ALERT_RULES: '/nope/rules.json' })).toThrow('Invalid LEAK_ALERT_RULES="/nope/rules.json": no such file.');
    const typo = write({ ...defaults(), long_interactoin: {} });
    expect(() => loadConfig({ LEAK_ALERT_RULES: typo })).toThrow(/\(top level\): Unrecognized key: "long_interactoin" \(valid rules: leak_spike, long_interaction/);
    expect(() => loadConfig({ LEAK_ALERT_RULES: write('{ "leak_spike": ') })).toThrow(/: not valid JSON \(/);
  });
});
