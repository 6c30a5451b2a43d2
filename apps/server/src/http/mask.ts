/**
 * Masking of personal data for logs and responses: phone numbers keep their first 3 and last 4
 * digits (138****0001), resident ID numbers their first 4 and last 4 characters (5101**********123X).
 * @module
 */

import { maskPhone as maskPhoneDigits, maskResidentId } from '@tianfu/contracts';

/** Masks a mobile number (`13800000001` → `138****0001`), tolerating spaces and a +86 prefix. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/[\s-]+/g, '');
  const m = /^(\+?86)?(1\d{10})$/.exec(digits);
  if (m) return `${m[1] ?? ''}${maskPhoneDigits(m[2] ?? '')}`;
  return maskPhoneDigits(digits);
}

/** Masks a resident ID number: `51010519900307123X` → `5101**********123X`. */
export function maskIdNumber(id: string): string {
  return maskResidentId(id.trim());
}

// An 11-digit mobile number or an 18-character ID number standing alone inside free text.
const PHONE_IN_TEXT = /(?<![\dA-Za-z])(1[3-9]\d)(\d{4})(\d{4})(?![\dA-Za-z])/g;
const ID_IN_TEXT = /(?<![\dA-Za-z])(\d{4})(\d{10})(\d{3}[\dXx])(?![\dA-Za-z])/g;

/**
 * Masks phone and ID numbers wherever they appear in free text (log messages, URLs).
 * @example maskPersonalText('sent code to 13800000001') // 'sent code to 138****0001'
 */
export function maskPersonalText(text: string): string {
  return text
    .replace(ID_IN_TEXT, (_m, a: string, _mid: string, b: string) => `${a}**********${b.slice(-4)}`)
    .replace(PHONE_IN_TEXT, (_m, a: string, _mid: string, b: string) => `${a}****${b}`);
}
