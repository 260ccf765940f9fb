/**
 * Calendar-day arithmetic on ISO dates (YYYY-MM-DD), alongside shared/time.ts (ISO checks, the
 * local date of an instant). Pure: no clock. Working days come from @casework/policy.
 */
import { isIsoDate, localDateOf } from '../shared/time';

export { isIsoDate, localDateOf };

const DAY_MS = 86_400_000;

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Completed years of age on `date`; someone born on 29 February turns a year older on 1 March in common years. */
export const ageOn = (birthDate: string, date: string): number => {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = date.split('-').map(Number);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
};
