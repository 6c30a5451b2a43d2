/**
 * GB 32100-2015 unified social credit code (统一社会信用代码) validation.
 *
 * 18 characters from a 31-character alphabet (digits and upper-case letters without I, O, Z, S, V):
 * registration authority (1), organization type (1), administrative region (6 digits),
 * organization code (9), check character (1) computed MOD 31 with weights 3^i mod 31.
 * @module
 */

/** The code alphabet; a character's value is its index. */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** Weights for positions 1..17: 3^(i) mod 31. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** Why a unified social credit code is invalid. */
export type UsccProblem = 'format' | 'charset' | 'region' | 'check_char';

/** Result of {@link parseUscc}. */
export type UsccResult =
  { ok: true; value: string; regionCode: string } | { ok: false; problem: UsccProblem };

/**
 * Computes the check character for the first 17 characters (assumed in the alphabet).
 * @example usccCheckChar('91350100M000100Y4') // '3'
 */
export function usccCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += ALPHABET.indexOf(first17[i]!) * WEIGHTS[i]!;
  const c = 31 - (sum % 31);
  return ALPHABET[c === 31 ? 0 : c]!;
}

/** Normalizes user input: trims, removes inner spaces, upper-cases. */
export function normalizeUscc(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase();
}

/**
 * Parses and validates an 18-character unified social credit code.
 * @example parseUscc('91350100M000100Y43').ok // true
 */
export function parseUscc(input: string): UsccResult {
  const value = normalizeUscc(input);
  if (value.length !== 18) return { ok: false, problem: 'format' };
  for (const ch of value) if (!ALPHABET.includes(ch)) return { ok: false, problem: 'charset' };
  if (!/^\d{6}$/.test(value.slice(2, 8))) return { ok: false, problem: 'region' };
  if (usccCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, problem: 'check_char' };
  return { ok: true, value, regionCode: value.slice(2, 8) };
}

/** True when `input` is a valid GB 32100 unified social credit code. */
export function isValidUscc(input: string): boolean {
  return parseUscc(input).ok;
}
