/**
 * GB 11643-1999 citizen identity number (公民身份号码) validation.
 *
 * Layout: 6-digit address code, 8-digit birth date (YYYYMMDD), 3-digit sequence
 * (odd = male, even = female), 1 check character computed with ISO 7064 MOD 11-2.
 * Pure functions: shared by the server and the web app.
 * @module
 */

/** Weights 2^(17-i) mod 11 for positions 1..17 (ISO 7064 MOD 11-2). */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for each remainder 0..10. */
const CHECK_CHARS = '10X98765432';

/** Province-level codes in use (GB/T 2260 first two digits, incl. HK 81, Macao 82, Taiwan 71/83). */
const PROVINCE_CODES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

/** Why a resident ID number is invalid (stable codes, translated by callers). */
export type ResidentIdProblem = 'format' | 'region' | 'birth_date' | 'check_digit';

/** Result of {@link parseResidentId}. */
export type ResidentIdResult =
  | { ok: true; value: string; regionCode: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; problem: ResidentIdProblem };

/**
 * Computes the GB 11643 check character for the first 17 digits.
 * @example residentIdCheckChar('11010519491231002') // 'X'
 */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

/** Normalizes user input: trims, removes inner spaces, upper-cases a trailing x. */
export function normalizeResidentId(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * Parses and validates an 18-character resident ID number.
 * `today` lets tests pin the clock (a birth date in the future is invalid).
 * @example parseResidentId('11010519491231002X').ok // true
 */
export function parseResidentId(input: string, today: Date = new Date()): ResidentIdResult {
  const value = normalizeResidentId(input);
  if (!/^\d{17}[\dX]$/.test(value)) return { ok: false, problem: 'format' };
  if (!PROVINCE_CODES.has(value.slice(0, 2))) return { ok: false, problem: 'region' };
  const y = Number(value.slice(6, 10));
  const m = Number(value.slice(10, 12));
  const d = Number(value.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  const isRealDate =
    birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d;
  if (!isRealDate || y < 1900 || birth.getTime() > today.getTime())
    return { ok: false, problem: 'birth_date' };
  if (residentIdCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check_digit' };
  return {
    ok: true,
    value,
    regionCode: value.slice(0, 6),
    birthDate: `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`,
    sex: Number(value[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** True when `input` is a valid GB 11643 resident ID number. */
export function isValidResidentId(input: string): boolean {
  return parseResidentId(input).ok;
}
