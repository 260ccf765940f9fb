import { addWorkingDays, workingDaysBetween } from '@casework/kernel';
import { addWorkingDaysCached, workingDaysBetweenCached } from './case-queue.rules';

describe('date helpers of the projections (memoised)', () => {
  it('the cached working-day helpers answer as the kernel calendar does, errors included', () => {
    for (const day of ['2020-09-30', '2020-10-01', '2020-10-09', '2020-12-31', '2021-02-10']) {
      for (const n of [0, 1, 5, 10, -3]) expect(addWorkingDaysCached(day, n)).toBe(addWorkingDays(day, n));
      for (const to of ['2020-10-08', '2021-01-04'])
        expect(workingDaysBetweenCached(day, to)).toBe(workingDaysBetween(day, to));
    }
    expect(() => addWorkingDaysCached('2020-02-30', 1)).toThrow();
    expect(() => workingDaysBetweenCached('2020-13-01', '2020-12-01')).toThrow();
  });
});
