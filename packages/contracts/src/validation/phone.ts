/**
 * Mainland China mobile numbers. Stored and compared in the 11-digit national form
 * (`13800138000`); input may carry `+86`, `0086` or `86` and spaces or dashes.
 * @module
 */

const NATIONAL = /^1[3-9]\d{9}$/;

/**
 * Returns the 11-digit national number, or null when `input` is not a mainland mobile number.
 * @example normalizeMobile('+86 138-0013-8000') // '13800138000'
 */
export function normalizeMobile(input: string): string | null {
  let digits = input.replace(/[\s\-()]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  else if (digits.startsWith('0086')) digits = digits.slice(4);
  else if (digits.length === 13 && digits.startsWith('86')) digits = digits.slice(2);
  return NATIONAL.test(digits) ? digits : null;
}

/** True when `input` is a mainland China mobile number in any accepted spelling. */
export function isValidMobile(input: string): boolean {
  return normalizeMobile(input) !== null;
}
