import { parseIsoDate } from '@casework/kernel';

/** GB 11643-1999: weights for the first 17 digits; sum mod 11 indexes CHECK_CHARS. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type ResidentIdResult = { ok: true; birthDate: string; sex: 'M' | 'F' } | { ok: false; reason: string };

function checkCharFor(first17: string): string {
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) sum += Number(first17.charAt(i)) * weight;
  return CHECK_CHARS.charAt(sum % 11);
}

/** Validates an 18-character resident identity number (公民身份号码). A lower-case x is accepted. */
export function validateResidentId(s: string): ResidentIdResult {
  if (typeof s !== 'string') return { ok: false, reason: 'must be text of 18 characters' };
  const id = s.toUpperCase();
  if (id.length !== 18) return { ok: false, reason: `must be 18 characters, not ${id.length}` };
  if (!/^\d{17}$/.test(id.slice(0, 17))) return { ok: false, reason: 'the first 17 characters must be digits' };
  if (!/^[\dX]$/.test(id.charAt(17))) return { ok: false, reason: 'the last character must be a digit or X' };
  const ymd = id.slice(6, 14);
  const birthDate = `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`;
  if (!parseIsoDate(birthDate)) return { ok: false, reason: `birth date ${ymd} is not a real date` };
  const expected = checkCharFor(id);
  if (id[17] !== expected) return { ok: false, reason: `check character should be ${expected}, not ${id[17]}` };
  // The 17th digit (sequence code) is odd for men, even for women.
  return { ok: true, birthDate, sex: Number(id[16]) % 2 === 1 ? 'M' : 'F' };
}

/** Builds a valid synthetic ID number for demo data: area code, birth date, 3-digit sequence, check character. */
export function makeResidentId(areaCode6: string, birthIso: string, seq3: string | number): string {
  const seq = typeof seq3 === 'number' ? String(seq3).padStart(3, '0') : seq3;
  if (!/^\d{6}$/.test(areaCode6)) throw new RangeError(`area code must be 6 digits: ${areaCode6}`);
  if (!parseIsoDate(birthIso)) throw new RangeError(`birth date is not a real date: ${birthIso}`);
  if (!/^\d{3}$/.test(seq)) throw new RangeError(`sequence must be 3 digits: ${seq}`);
  const first17 = areaCode6 + birthIso.replace(/-/g, '') + seq;
  return first17 + checkCharFor(first17);
}
