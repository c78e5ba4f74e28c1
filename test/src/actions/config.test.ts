import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';

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
