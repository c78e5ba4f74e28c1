import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isIsoDate, isoWeekday, listDays, sameWeekdaysBefore, zoneClock } from '../../src/time.ts';

const ms = (iso: string) => Date.parse(iso);
const iso = (n: number) => new Date(n).toISOString();

describe('zoneClock: local dates and minutes', () => {
  const ny = zoneClock('America/New_York');

  it('midnight: 23:59 and 00:01 local are different days', () => {
    expect([ny.localDate(ms('2026-11-21T04:59:00Z')), ny.localMinute(ms('2026-11-21T04:59:00Z'))]).toEqual(['2026-11-20', 1439]);
    expect([ny.localDate(ms('2026-11-21T05:01:00Z')), ny.localMinute(ms('2026-11-21T05:01:00Z'))]).toEqual(['2026-11-21', 1]);
    expect(ny.localDate(ms('2026-11-21T04:59:59.999Z'))).toBe('2026-11-20');
    expect(ny.localDate(ms('2026-11-21T05:00:00.000Z'))).toBe('2026-11-21');
  });

  it('spring forward, 2026-03-08: 01:59 EST is followed by 03:00 EDT', () => {
    expect(ny.offsetAt(ms('2026-03-08T06:59:59Z'))).toBe(-5 * 3_600_000);
    expect(ny.offsetAt(ms('2026-03-08T07:00:00Z'))).toBe(-4 * 3_600_000);
    expect(ny.localMinute(ms('2026-03-08T06:59:00Z'))).toBe(1 * 60 + 59);
    expect(ny.localMinute(ms('2026-03-08T07:00:00Z'))).toBe(3 * 60);
    expect(ny.startOfDay('2026-03-08')).toBe(ms('2026-03-08T05:00:00Z'));
    expect(ny.startOfDay('2026-03-09')).toBe(ms('2026-03-09T04:00:00Z'));
    expect(ny.startOfDay('2026-03-09') - ny.startOfDay('2026-03-08')).toBe(23 * 3_600_000);
    expect(ny.localDate(ms('2026-03-09T03:59:59Z'))).toBe('2026-03-08');
  });

  it('fall back, 2026-11-01: 01:30 happens twice and the day lasts 25 hours', () => {
    expect(ny.localMinute(ms('2026-11-01T05:30:00Z'))).toBe(90);
    expect(ny.localMinute(ms('2026-11-01T06:30:00Z'))).toBe(90);
    expect(ny.startOfDay('2026-11-01')).toBe(ms('2026-11-01T04:00:00Z'));
    expect(ny.startOfDay('2026-11-02')).toBe(ms('2026-11-02T05:00:00Z'));
    expect(ny.startOfDay('2026-11-02') - ny.startOfDay('2026-11-01')).toBe(25 * 3_600_000);
    expect(ny.localDate(ms('2026-11-02T04:59:59Z'))).toBe('2026-11-01');
  });

  it('startOfDay is the first instant of the local date, also where midnight is skipped (Santiago, 2026-09-06)', () => {
    const scl = zoneClock('America/Santiago');
    expect(iso(scl.startOfDay('2026-09-06'))).toBe('2026-09-06T04:00:00.000Z'); // 00:00 −04 is 01:00 −03
    expect(scl.localDate(scl.startOfDay('2026-09-06') - 1)).toBe('2026-09-05');
    expect(iso(scl.startOfDay('2026-04-05'))).toBe('2026-04-05T04:00:00.000Z'); // after 23:00 happened twice on the 4th
    expect(iso(scl.startOfDay('2026-04-04'))).toBe('2026-04-04T03:00:00.000Z');
  });

  it('quarter-hour zones and UTC', () => {
    const ktm = zoneClock('Asia/Kathmandu'); // +05:45
    expect(ktm.localDate(ms('2026-11-20T18:14:59Z'))).toBe('2026-11-20');
    expect(ktm.localDate(ms('2026-11-20T18:15:00Z'))).toBe('2026-11-21');
    expect(iso(ktm.startOfDay('2026-11-21'))).toBe('2026-11-20T18:15:00.000Z');
    expect(zoneClock('UTC').startOfDay('2026-11-20')).toBe(ms('2026-11-20T00:00:00Z'));
  });

  it('localTime and localDateTime write the local wall clock, zero-padded', () => {
    expect(ny.localTime(ms('2026-11-20T14:05:00Z'))).toBe('09:05');
    expect(ny.localDateTime(ms('2026-11-21T03:00:00Z'))).toBe('2026-11-20 22:00');
    expect(zoneClock('Asia/Kathmandu').localDateTime(ms('2026-11-20T18:15:00Z'))).toBe('2026-11-21 00:00');
  });

  it('today(now) is the local date of now', () => {
    expect(ny.today(ms('2026-11-21T03:00:00Z'))).toBe('2026-11-20');
    expect(zoneClock('Asia/Tokyo').today(ms('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
  });

  it('instants before 1970 are bucketed correctly too', () => {
    expect(ny.localDate(ms('1969-07-21T02:56:00Z'))).toBe('1969-07-20');
    expect(ny.localMinute(ms('1969-07-21T02:56:00Z'))).toBe(22 * 60 + 56);
  });
});

describe('calendar helpers', () => {
  it('addDays, daysBetween across month, year and DST boundaries', () => {
    expect(addDays('2026-11-20', -7)).toBe('2026-11-13');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-07', 2)).toBe('2026-03-09');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(daysBetween('2025-11-20', '2026-11-20')).toBe(365);
    expect(daysBetween('2026-11-01', '2026-11-02')).toBe(1);
  });

  it('listDays: from..to inclusive across a month end, none when from is after to', () => {
    expect(listDays('2026-11-29', '2026-12-01')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
    expect(listDays('2026-11-20', '2026-11-20')).toEqual(['2026-11-20']);
    expect(listDays('2026-11-21', '2026-11-20')).toEqual([]);
  });

  it('sameWeekdaysBefore: the same weekday of the weeks before, none before the first day, none without one', () => {
    expect(sameWeekdaysBefore('2026-11-23', 4, '2026-01-01')).toEqual(['2026-11-16', '2026-11-09', '2026-11-02', '2026-10-26']);
    expect(sameWeekdaysBefore('2026-11-23', 4, '2026-11-09')).toEqual(['2026-11-16', '2026-11-09']);
    expect(sameWeekdaysBefore('2026-11-23', 4, null)).toEqual([]);
  });

  it('isIsoDate accepts only real dates written YYYY-MM-DD', () => {
    expect(isIsoDate('2026-11-20')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-11-31', '2026-13-01', '2026-1-20', '20-11-2026', '2026-11-20T00:00', '']) expect(isIsoDate(bad)).toBe(false);
  });

  it('isoWeekday: Monday 1 … Sunday 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-22')).toBe(7);
  });
});

describe('dates outside years 1000–9999 throw instead of comparing wrongly', () => {
  it('addDays never writes "+010000-01-01" (which sorts before 9999-12-31): a day loop past 9999 throws', () => {
    expect(addDays('9999-12-30', 1)).toBe('9999-12-31');
    expect(() => addDays('9999-12-31', 1)).toThrow(/9999-12-31 \+ 1 days is outside 1000-01-01 to 9999-12-31/);
    expect(() => addDays('1000-01-01', -1)).toThrow(RangeError);
    let steps = 0;
    const walk = () => {
      for (let d = '9999-12-25'; d <= '9999-12-31'; d = addDays(d, 1)) if (++steps > 100) throw new Error('the loop did not end');
    };
    expect(walk).toThrow(RangeError);
    expect(steps).toBe(7);
  });

  it('addDays, daysBetween and isoWeekday refuse what is not a date, and fractional days', () => {
    for (const bad of ['+010000-01-01', '2026-02-30', '0999-12-31', '']) {
      expect(() => addDays(bad, 1)).toThrow(RangeError);
      expect(() => daysBetween('2026-01-01', bad)).toThrow(RangeError);
      expect(() => isoWeekday(bad)).toThrow(RangeError);
    }
    expect(() => addDays('2026-01-01', 0.5)).toThrow(/whole number of days/);
  });

  it('a local date before year 1000 or past 9999 throws (year 0 used to come out as 1901)', () => {
    const ny = zoneClock('America/New_York');
    expect(() => ny.localDate(ms('0000-06-01T12:00:00Z'))).toThrow(/outside 1000-01-01 to 9999-12-31/);
    expect(() => ny.localDate(ms('0050-06-01T12:00:00Z'))).toThrow(RangeError);
    expect(() => zoneClock('Asia/Tokyo').localDate(ms('9999-12-31T20:00:00Z'))).toThrow(RangeError);
    expect(zoneClock('UTC').localDate(ms('9999-12-31T20:00:00Z'))).toBe('9999-12-31');
    expect(ny.localDate(ms('1000-01-02T12:00:00Z'))).toBe('1000-01-02');
    expect(() => ny.localDate(Number.NaN)).toThrow(RangeError);
    expect(() => ny.startOfDay('+010000-01-01')).toThrow(RangeError);
  });
});
