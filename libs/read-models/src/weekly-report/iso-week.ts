import { validationError } from '@casework/domain';

export interface IsoWeek {
  /** YYYY-Www */
  week: string;
  /** Monday, ISO date. */
  from: string;
  /** Sunday, ISO date. */
  to: string;
}

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monday of week 1: the week with the year's first Thursday (ISO 8601). */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
  return jan4 - weekday * DAY_MS;
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
  const weeks = Math.round((week1Monday(year + 1) - week1Monday(year)) / (7 * DAY_MS));
  if (n < 1 || n > weeks)
    throw validationError([{ field: 'week', reason: `${year} has weeks 01 to ${weeks}, not ${m[2]}` }]);
  const monday = week1Monday(year) + (n - 1) * 7 * DAY_MS;
  return { week: value, from: isoDay(monday), to: isoDay(monday + 6 * DAY_MS) };
}

/** The ISO week a day falls in. */
export function isoWeekOf(isoDate: string): IsoWeek {
  const ms = Date.parse(`${isoDate}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  const thursday = ms + (3 - weekday) * DAY_MS;
  const year = new Date(thursday).getUTCFullYear();
  const n = Math.floor((thursday - week1Monday(year)) / (7 * DAY_MS)) + 1;
  return parseIsoWeek(`${year}-W${String(n).padStart(2, '0')}`);
}
