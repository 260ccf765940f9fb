import { forbidden, isIsoDate, validationError } from '@casework/kernel';
import type { Actor } from '@casework/domain';
import { isStreetOffice } from '@casework/identity';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** from/to must be real days in order; the DTO has checked their form. */
export function checkPeriod(from?: string, to?: string): void {
  // isIsoDate is a type guard: its false branch would narrow a string to never, and the messages print the value.
  const realDay = (value: string): boolean => isIsoDate(value);
  const problems = [
    ...(from !== undefined && !realDay(from) ? [{ field: 'from', reason: `"${from}" is not a real date` }] : []),
    ...(to !== undefined && !realDay(to) ? [{ field: 'to', reason: `"${to}" is not a real date` }] : []),
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
