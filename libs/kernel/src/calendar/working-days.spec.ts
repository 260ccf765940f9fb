import { DomainError } from '../errors';
import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber, weekdayOf } from '../dates/iso-date';
import { HOLIDAY_TABLE } from './holidays.data';
import { CALENDAR_YEARS, addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';

const weekday = (iso: string) => weekdayOf(toDayNumber(parseIsoDate(iso)!));

describe('working-day calendar (State Council holiday notices 2020, 2021)', () => {
  it('covers 2020 and 2021', () => {
    expect(CALENDAR_YEARS).toEqual([2020, 2021]);
  });

  describe('given the 2020 National Day and Mid-Autumn holiday (1–8 Oct, 27 Sep and 10 Oct worked)', () => {
    it('then Saturday 2020-10-10 is a working day', () => {
      expect(weekday('2020-10-10')).toBe(6);
      expect(isWorkingDay('2020-10-10')).toBe(true);
    });
    it('then Monday 2020-10-05 is not', () => {
      expect(weekday('2020-10-05')).toBe(1);
      expect(isWorkingDay('2020-10-05')).toBe(false);
    });
    it('then Sunday 2020-09-27 is a working day', () => {
      expect(isWorkingDay('2020-09-27')).toBe(true);
    });
  });

  describe('given the epidemic extension of the 2020 Spring Festival to 2 Feb', () => {
    it('then Friday 31 Jan and Saturday 1 Feb are days off and Monday 3 Feb is a working day', () => {
      expect(isWorkingDay('2020-01-31')).toBe(false);
      expect(isWorkingDay('2020-02-01')).toBe(false);
      expect(isWorkingDay('2020-02-03')).toBe(true);
      expect(isWorkingDay('2020-01-19')).toBe(true);
    });
  });

  it('2020 Labour Day: 26 Apr and 9 May worked, 1–5 May off', () => {
    expect(isWorkingDay('2020-04-26')).toBe(true);
    expect(isWorkingDay('2020-05-09')).toBe(true);
    expect(isWorkingDay('2020-05-04')).toBe(false);
  });

  it('2020 Dragon Boat: 25–27 Jun off, Sunday 28 Jun worked', () => {
    expect(isWorkingDay('2020-06-25')).toBe(false);
    expect(isWorkingDay('2020-06-28')).toBe(true);
  });

  it('2021: Spring Festival 11–17 Feb off with 7 and 20 Feb worked; Mid-Autumn 18 Sep worked', () => {
    expect(isWorkingDay('2021-02-15')).toBe(false);
    expect(isWorkingDay('2021-02-07')).toBe(true);
    expect(isWorkingDay('2021-02-20')).toBe(true);
    expect(isWorkingDay('2021-09-18')).toBe(true);
    expect(isWorkingDay('2021-09-20')).toBe(false);
    expect(isWorkingDay('2021-10-09')).toBe(true);
  });

  it('every adjusted working day in the table falls on a weekend, and every holiday-block weekday is off', () => {
    for (const year of Object.values(HOLIDAY_TABLE)) {
      for (const { date } of year.adjustedWorkingDays)
        expect([date, [0, 6].includes(weekday(date))]).toEqual([date, true]);
      for (const { date } of year.holidays) expect([date, isWorkingDay(date)]).toEqual([date, false]);
    }
  });

  describe('addWorkingDays', () => {
    it('given Wednesday 2020-09-30, 1 working day later is Friday 2020-10-09 (skipping the Golden Week)', () => {
      expect(addWorkingDays('2020-09-30', 1)).toBe('2020-10-09');
      expect(addWorkingDays('2020-09-30', 2)).toBe('2020-10-10');
      expect(addWorkingDays('2020-09-30', 3)).toBe('2020-10-12');
    });
    it('given a public notice of 5 working days from Friday 2020-11-13, it ends Friday 2020-11-20', () => {
      expect(addWorkingDays('2020-11-13', 5)).toBe('2020-11-20');
    });
    it('0 returns the date and a negative n counts backwards', () => {
      expect(addWorkingDays('2020-10-09', 0)).toBe('2020-10-09');
      expect(addWorkingDays('2020-10-09', -1)).toBe('2020-09-30');
    });
    it('outside the covered years it falls back to Monday–Friday', () => {
      expect(addWorkingDays('2019-12-31', 1)).toBe('2020-01-02');
      expect(isWorkingDay('2022-01-03')).toBe(true);
      expect(isWorkingDay('2022-01-01')).toBe(false);
    });
    it('rejects malformed dates with a validation error', () => {
      expect(() => addWorkingDays('2020-02-30', 1)).toThrow(DomainError);
      expect(() => isWorkingDay('20201010')).toThrow(/not a real date/);
    });
  });

  describe('workingDaysBetween', () => {
    it('counts (from, to]: 2020-09-30 → 2020-10-12 is 3 working days', () => {
      expect(workingDaysBetween('2020-09-30', '2020-10-12')).toBe(3);
      expect(workingDaysBetween('2020-10-12', '2020-09-30')).toBe(-3);
      expect(workingDaysBetween('2020-10-12', '2020-10-12')).toBe(0);
    });
    it('2020 had 249 working days, 2021 had 250 (counted by hand from the notices)', () => {
      expect(workingDaysBetween('2019-12-31', '2020-12-31')).toBe(249);
      expect(workingDaysBetween('2020-12-31', '2021-12-31')).toBe(250);
    });
    it('inverts addWorkingDays', () => {
      for (const n of [1, 7, 30, 120])
        expect(workingDaysBetween('2020-01-20', addWorkingDays('2020-01-20', n))).toBe(n);
    });
  });

  it('day numbers round-trip across leap years', () => {
    for (
      let n = toDayNumber({ year: 2019, month: 12, day: 1 });
      n < toDayNumber({ year: 2021, month: 3, day: 1 });
      n++
    ) {
      expect(toDayNumber(parseIsoDate(formatIsoDate(fromDayNumber(n)))!)).toBe(n);
    }
    expect(parseIsoDate('2020-02-29')).not.toBeNull();
    expect(parseIsoDate('2021-02-29')).toBeNull();
  });
});
