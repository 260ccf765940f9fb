import { ageOn, isOfWorkingAge, monthsToRetirement, statutoryRetirement } from './retirement';

/*
 * Statutory retirement ages: 2020 (men 60, women workers 50, women cadres 55) and the gradual
 * reform from 2025-01-01 (国务院关于渐进式提高职工法定退休年龄的办法): the first cohorts of its tables.
 */
describe('statutory retirement', () => {
  it('in 2020: a man at 60, a woman worker at 50, a woman cadre at 55', () => {
    expect(statutoryRetirement('1961-03-01', 'M', undefined, '2020-12-01')!.retiresOn).toBe('2021-03-01');
    expect(statutoryRetirement('1971-04-01', 'F', 'worker', '2020-12-01')!.retiresOn).toBe('2021-04-01');
    expect(statutoryRetirement('1966-04-01', 'F', 'cadre', '2020-12-01')!.retiresOn).toBe('2021-04-01');
    expect(statutoryRetirement('1966-04-01', 'F', undefined, '2020-12-01')).toBeNull();
  });
  it.each([
    // [birth, sex, category, age in months under the reform]
    ['1964-12-31', 'M', undefined, 720], // before the first cohort: 60
    ['1965-01-01', 'M', undefined, 721], // 1965-01 … 04: 60 years 1 month
    ['1965-04-30', 'M', undefined, 721],
    ['1965-05-01', 'M', undefined, 722],
    ['1976-09-01', 'M', undefined, 756], // 63 from the 1976-09 cohort on
    ['1990-01-01', 'M', undefined, 756],
    ['1970-01-01', 'F', 'cadre', 661], // women 55: every 4 months
    ['1981-09-01', 'F', 'cadre', 696], // 58
    ['1975-01-01', 'F', 'worker', 601], // women 50: every 2 months
    ['1975-03-01', 'F', 'worker', 602],
    ['1984-11-01', 'F', 'worker', 660], // 55
  ] as const)('from 2025: born %s (%s %s) retires at %d months of age', (birth, sex, category, months) => {
    expect(statutoryRetirement(birth, sex, category, '2025-06-01')!.ageMonths).toBe(months);
  });
  it('months to retirement count whole months from the date, 0 once retired', () => {
    expect(monthsToRetirement('1961-03-01', 'M', undefined, '2020-12-01')).toBe(3);
    expect(monthsToRetirement('1961-03-01', 'M', undefined, '2020-12-02')).toBe(2);
    expect(monthsToRetirement('1950-01-01', 'M', undefined, '2020-12-01')).toBe(0);
    // Born 1965-01-31: 60 years 1 month is 2025-02-28 (the month has no 31st).
    expect(statutoryRetirement('1965-01-31', 'M', undefined, '2025-01-02')!.retiresOn).toBe('2025-02-28');
  });
  it('age in completed years and working age 16 to the statutory retirement age', () => {
    expect(ageOn('2004-10-09', '2020-10-08')).toBe(15);
    expect(ageOn('2004-10-09', '2020-10-09')).toBe(16);
    expect(isOfWorkingAge({ birthDate: '2004-10-09', sex: 'M' }, '2020-10-09')).toBe(true);
    expect(isOfWorkingAge({ birthDate: '1960-10-09', sex: 'M' }, '2020-10-09')).toBe(false);
    expect(isOfWorkingAge({ birthDate: '1970-10-09', sex: 'F', retirementCategory: 'worker' }, '2020-10-09')).toBe(
      false,
    );
    expect(isOfWorkingAge({ birthDate: '1970-10-09', sex: 'F' }, '2020-10-09')).toBe(true);
  });
});
