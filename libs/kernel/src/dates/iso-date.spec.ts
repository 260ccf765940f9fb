import { isIsoInstant, localDateOf } from './instant';
import { addDays, addMonths, ageOn, daysBetween, isIsoDate, parseIsoDate } from './iso-date';

describe('ISO dates and instants (no clock)', () => {
  it('localDateOf gives the date in China Standard Time', () => {
    expect(localDateOf('2020-09-30T15:59:59Z')).toBe('2020-09-30');
    expect(localDateOf('2020-09-30T16:00:00Z')).toBe('2020-10-01');
    expect(localDateOf('2020-12-31T16:00:00.000Z')).toBe('2021-01-01');
    expect(localDateOf('2020-10-01T08:00:00+08:00')).toBe('2020-10-01');
    expect(() => localDateOf('yesterday')).toThrow(RangeError);
  });
  it("addMonths keeps the day or falls back to the month's last day", () => {
    expect(addMonths('2020-08-31', 6)).toBe('2021-02-28');
    expect(addMonths('2019-08-31', 6)).toBe('2020-02-29');
    expect(addMonths('2020-11-15', 3)).toBe('2021-02-15');
    expect(addMonths('2020-01-31', 0)).toBe('2020-01-31');
    expect(addMonths('2021-03-31', -1)).toBe('2021-02-28');
  });
  it('isIsoDate rejects impossible dates; isIsoInstant needs an offset', () => {
    expect([isIsoDate('2020-02-29'), isIsoDate('2021-02-29'), isIsoDate('2020-13-01'), isIsoDate('2020-9-1')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
    expect([
      isIsoInstant('2020-09-30T02:00:00Z'),
      isIsoInstant('2020-09-30T02:00:00'),
      isIsoInstant('2020-09-30'),
    ]).toEqual([true, false, false]);
  });
  it('addDays and daysBetween count calendar days across month, year and leap day', () => {
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('2020-12-31', 1)).toBe('2021-01-01');
    expect(addDays('2021-01-01', -1)).toBe('2020-12-31');
    expect(daysBetween('2020-02-01', '2020-03-01')).toBe(29);
    expect(daysBetween('2021-03-01', '2021-02-01')).toBe(-28);
    expect(daysBetween('2020-10-01', addDays('2020-10-01', 365))).toBe(365);
  });
  it('refuses what is not a date instead of rolling it over', () => {
    expect(parseIsoDate('2020-02-30')).toBeNull();
    expect(() => addDays('2020-02-30', 1)).toThrow(RangeError);
    expect(() => daysBetween('2020-01-01', '2020-13-01')).toThrow(RangeError);
    expect(() => addMonths('2020-9-1', 1)).toThrow(RangeError);
  });
  it('ageOn counts completed years; a 29 February birthday turns over on 1 March in common years', () => {
    expect(ageOn('1960-10-01', '2020-09-30')).toBe(59);
    expect(ageOn('1960-10-01', '2020-10-01')).toBe(60);
    expect(ageOn('2000-02-29', '2021-02-28')).toBe(20);
    expect(ageOn('2000-02-29', '2021-03-01')).toBe(21);
  });
});
