import cron from 'node-cron';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DIGEST_CRON, cronProblem, parseDigestChannels } from '../../src/digest-channels.ts';
import { loadConfig } from '../../src/config.ts';

describe('digest channel config', () => {
  it('reads several channels with their own role and schedule', () => {
    expect(parseDigestChannels('#exec=exec@0 8 * * 1-5; #ops = ops @ 30  7 * * *')).toEqual([
      { channel: '#exec', role: 'exec', cron: '0 8 * * 1-5' },
      { channel: '#ops', role: 'ops', cron: '30 7 * * *' },
    ]);
    expect(loadConfig({ LEAK_DIGEST_CHANNEL: '#leaks' }).digests).toEqual([{ channel: '#leaks', role: 'ops', cron: '0 8 * * 1-5' }]);
    expect(loadConfig({}).digests).toEqual([]);
  });

  it.each([
    ['#exec=boss@0 8 * * *', 'Invalid LEAK_DIGESTS="#exec=boss@0 8 * * *": role "boss" for #exec must be one of exec, ops.'],
    ['#exec=exec@0 25 * * *', 'Invalid LEAK_DIGESTS="#exec=exec@0 25 * * *": schedule for #exec: "0 25 * * *" is not a valid cron schedule (hour: 25).'],
    ['#exec exec 0 8 * * *', `Invalid LEAK_DIGESTS="#exec exec 0 8 * * *": entry "#exec exec 0 8 * * *" must be CHANNEL=ROLE@CRON, e.g. '#exec=exec@0 8 * * 1-5;#ops=ops@30 7 * * *'.`],
    ['#a=ops@0 8 * * *;#a=exec@0 9 * * *', 'Invalid LEAK_DIGESTS="#a=ops@0 8 * * *;#a=exec@0 9 * * *": channel #a is listed twice; give each channel one schedule.'],
  ])('refuses %s with one line naming what is valid', (value, message) => {
    expect(() => loadConfig({ LEAK_DIGESTS: value })).toThrow(message);
  });

  it('refuses a bad LEAK_DIGEST_CRON', () => {
    expect(() => loadConfig({ LEAK_DIGEST_CRON: '0 8 * *' })).toThrow(/^Invalid LEAK_DIGEST_CRON="0 8 \* \*": "0 8 \* \*" must have 5 fields/);
  });

  it('passes the default schedule without asking node-cron, which accepts it too', () => {
    expect(cronProblem(DEFAULT_DIGEST_CRON)).toBeNull();
    expect(cron.validate(DEFAULT_DIGEST_CRON)).toBe(true);
    expect(cronProblem('0  8 * * 1-6')).toBeNull();
    expect(cronProblem('0 8 * * 1-8')).toMatch(/is not a valid cron schedule/);
  });
});
