/**
 * Masking of personal data for responses and logs. Masks keep enough to let a person
 * recognise their own data and nothing that identifies them to others.
 * @module
 */

/**
 * Masks a resident ID number: first 4 and last 4 characters kept.
 * @example maskResidentId('51010519900307123X') // '5101**********123X'
 */
export function maskResidentId(id: string): string {
  if (id.length <= 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/**
 * Masks a mobile number: first 3 and last 4 digits kept.
 * @example maskPhone('13800000001') // '138****0001'
 */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/**
 * Masks a person's name: the family name (first character) is kept.
 * @example maskName('张三丰') // '张**'
 */
export function maskName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= 1) return '*';
  return `${chars[0]}${'*'.repeat(chars.length - 1)}`;
}
