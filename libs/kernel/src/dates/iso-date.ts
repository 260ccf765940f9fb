/**
 * Calendar arithmetic on ISO dates (YYYY-MM-DD) through day numbers, never through a Date: no
 * clock, no time zone, no silent roll-over (2020-02-30 is not a date, it does not become 1 March).
 * Every function that takes a date throws a RangeError when it is not a real one; callers that read
 * user input check it first with isIsoDate (or parseIsoDate) and answer a validation error.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface YMD {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a real calendar date written YYYY-MM-DD, or null (2020-02-30, 2020-9-1 are not). */
export function parseIsoDate(iso: string): YMD | null {
  const m = ISO_DATE.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** True for a real calendar date written YYYY-MM-DD (2020-02-30 is not one). */
export const isIsoDate = (value: unknown): value is string => typeof value === 'string' && parseIsoDate(value) !== null;

/** Days since 1970-01-01 (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function toDayNumber({ year, month, day }: YMD): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of toDayNumber (H. Hinnant's civil_from_days). */
export function fromDayNumber(n: number): YMD {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export const formatIsoDate = ({ year, month, day }: YMD): string =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export const weekdayOf = (dayNumber: number): number => (((dayNumber + 4) % 7) + 7) % 7;

/** The parts of an ISO date; a RangeError when it is not a real date. */
function ymdOf(isoDate: string): YMD {
  const ymd = parseIsoDate(isoDate);
  if (!ymd) throw new RangeError(`Not an ISO date: ${isoDate}`);
  return ymd;
}

/** The day number of an ISO date; a RangeError when it is not a real date. */
export const dayNumberOf = (isoDate: string): number => toDayNumber(ymdOf(isoDate));

/** The ISO date of a day number. */
export const isoDateOfDayNumber = (n: number): string => formatIsoDate(fromDayNumber(n));

/** The date n calendar days later (earlier for a negative n). */
export const addDays = (isoDate: string, n: number): string => isoDateOfDayNumber(dayNumberOf(isoDate) + n);

/** Calendar days from `from` to `to`: 1 from one day to the next, negative when `to` is earlier. */
export const daysBetween = (from: string, to: string): number => dayNumberOf(to) - dayNumberOf(from);

/** Same day n months later; a day the month lacks becomes its last day (08-31 + 6 -> 02-28). */
export function addMonths(isoDate: string, n: number): string {
  const ymd = ymdOf(isoDate);
  const total = ymd.year * 12 + (ymd.month - 1) + n;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return formatIsoDate({ year, month, day: Math.min(ymd.day, daysInMonth(year, month)) });
}

/** Completed years of age on `date`; someone born on 29 February turns a year older on 1 March in common years. */
export const ageOn = (birthDate: string, date: string): number => {
  const born = ymdOf(birthDate);
  const on = ymdOf(date);
  const hadBirthday = on.month > born.month || (on.month === born.month && on.day >= born.day);
  return on.year - born.year - (hadBirthday ? 0 : 1);
};
