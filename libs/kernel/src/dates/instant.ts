import { formatIsoDate, fromDayNumber, parseIsoDate, toDayNumber } from './iso-date';

/**
 * Instants (ISO-8601 with an offset) and the local calendar they fall in. The instant always comes
 * in with the command or the event: nothing here reads the clock. Day-level rules (deadlines, due
 * dates, "today" of a report) use the local date in China Standard Time, UTC+8 all year (no
 * daylight saving since 1991), so 2020-09-30T17:00:00Z falls on 2020-10-01 in Xi'an.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
/** The store's canonical form (UTC, whole-hour shift): the day needs no Date at all. */
const UTC_INSTANT = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d{1,9})?Z$/;
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** China Standard Time is UTC+8. */
export const CHINA_UTC_OFFSET_HOURS = 8;
const CHINA_OFFSET_MS = CHINA_UTC_OFFSET_HOURS * HOUR_MS;

/** True for an ISO-8601 instant with an explicit offset, e.g. 2020-09-30T02:00:00Z. */
export function isIsoInstant(value: unknown): value is string {
  return typeof value === 'string' && ISO_INSTANT.test(value) && !Number.isNaN(Date.parse(value));
}

function chinaMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO instant: ${instant}`);
  return ms + CHINA_OFFSET_MS;
}

/**
 * The date in China Standard Time on which the instant falls. Projections call it for every event
 * of a rebuild, so the store's form (…Z) takes a path without Date.parse; any other form (an offset,
 * or what only Date.parse accepts) takes the general one, with the same result.
 */
export function localDateOf(instant: string): string {
  const [, date, hour] = UTC_INSTANT.exec(instant) ?? [];
  if (date !== undefined && hour !== undefined) {
    const ymd = parseIsoDate(date);
    if (ymd) {
      return Number(hour) + CHINA_UTC_OFFSET_HOURS < 24 ? date : formatIsoDate(fromDayNumber(toDayNumber(ymd) + 1));
    }
  }
  return formatIsoDate(fromDayNumber(Math.floor(chinaMs(instant) / DAY_MS)));
}

/** The hour (0–23) in China Standard Time at the instant. */
export const localHourOf = (instant: string): number => ((Math.floor(chinaMs(instant) / HOUR_MS) % 24) + 24) % 24;
