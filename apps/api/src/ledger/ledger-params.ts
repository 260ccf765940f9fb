import { validationError } from '@casework/kernel';

/** A tree size or index from the query string: a whole number, or a 400 naming the field. */
export function wholeNumber(field: string, raw: string | undefined, min: number): number {
  if (raw === undefined || raw === '')
    throw validationError([{ field, reason: '必填（整数）。is required (a whole number)' }]);
  if (!/^\d{1,15}$/.test(raw) || Number(raw) < min)
    throw validationError([{ field, reason: `应为不小于 ${min} 的整数。must be a whole number ≥ ${min}` }]);
  return Number(raw);
}

export function optionalWholeNumber(field: string, raw: string | undefined, min: number): number | undefined {
  return raw === undefined || raw === '' ? undefined : wholeNumber(field, raw, min);
}
