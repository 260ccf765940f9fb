import { addMonths, isIsoDate, isIsoInstant, localDateOf } from './time';

describe('time helpers (no clock)', () => {
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
});
