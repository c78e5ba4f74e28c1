import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { LeakError } from '../../src/errors.ts';

const fail = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(LeakError);
    expect((e as LeakError).code).toBe('bad_config');
    return (e as LeakError).message;
  }
  throw new Error('expected loadConfig to refuse');
};

describe('loadConfig', () => {
  it('has a default for every store key', () => {
    expect(loadConfig({})).toMatchObject({
      dbFile: path.resolve('./data/leak.db'),
      timeZone: 'America/New_York',
      costPerCall: 8,
      windowMinutes: 30,
    });
  });

  it('reads the store keys, and treats an empty or blank value as unset', () => {
    expect(loadConfig({ LEAK_DB: 'x/y.db', LEAK_TZ: 'Europe/Paris', LEAK_COST_PER_CALL: '7.5', LEAK_WINDOW_MINUTES: ' 45 ' })).toMatchObject({
      dbFile: path.resolve('x/y.db'),
      timeZone: 'Europe/Paris',
      costPerCall: 7.5,
      windowMinutes: 45,
    });
    expect(loadConfig({ LEAK_TZ: '', LEAK_COST_PER_CALL: '  ' })).toMatchObject({ timeZone: 'America/New_York', costPerCall: 8 });
    expect(loadConfig({ LEAK_DB: ':memory:' }).dbFile).toBe(':memory:');
  });

  it('names the bad variable, its value and what is valid, in one line', () => {
    const cases: [Record<string, string>, string][] = [
      [{ LEAK_TZ: 'Mars/Base' }, 'Invalid LEAK_TZ="Mars/Base": must be an IANA time zone such as America/New_York or Europe/Paris.'],
      [{ LEAK_COST_PER_CALL: 'eight' }, 'Invalid LEAK_COST_PER_CALL="eight": must be a dollar amount between 0 and 10000, e.g. 8 or 7.5.'],
      [{ LEAK_COST_PER_CALL: '-1' }, 'Invalid LEAK_COST_PER_CALL="-1": must be a dollar amount between 0 and 10000, e.g. 8 or 7.5.'],
      [{ LEAK_WINDOW_MINUTES: '0' }, 'Invalid LEAK_WINDOW_MINUTES="0": must be a whole number of minutes between 1 and 1440.'],
      [{ LEAK_WINDOW_MINUTES: '30.5' }, 'Invalid LEAK_WINDOW_MINUTES="30.5": must be a whole number of minutes between 1 and 1440.'],
      [{ LEAK_WINDOW_MINUTES: '1441' }, 'Invalid LEAK_WINDOW_MINUTES="1441": must be a whole number of minutes between 1 and 1440.'],
    ];
    for (const [env, message] of cases) expect(fail(env)).toBe(message);
  });

  it('accepts the window’s bounds', () => {
    expect(loadConfig({ LEAK_WINDOW_MINUTES: '1' }).windowMinutes).toBe(1);
    expect(loadConfig({ LEAK_WINDOW_MINUTES: '1440' }).windowMinutes).toBe(1440);
    expect(loadConfig({ LEAK_COST_PER_CALL: '0' }).costPerCall).toBe(0);
  });
});

describe('tracked-action settings', () => {
  it('defaults to 48 business hours, 7 and 14 days', () => {
    expect(loadConfig({}).actions).toEqual({ ackReminderHours: 48, interimDays: 7, finalDays: 14, channel: undefined });
  });

  it('reads the variables and refuses bad values in one line', () => {
    expect(loadConfig({ LEAK_ACK_REMINDER_HOURS: '24', LEAK_OUTCOME_INTERIM_DAYS: '3', LEAK_OUTCOME_FINAL_DAYS: '10', LEAK_ACTIONS_CHANNEL: 'C0ACTIONS1' }).actions).toEqual({
      ackReminderHours: 24, interimDays: 3, finalDays: 10, channel: 'C0ACTIONS1',
    });
    expect(() => loadConfig({ LEAK_ACK_REMINDER_HOURS: 'two days' })).toThrow('Invalid LEAK_ACK_REMINDER_HOURS="two days": must be a whole number of business hours between 1 and 2000.');
    expect(() => loadConfig({ LEAK_ACTIONS_CHANNEL: 'leaks' })).toThrow('Invalid LEAK_ACTIONS_CHANNEL="leaks": must be #name or a channel ID such as C0123456789.');
    // A final window shorter than the interim one would never post the interim: the final is raised to match.
    expect(loadConfig({ LEAK_OUTCOME_INTERIM_DAYS: '10', LEAK_OUTCOME_FINAL_DAYS: '5' }).actions).toMatchObject({ interimDays: 10, finalDays: 10 });
  });
});

describe('Slack access settings', () => {
  it('defaults: personal details hidden, everyone may edit, the receiver on every interface', () => {
    const c = loadConfig({});
    expect(c.access).toEqual({ showPii: false, piiViewers: undefined, editors: undefined });
    expect(c.slack.bind).toBeUndefined();
  });

  it('reads people lists into user ids and user group ids, and LEAK_SHOW_PII and LEAK_BIND', () => {
    const c = loadConfig({ LEAK_EDITORS: 'U0123ABCD, S0456EFGH,W0789', LEAK_PII_USERS: 'S0PRIV', LEAK_SHOW_PII: 'true', LEAK_BIND: '127.0.0.1' });
    expect(c.access).toEqual({ showPii: true, editors: { users: ['U0123ABCD', 'W0789'], groups: ['S0456EFGH'] }, piiViewers: { users: [], groups: ['S0PRIV'] } });
    expect(c.slack.bind).toBe('127.0.0.1');
    expect(loadConfig({ LEAK_BIND: '::' }).slack.bind).toBe('::');
  });

  it('names the bad variable and what is valid', () => {
    expect(fail({ LEAK_EDITORS: '@bob' })).toBe('Invalid LEAK_EDITORS="@bob": must be Slack user ids (U…) and/or user group ids (S…) separated by commas, e.g. U0123ABCD,S0456EFGH.');
    expect(fail({ LEAK_PII_USERS: 'U0123ABCD;U0456' })).toMatch(/^Invalid LEAK_PII_USERS="U0123ABCD;U0456": must be Slack user ids/);
    expect(fail({ LEAK_SHOW_PII: 'yes' })).toBe('Invalid LEAK_SHOW_PII="yes": must be true or false.');
    expect(fail({ LEAK_BIND: 'example.com' })).toBe('Invalid LEAK_BIND="example.com": must be an IP address to listen on, e.g. 127.0.0.1 (this machine only) or 0.0.0.0 (every interface).');
  });
});
