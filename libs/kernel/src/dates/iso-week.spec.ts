import { DomainError } from '../errors';
import { isoWeekOf, parseIsoWeek } from './iso-week';

describe('ISO weeks', () => {
  it('gives Monday to Sunday of a week', () => {
    expect(parseIsoWeek('2020-W46')).toEqual({ week: '2020-W46', from: '2020-11-09', to: '2020-11-15' });
    expect(parseIsoWeek('2020-W53')).toEqual({ week: '2020-W53', from: '2020-12-28', to: '2021-01-03' });
    expect(parseIsoWeek('2021-W01').from).toBe('2021-01-04');
  });

  it('finds the week of a day, across the year end', () => {
    expect(isoWeekOf('2021-01-01').week).toBe('2020-W53');
    expect(isoWeekOf('2020-11-15').week).toBe('2020-W46');
    expect(isoWeekOf('2019-12-30').week).toBe('2020-W01');
  });

  it.each(['2021-W53', '2020-W00', '2020-46', '2020W46', ''])('rejects %p naming week', (value) => {
    try {
      parseIsoWeek(value);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).details.errors?.map((x) => x.field)).toEqual(['week']);
    }
  });
});
