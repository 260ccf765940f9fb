/*
 * The kernel: what every other library needs and none owns. Typed errors, ISO dates and instants,
 * the China local date, the working-day calendar. It imports no other library, so domain, policy,
 * read-models, the store and the apps can all stand on it.
 */
export * from './errors';
export * from './dates/iso-date';
export * from './dates/instant';
export * from './dates/iso-week';
export { CALENDAR_YEARS, addWorkingDays, isWorkingDay, workingDaysBetween } from './calendar/working-days';
export { HOLIDAY_TABLE, type HolidayYear } from './calendar/holidays.data';
