import { describe, expect, it } from 'vitest';
import {
  US_MIN_LEAD_DAYS,
  addDays,
  checkTargetPortDate,
  compareOffsetTimes,
  daysBetween,
  earliestTargetPortDate,
  formatOffsetTime,
  isBusinessDay,
  isCalendarDate,
  localDateString,
  offsetTimeInZone,
  parseOffsetTime,
  usFederalHolidayOn,
  usFederalHolidays,
} from '../../../shared/domain';

const dates = (year: number) =>
  usFederalHolidays(year).map((h) => [h.date, h.name, h.observed] as const);

describe('US federal holidays', () => {
  it('lists 2026, with Independence Day observed on Friday July 3', () => {
    expect(dates(2026)).toEqual([
      ['2026-01-01', "New Year's Day", false],
      ['2026-01-19', 'Martin Luther King Jr. Day', false],
      ['2026-02-16', "Washington's Birthday (Presidents' Day)", false],
      ['2026-05-25', 'Memorial Day', false],
      ['2026-06-19', 'Juneteenth National Independence Day', false],
      ['2026-07-03', 'Independence Day (observed)', true],
      ['2026-07-04', 'Independence Day', false],
      ['2026-09-07', 'Labor Day', false],
      ['2026-10-12', 'Columbus Day', false],
      ['2026-11-11', 'Veterans Day', false],
      ['2026-11-26', 'Thanksgiving Day', false],
      ['2026-12-25', 'Christmas Day', false],
    ]);
  });

  it("lists 2027, with weekend holidays observed and 2028's New Year's Day on December 31", () => {
    expect(dates(2027)).toEqual([
      ['2027-01-01', "New Year's Day", false],
      ['2027-01-18', 'Martin Luther King Jr. Day', false],
      ['2027-02-15', "Washington's Birthday (Presidents' Day)", false],
      ['2027-05-31', 'Memorial Day', false],
      ['2027-06-18', 'Juneteenth National Independence Day (observed)', true],
      ['2027-06-19', 'Juneteenth National Independence Day', false],
      ['2027-07-04', 'Independence Day', false],
      ['2027-07-05', 'Independence Day (observed)', true],
      ['2027-09-06', 'Labor Day', false],
      ['2027-10-11', 'Columbus Day', false],
      ['2027-11-11', 'Veterans Day', false],
      ['2027-11-25', 'Thanksgiving Day', false],
      ['2027-12-24', 'Christmas Day (observed)', true],
      ['2027-12-25', 'Christmas Day', false],
      ['2027-12-31', "New Year's Day (observed)", true],
    ]);
  });

  it('has no Juneteenth before 2021', () => {
    expect(dates(2020).some(([, name]) => name.startsWith('Juneteenth'))).toBe(false);
    expect(dates(2021).some(([, name]) => name.startsWith('Juneteenth'))).toBe(true);
  });

  it.each([
    ['2026-07-03', 'Independence Day (observed)'],
    ['2027-12-31', "New Year's Day (observed)"],
    ['2026-11-26', 'Thanksgiving Day'],
    ['2026-07-06', null],
  ])('knows what holiday %s is', (date, name) => {
    expect(usFederalHolidayOn(date)?.name ?? null).toBe(name);
  });

  it.each([
    ['2026-06-08', true],
    ['2026-06-06', false],
    ['2026-06-07', false],
    ['2026-07-03', false],
    ['2026-12-25', false],
    ['2026-12-24', true],
  ])('%s is a business day: %s', (date, expected) => {
    expect(isBusinessDay(date)).toBe(expected);
  });
});

describe('calendar arithmetic', () => {
  it('steps over month and year ends and leap days', () => {
    expect(addDays('2026-12-29', 7)).toBe('2027-01-05');
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
    expect(daysBetween('2026-06-01', '2026-06-08')).toBe(7);
    expect(daysBetween('2026-06-08', '2026-06-01')).toBe(-7);
  });

  it.each(['2026-02-29', '2026-13-01', '2026-6-1', '06/01/2026', ''])(
    'refuses %j as a date',
    (text) => {
      expect(isCalendarDate(text)).toBe(false);
    },
  );

  it('takes the local calendar date of an instant, not the UTC one', () => {
    expect(localDateString(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05');
    expect(localDateString(new Date(2026, 0, 5, 0, 15))).toBe('2026-01-05');
  });
});

describe('target port date', () => {
  it.each([
    ['2026-06-01', '2026-06-08'], // Monday + 7 = Monday
    ['2026-06-26', '2026-07-06'], // + 7 = Fri July 3 (observed holiday) → Monday July 6
    ['2026-11-19', '2026-11-27'], // + 7 = Thanksgiving → Friday
    ['2026-12-18', '2026-12-28'], // + 7 = Christmas (Friday) → Monday
    ['2027-12-17', '2027-12-27'], // + 7 = Christmas observed on Friday Dec 24 → Monday
    ['2027-12-24', '2028-01-03'], // + 7 = New Year's 2028 observed on Friday Dec 31 → Monday
    ['2026-06-05', '2026-06-12'], // Friday + 7 = Friday
  ])('from %s suggests %s', (today, expected) => {
    expect(earliestTargetPortDate({ today })).toBe(expected);
  });

  it('suggests the Monday after when seven days ahead is a weekend', () => {
    expect(earliestTargetPortDate({ today: '2026-06-06' })).toBe('2026-06-15');
  });

  it('accepts a business day exactly seven days ahead', () => {
    expect(US_MIN_LEAD_DAYS).toBe(7);
    expect(checkTargetPortDate('2026-06-08', { today: '2026-06-01' })).toEqual([]);
  });

  it('refuses a date less than seven days ahead, naming the first allowed date', () => {
    const [issue, ...rest] = checkTargetPortDate('2026-06-05', { today: '2026-06-01' });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({ code: 'too_soon', severity: 'error' });
    expect(issue?.message).toMatch(/at least 7 days from today: Monday 2026-06-08 or later/);
  });

  it('adds the earliest business day when the first allowed date is not one', () => {
    const [issue] = checkTargetPortDate('2026-06-30', { today: '2026-06-26' });
    expect(issue?.message).toMatch(
      /Friday 2026-07-03 or later\. The earliest business day is Monday 2026-07-06/,
    );
  });

  it('refuses a date in the past', () => {
    expect(checkTargetPortDate('2026-05-01', { today: '2026-06-01' })[0]?.code).toBe('too_soon');
  });

  it('warns about a weekend without blocking', () => {
    expect(checkTargetPortDate('2026-06-13', { today: '2026-06-01' })).toEqual([
      { code: 'weekend', severity: 'warning', message: expect.stringMatching(/Saturday/) },
    ]);
  });

  it('warns about a federal holiday, including its observed day', () => {
    const issues = checkTargetPortDate('2026-07-03', { today: '2026-06-01' });
    expect(issues).toEqual([
      {
        code: 'holiday',
        severity: 'warning',
        message: expect.stringMatching(/Independence Day \(observed\).*22158/),
      },
    ]);
  });

  it('flags both for a holiday on a weekend', () => {
    const codes = checkTargetPortDate('2026-07-04', { today: '2026-06-01' }).map((i) => i.code);
    expect(codes).toEqual(['weekend', 'holiday']);
  });

  it('refuses text that is not a date', () => {
    expect(checkTargetPortDate('next Tuesday', { today: '2026-06-01' })).toEqual([
      { code: 'not_a_date', severity: 'error', message: expect.stringMatching(/2026-06-01/) },
    ]);
  });
});

describe('port time window', () => {
  it.each([
    ['10:00:00-05:00', { hours: 10, minutes: 0, seconds: 0, offsetMinutes: -300 }],
    ['10:15-08:00', { hours: 10, minutes: 15, seconds: 0, offsetMinutes: -480 }],
    ['20:00:00+01:00', { hours: 20, minutes: 0, seconds: 0, offsetMinutes: 60 }],
    ['15:30:00Z', { hours: 15, minutes: 30, seconds: 0, offsetMinutes: 0 }],
    ['09:00:00+05:30', { hours: 9, minutes: 0, seconds: 0, offsetMinutes: 330 }],
  ])('reads %s', (text, expected) => {
    expect(parseOffsetTime(text)).toEqual(expected);
  });

  it.each(['10:00', '10:00:00', '24:00:00-05:00', '10:60:00-05:00', '10:00:00-5:00', 'ten'])(
    'refuses %j (an offset is required)',
    (text) => {
      expect(parseOffsetTime(text)).toBeNull();
    },
  );

  it('writes the wire form with seconds and a numeric offset', () => {
    expect(formatOffsetTime({ hours: 10, minutes: 0, seconds: 0, offsetMinutes: -300 })).toBe(
      '10:00:00-05:00',
    );
    expect(formatOffsetTime({ hours: 9, minutes: 5, seconds: 0, offsetMinutes: 0 })).toBe(
      '09:05:00+00:00',
    );
    expect(formatOffsetTime({ hours: 9, minutes: 0, seconds: 0, offsetMinutes: 330 })).toBe(
      '09:00:00+05:30',
    );
  });

  it('compares times by the instant they name, whatever their offsets', () => {
    expect(compareOffsetTimes('10:00:00-05:00', '16:00:00-05:00')).toBeLessThan(0);
    expect(compareOffsetTimes('10:00:00-05:00', '09:00:00-06:00')).toBe(0);
    expect(compareOffsetTimes('10:00:00-05:00', '10:00:00-06:00')).toBeLessThan(0);
    expect(compareOffsetTimes('10:00:00-05:00', 'noon')).toBeNull();
  });

  it('turns a local time in a US time zone into the offset of that date', () => {
    expect(offsetTimeInZone('2026-06-10', '10:00', 'America/Chicago')).toBe('10:00:00-05:00');
    expect(offsetTimeInZone('2026-12-10', '10:00', 'America/Chicago')).toBe('10:00:00-06:00');
    expect(offsetTimeInZone('2026-03-08', '10:00', 'America/New_York')).toBe('10:00:00-04:00');
    expect(offsetTimeInZone('2026-07-01', '16:30', 'Pacific/Honolulu')).toBe('16:30:00-10:00');
    expect(offsetTimeInZone('2026-07-01', '08:00', 'UTC')).toBe('08:00:00+00:00');
  });

  it('refuses a malformed time of day or time zone', () => {
    expect(() => offsetTimeInZone('2026-06-10', '9am', 'America/Chicago')).toThrow(/HH:MM/);
    expect(() => offsetTimeInZone('2026-06-10', '09:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});
