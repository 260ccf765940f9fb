export { CALENDAR_YEARS, addWorkingDays, isWorkingDay, workingDaysBetween } from './working-days';
export { HOLIDAY_TABLE, type HolidayYear } from './holidays.data';
