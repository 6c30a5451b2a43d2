/**
 * Password policy, switchable by configuration (`PASSWORD_POLICY`):
 * - `asvs` (default, OWASP ASVS / NIST 800-63B): at least 8 characters, not a common password,
 *   not the phone number; no composition rules, no forced rotation.
 * - `mlps` (等保 2.0 / MLPS 2.0): at least 8 characters with 3 of 4 character classes, the
 *   blocklist too, a change every `PASSWORD_MAX_AGE_DAYS` (90), and none of the last 5 reused.
 * Pure checks live here; reuse needs the password history and is checked by the service.
 * @module
 */
import { readFileSync } from 'node:fs';

export type PasswordPolicyName = 'asvs' | 'mlps';

/** A failed rule: message code + params for the localized message. */
export interface PasswordProblem {
  code: string;
  params?: Record<string, number>;
}

export const MIN_LENGTH = 8;
export const MAX_LENGTH = 128;
/** Under mlps, the new password may not equal any of this many previous ones. */
export const MLPS_HISTORY = 5;

let blocklist: Set<string> | undefined;

/** The shipped common-password list (see generate-blocklist.ts), loaded once. */
export function commonPasswords(): Set<string> {
  blocklist ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
  );
  return blocklist;
}

/** Character classes present: lower, upper, digit, other. */
export function characterClasses(password: string): number {
  let n = 0;
  if (/\p{Ll}/u.test(password)) n += 1;
  if (/\p{Lu}/u.test(password)) n += 1;
  if (/\p{Nd}/u.test(password)) n += 1;
  if (/[^\p{Ll}\p{Lu}\p{Nd}]/u.test(password)) n += 1;
  return n;
}

/**
 * Checks a new password against the policy. `phone` is the account's number (context word).
 * @returns the first failed rule, or null when the password is acceptable
 * @example checkPassword('asvs', 'password123', '13800000001') // { code: 'password.too_common' }
 */
export function checkPassword(
  policy: PasswordPolicyName,
  password: string,
  phone?: string | null,
): PasswordProblem | null {
  // Count code points, not UTF-16 units, so a Chinese passphrase is measured as typed.
  const length = Array.from(password).length;
  if (length < MIN_LENGTH) return { code: 'password.too_short', params: { min: MIN_LENGTH } };
  if (length > MAX_LENGTH) return { code: 'password.too_long', params: { max: MAX_LENGTH } };
  if (commonPasswords().has(password.toLowerCase())) return { code: 'password.too_common' };
  if (phone && phone.length >= 7 && password.includes(phone)) return { code: 'password.contains_phone' };
  if (policy === 'mlps' && characterClasses(password) < 3) return { code: 'password.too_simple' };
  return null;
}

/** Under mlps, true when the password was set longer ago than `maxAgeDays`. */
export function passwordExpired(
  policy: PasswordPolicyName,
  changedAt: Date | null,
  maxAgeDays: number,
  now: Date,
): boolean {
  if (policy !== 'mlps') return false;
  if (!changedAt) return true;
  return now.getTime() - changedAt.getTime() > maxAgeDays * 86_400_000;
}
