import { localDateOf, localHourOf } from './instant';

/** What the date of an instant in China is, computed the plain way through Date. */
const plainDate = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

describe('the China local date and hour of an instant', () => {
  it('turns the day at 16:00 UTC, whatever the offset the instant is written in', () => {
    expect(localDateOf('2020-06-30T15:59:59.999Z')).toBe('2020-06-30');
    expect(localDateOf('2020-06-30T16:00:00Z')).toBe('2020-07-01');
    expect(localDateOf('2020-12-31T23:30:00.000Z')).toBe('2021-01-01');
    expect(localDateOf('2020-02-28T16:00:00Z')).toBe('2020-02-29');
    expect(localDateOf('2020-07-01T00:30:00+08:00')).toBe('2020-07-01');
    expect(localDateOf('2020-06-30T20:00:00-04:00')).toBe('2020-07-01');
  });

  it('equals the plain computation over every hour of two years (the path without Date.parse)', () => {
    for (let t = Date.parse('2020-01-01T00:00:00Z'); t < Date.parse('2022-01-01T00:00:00Z'); t += 3_600_000 + 61_001) {
      const instant = new Date(t).toISOString();
      expect([instant, localDateOf(instant)]).toEqual([instant, plainDate(instant)]);
    }
  });

  it('answers as Date.parse does for what only Date.parse accepts, and refuses the rest', () => {
    // Date.parse rolls 30 February over and reads 24:00 as the next midnight; the result stays the same.
    for (const lenient of ['2020-02-30T10:00:00Z', '2020-01-01T24:00:00Z', '2021-02-29T20:00:00Z'])
      expect(localDateOf(lenient)).toBe(plainDate(lenient));
    expect(() => localDateOf('yesterday')).toThrow(RangeError);
    expect(() => localDateOf('2020-01-01T10:60:00Z')).toThrow(RangeError);
  });

  it('gives the hour in China time', () => {
    expect(localHourOf('2020-06-30T15:59:59Z')).toBe(23);
    expect(localHourOf('2020-06-30T16:00:00Z')).toBe(0);
    expect(localHourOf('2020-07-01T09:30:00+08:00')).toBe(9);
    expect(localHourOf('1969-12-31T15:00:00Z')).toBe(23);
    expect(() => localHourOf('noon')).toThrow(RangeError);
  });
});
