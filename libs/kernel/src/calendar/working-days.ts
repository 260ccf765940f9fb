import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber, weekdayOf } from '../dates/iso-date';
import { validationError } from '../errors';
import { HOLIDAY_TABLE } from './holidays.data';

/**
 * Years with an official holiday table. Outside these years the calendar falls back to plain
 * Monday–Friday (no holidays), which is wrong for real holidays: add the year's table first.
 */
export const CALENDAR_YEARS: readonly number[] = Object.keys(HOLIDAY_TABLE).map(Number).sort();

const HOLIDAYS = new Set(Object.values(HOLIDAY_TABLE).flatMap((y) => y.holidays.map((h) => h.date)));
const ADJUSTED_WORKING_DAYS = new Set(
  Object.values(HOLIDAY_TABLE).flatMap((y) => y.adjustedWorkingDays.map((h) => h.date)),
);

function dayNumberOf(iso: string, field: string): number {
  const ymd = parseIsoDate(iso);
  if (!ymd) throw validationError([{ field, reason: `"${iso}" is not a real date in the form YYYY-MM-DD` }]);
  return toDayNumber(ymd);
}

function isWorkingDayNumber(n: number): boolean {
  const iso = formatIsoDate(fromDayNumber(n));
  if (HOLIDAYS.has(iso)) return false;
  if (ADJUSTED_WORKING_DAYS.has(iso)) return true;
  const wd = weekdayOf(n);
  return wd !== 0 && wd !== 6;
}

/** Whether government offices work on that day (holidays and 调休 applied for CALENDAR_YEARS). */
export function isWorkingDay(isoDate: string): boolean {
  return isWorkingDayNumber(dayNumberOf(isoDate, 'date'));
}

/**
 * The n-th working day after the date (the date itself never counts). n = 0 returns the date
 * unchanged; a negative n counts backwards.
 */
export function addWorkingDays(isoDate: string, n: number): string {
  if (!Number.isInteger(n)) throw validationError([{ field: 'n', reason: 'must be a whole number of working days' }]);
  let day = dayNumberOf(isoDate, 'date');
  const step = n < 0 ? -1 : 1;
  for (let left = Math.abs(n); left > 0;) {
    day += step;
    if (isWorkingDayNumber(day)) left--;
  }
  return formatIsoDate(fromDayNumber(day));
}

/**
 * Working days in (from, to]: the start day does not count, the end day does, so that
 * workingDaysBetween(d, addWorkingDays(d, n)) === n. Negative when `to` is before `from`.
 */
export function workingDaysBetween(fromIso: string, toIso: string): number {
  const from = dayNumberOf(fromIso, 'from');
  const to = dayNumberOf(toIso, 'to');
  const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
  let count = 0;
  for (let d = lo + 1; d <= hi; d++) if (isWorkingDayNumber(d)) count++;
  return sign * count;
}
