import { validationError, type Actor } from '@casework/domain';
import { forbidden } from '@casework/domain';
import { isStreetOffice } from '@casework/identity';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Today in China time (the district's calendar). */
export const chinaToday = (now: Date): string => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

const isRealDate = (d: string) => {
  const t = Date.parse(`${d}T00:00:00Z`);
  // Month 13 parses to NaN (toISOString would throw); day 31 of November rolls over to another day.
  return ISO_DATE.test(d) && !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === d;
};

/** from/to must be real days in order; the DTO has checked their form. */
export function checkPeriod(from?: string, to?: string): void {
  const problems = [
    ...(from !== undefined && !isRealDate(from) ? [{ field: 'from', reason: `"${from}" is not a real date` }] : []),
    ...(to !== undefined && !isRealDate(to) ? [{ field: 'to', reason: `"${to}" is not a real date` }] : []),
  ];
  if (problems.length === 0 && from !== undefined && to !== undefined && to < from)
    problems.push({ field: 'to', reason: `must not be before from (${from})` });
  if (problems.length > 0) throw validationError(problems);
}

/** Street office users see their own office's figures only (DESIGN §1); others see the district. */
export function scopedUnit(actor: Actor, unit: string | undefined): string | undefined {
  if (!isStreetOffice(actor.unit)) return unit;
  if (unit !== undefined && unit !== actor.unit) {
    throw forbidden(
      'UNIT_NOT_ALLOWED',
      `Users of ${actor.unit} may only see their own street office's figures, not ${unit}.`,
      { actorUnit: actor.unit, unit },
    );
  }
  return actor.unit;
}
