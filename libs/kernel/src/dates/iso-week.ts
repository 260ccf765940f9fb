import { validationError } from '../errors';
import { dayNumberOf, isoDateOfDayNumber, toDayNumber, weekdayOf } from './iso-date';

export interface IsoWeek {
  /** YYYY-Www */
  week: string;
  /** Monday, ISO date. */
  from: string;
  /** Sunday, ISO date. */
  to: string;
}

/** Monday = 0 … Sunday = 6. */
const isoWeekdayOf = (dayNumber: number): number => (weekdayOf(dayNumber) + 6) % 7;

/** Day number of the Monday of week 1: the week with the year's first Thursday (ISO 8601). */
function week1Monday(year: number): number {
  const jan4 = toDayNumber({ year, month: 1, day: 4 });
  return jan4 - isoWeekdayOf(jan4);
}

/** Parses an ISO week (2020-W46); anything else, or a week the year does not have, is a validation error on `week`. */
export function parseIsoWeek(value: string): IsoWeek {
  const m = /^(\d{4})-W(\d{2})$/.exec(value);
  if (!m)
    throw validationError([
      { field: 'week', reason: `"${value}" is not an ISO week: write it as YYYY-Www, e.g. 2020-W46` },
    ]);
  const year = Number(m[1]);
  const n = Number(m[2]);
  const weeks = (week1Monday(year + 1) - week1Monday(year)) / 7;
  if (n < 1 || n > weeks)
    throw validationError([{ field: 'week', reason: `${year} has weeks 01 to ${weeks}, not ${m[2]}` }]);
  const monday = week1Monday(year) + (n - 1) * 7;
  return { week: value, from: isoDateOfDayNumber(monday), to: isoDateOfDayNumber(monday + 6) };
}

/** The ISO week a day falls in. */
export function isoWeekOf(isoDate: string): IsoWeek {
  const day = dayNumberOf(isoDate);
  const thursday = day + 3 - isoWeekdayOf(day);
  const year = Number(isoDateOfDayNumber(thursday).slice(0, 4));
  const n = Math.floor((thursday - week1Monday(year)) / 7) + 1;
  return parseIsoWeek(`${year}-W${String(n).padStart(2, '0')}`);
}
