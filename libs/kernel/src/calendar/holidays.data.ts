/**
 * Official PRC public holidays and adjusted working days (调休), from the State Council General
 * Office notices:
 * - 2020: 国办发明电〔2019〕16号, plus 国办发明电〔2020〕1号 extending the Spring Festival holiday
 *   to 2 Feb 2020 because of the epidemic (which also cancelled Saturday 1 Feb as a working day).
 * - 2021: 国办发明电〔2020〕27号.
 * A year not listed here falls back to Monday–Friday: see CALENDAR_YEARS.
 */
export interface HolidayYear {
  /** Days off, including weekend days inside a holiday block. */
  holidays: readonly { date: string; name: string }[];
  /** Weekend days that are working days (调休上班). */
  adjustedWorkingDays: readonly { date: string; name: string }[];
}

const block = (name: string, ...dates: string[]) => dates.map((date) => ({ date, name }));

export const HOLIDAY_TABLE: Readonly<Record<number, HolidayYear>> = {
  2020: {
    holidays: [
      ...block('元旦 New Year', '2020-01-01'),
      ...block(
        '春节 Spring Festival (extended to 2 Feb for the epidemic)',
        '2020-01-24',
        '2020-01-25',
        '2020-01-26',
        '2020-01-27',
        '2020-01-28',
        '2020-01-29',
        '2020-01-30',
        '2020-01-31',
        '2020-02-01',
        '2020-02-02',
      ),
      ...block('清明节 Qingming', '2020-04-04', '2020-04-05', '2020-04-06'),
      ...block('劳动节 Labour Day', '2020-05-01', '2020-05-02', '2020-05-03', '2020-05-04', '2020-05-05'),
      ...block('端午节 Dragon Boat', '2020-06-25', '2020-06-26', '2020-06-27'),
      ...block(
        '国庆节、中秋节 National Day and Mid-Autumn',
        '2020-10-01',
        '2020-10-02',
        '2020-10-03',
        '2020-10-04',
        '2020-10-05',
        '2020-10-06',
        '2020-10-07',
        '2020-10-08',
      ),
    ],
    adjustedWorkingDays: [
      ...block('春节调休', '2020-01-19'),
      ...block('劳动节调休', '2020-04-26', '2020-05-09'),
      ...block('端午节调休', '2020-06-28'),
      ...block('国庆节调休', '2020-09-27', '2020-10-10'),
    ],
  },
  2021: {
    holidays: [
      ...block('元旦 New Year', '2021-01-01', '2021-01-02', '2021-01-03'),
      ...block(
        '春节 Spring Festival',
        '2021-02-11',
        '2021-02-12',
        '2021-02-13',
        '2021-02-14',
        '2021-02-15',
        '2021-02-16',
        '2021-02-17',
      ),
      ...block('清明节 Qingming', '2021-04-03', '2021-04-04', '2021-04-05'),
      ...block('劳动节 Labour Day', '2021-05-01', '2021-05-02', '2021-05-03', '2021-05-04', '2021-05-05'),
      ...block('端午节 Dragon Boat', '2021-06-12', '2021-06-13', '2021-06-14'),
      ...block('中秋节 Mid-Autumn', '2021-09-19', '2021-09-20', '2021-09-21'),
      ...block(
        '国庆节 National Day',
        '2021-10-01',
        '2021-10-02',
        '2021-10-03',
        '2021-10-04',
        '2021-10-05',
        '2021-10-06',
        '2021-10-07',
      ),
    ],
    adjustedWorkingDays: [
      ...block('春节调休', '2021-02-07', '2021-02-20'),
      ...block('劳动节调休', '2021-04-25', '2021-05-08'),
      ...block('中秋节调休', '2021-09-18'),
      ...block('国庆节调休', '2021-09-26', '2021-10-09'),
    ],
  },
};
