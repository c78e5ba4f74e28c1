import { describe, expect, it } from 'vitest';
import { addBusinessHours, businessHoursBetween, isBusinessDay } from '../../../src/actions/business-hours.ts';

const NY = 'America/New_York';

describe('business hours (Mon–Fri in LEAK_TZ)', () => {
  it('does not count the weekend', () => {
    // Thursday 10:00 New York + 48 business hours: Thu→Fri 10:00 is 24h, to Saturday 00:00 14h more, the weekend 0, Monday 00:00→10:00 the last 10h.
    const thu = Date.parse('2026-11-19T15:00:00Z');
    expect(new Date(addBusinessHours(thu, 48, NY)).toISOString()).toBe('2026-11-23T15:00:00.000Z');
    expect(businessHoursBetween(thu, Date.parse('2026-11-22T15:00:00Z'), NY)).toBe(38); // to Sunday 10:00
    expect(businessHoursBetween(thu, Date.parse('2026-11-23T15:00:00Z'), NY)).toBe(48);
  });

  it('counts plain weekday hours and knows a weekend day in the zone, not in UTC', () => {
    const mon = Date.parse('2026-11-23T14:00:00Z');
    expect(businessHoursBetween(mon, mon + 5 * 3_600_000, NY)).toBe(5);
    expect(isBusinessDay(Date.parse('2026-11-21T03:00:00Z'), NY)).toBe(true); // Friday 22:00 in New York
    expect(isBusinessDay(Date.parse('2026-11-21T06:00:00Z'), NY)).toBe(false);
  });
});
