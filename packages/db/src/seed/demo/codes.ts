/**
 * Identifiers that must look and check like real ones: unified social credit codes (GB 32100 with
 * the GB 11714 organization code inside), CNIPA patent numbers and software copyright numbers.
 * Written here rather than imported so the demo data is independently checked by the contracts validator.
 * @module
 */
import type { Rng } from './prng.ts';

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const DIGITS = '0123456789';

function orgCheck(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += parseInt(first8[i]!, 36) * ORG_WEIGHTS[i]!;
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

function uscCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += USCC_ALPHABET.indexOf(first17[i]!) * USCC_WEIGHTS[i]!;
  return USCC_ALPHABET[(31 - (sum % 31)) % 31]!;
}

function randomChars(rng: Rng, alphabet: string, n: number): string {
  let out = '';
  for (let i = 0; i < n; i += 1) out += alphabet[rng.int(0, alphabet.length - 1)];
  return out;
}

/**
 * A unified social credit code for a company (登记管理部门 9 工商, 类别 1 企业) registered in the county.
 * Companies registered since 2015 get the `MA…` organization codes issued after the reform.
 * @example enterpriseUscc(rng, '510104', 2019) // '91510104MA6…' with valid check characters
 */
export function enterpriseUscc(rng: Rng, countyCode: string, foundedYear: number): string {
  const orgBody =
    foundedYear >= 2015
      ? 'MA6' + randomChars(rng, DIGITS + 'ABCDEFGHJKLMNPQRTUWXY', 5)
      : randomChars(rng, DIGITS, 8);
  const first17 = '91' + countyCode.padEnd(6, '0') + orgBody + orgCheck(orgBody);
  return first17 + uscCheck(first17);
}

/**
 * A granted-patent number: ZL + the 12-digit application number (year, type 1 invention / 2 utility
 * model, serial) + `.` + its mod-11 check digit, e.g. ZL202110234567.8.
 */
export function patentNumber(rng: Rng, year: number, type: 1 | 2): string {
  const body = `${year}${type}${randomChars(rng, DIGITS, 7)}`;
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(body[i]) * weights[i]!;
  const c = sum % 11;
  return `ZL${body}.${c === 10 ? 'X' : c}`;
}

/** A software copyright registration number (软著登字), e.g. 2023SR0456789. */
export function softwareCopyrightNumber(rng: Rng, year: number): string {
  return `${year}SR${randomChars(rng, DIGITS, 7)}`;
}
