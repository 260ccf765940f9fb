import { addWorkingDays, workingDaysBetween } from '@casework/policy';
import { addWorkingDaysCached, chinaDate, workingDaysBetweenCached } from './case-queue.rules';

const plain = (instant: string) => new Date(Date.parse(instant) + 8 * 3_600_000).toISOString().slice(0, 10);

describe('date helpers of the projections (memoised)', () => {
  it('chinaDate turns the day at 16:00 UTC, as the plain computation does', () => {
    expect(chinaDate('2020-06-30T15:59:59.999Z')).toBe('2020-06-30');
    expect(chinaDate('2020-06-30T16:00:00Z')).toBe('2020-07-01');
    expect(chinaDate('2020-12-31T23:30:00.000Z')).toBe('2021-01-01');
    expect(chinaDate('2020-07-01T00:30:00+08:00')).toBe('2020-07-01');
    expect(chinaDate('2020-06-30T20:00:00-04:00')).toBe('2020-07-01');
  });

  it('chinaDate equals the plain computation over every hour of two years, twice (cache hits)', () => {
    for (let round = 0; round < 2; round++) {
      for (
        let t = Date.parse('2020-01-01T00:00:00Z');
        t < Date.parse('2022-01-01T00:00:00Z');
        t += 3_600_000 + 61_001
      ) {
        const instant = new Date(t).toISOString();
        expect([instant, chinaDate(instant)]).toEqual([instant, plain(instant)]);
      }
    }
  });

  it('the cached working-day helpers answer as the policy calendar does, errors included', () => {
    for (const day of ['2020-09-30', '2020-10-01', '2020-10-09', '2020-12-31', '2021-02-10']) {
      for (const n of [0, 1, 5, 10, -3]) expect(addWorkingDaysCached(day, n)).toBe(addWorkingDays(day, n));
      for (const to of ['2020-10-08', '2021-01-04'])
        expect(workingDaysBetweenCached(day, to)).toBe(workingDaysBetween(day, to));
    }
    expect(() => addWorkingDaysCached('2020-02-30', 1)).toThrow();
    expect(() => workingDaysBetweenCached('2020-13-01', '2020-12-01')).toThrow();
  });
});
