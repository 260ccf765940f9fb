/** GB 32100-2015: 31 characters (no I, O, S, V, Z); values 0–30 by position in the alphabet. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export type CreditCodeResult = { ok: true } | { ok: false; reason: string };

function checkCharFor(first17: string): string {
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) sum += ALPHABET.indexOf(first17.charAt(i)) * weight;
  return ALPHABET.charAt((31 - (sum % 31)) % 31);
}

/** Validates an 18-character unified social credit code (统一社会信用代码). */
export function validateCreditCode(s: string): CreditCodeResult {
  if (typeof s !== 'string') return { ok: false, reason: 'must be text of 18 characters' };
  const code = s.toUpperCase();
  if (code.length !== 18) return { ok: false, reason: `must be 18 characters, not ${code.length}` };
  // The 18th is checked below so a wrong check character gets the precise hint.
  for (const [i, c] of [...code.slice(0, 17)].entries()) {
    if (!ALPHABET.includes(c)) {
      return {
        ok: false,
        reason: `character ${i + 1} ("${c}") is not allowed: use digits and capital letters except I, O, S, V, Z`,
      };
    }
  }
  if (!/^\d{6}$/.test(code.slice(2, 8)))
    return { ok: false, reason: 'characters 3–8 (the administrative area code) must be digits' };
  const expected = checkCharFor(code);
  if (code[17] !== expected) return { ok: false, reason: `check character should be ${expected}, not ${code[17]}` };
  return { ok: true };
}

/** Appends the check character to 17 characters, for synthetic demo enterprises. */
export function makeCreditCode(first17: string): string {
  const code = first17.toUpperCase();
  if (code.length !== 17 || [...code].some((c) => !ALPHABET.includes(c))) {
    throw new RangeError(`need 17 characters from ${ALPHABET}: ${first17}`);
  }
  return code + checkCharFor(code);
}
