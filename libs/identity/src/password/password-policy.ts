import { randomInt } from 'node:crypto';
import { DEMO_PASSWORD } from '../seed/demo-accounts';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

/** Passwords published with the software (the demo accounts'): never acceptable for a real account. */
const PUBLISHED_PASSWORDS: readonly string[] = [DEMO_PASSWORD];

const fold = (s: string) => s.normalize('NFC').trim().toLowerCase();

/**
 * Why a new password is refused, or null when it is acceptable: at least 12 characters (code
 * points, so a Chinese passphrase counts per character), not the username, not a published password.
 */
export function passwordProblem(password: string, username: string): string | null {
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符。must be at least ${MIN_PASSWORD_LENGTH} characters long`;
  if (length > MAX_PASSWORD_LENGTH)
    return `密码最多 ${MAX_PASSWORD_LENGTH} 个字符。must be at most ${MAX_PASSWORD_LENGTH} characters long`;
  if (fold(password) === fold(username)) return '密码不得与用户名相同。must not be the username';
  if (PUBLISHED_PASSWORDS.some((p) => fold(p) === fold(password)))
    return '不得使用已公开的演示密码。must not be a published demo password';
  return null;
}

// No 0/O, 1/l/I: read aloud or copied from a screen by a person.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** A random one-time password (20 characters, about 116 bits) that passes passwordProblem. */
export function oneTimePassword(): string {
  let out = '';
  for (let i = 0; i < 20; i++) out += ALPHABET[randomInt(ALPHABET.length)];
  return out.replace(/(.{5})(?=.)/g, '$1-');
}
