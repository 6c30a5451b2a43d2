/**
 * Region-code arithmetic for policies. Codes are GB/T 2260 divisions written as 2 (province),
 * 4 (city) or 6 (county) digits; the padded 6-digit forms of provinces and cities (`510000`,
 * `510100`) are accepted too, so a code is inside another exactly when it starts with it.
 * @module
 */

/** `510100` → `5101`, `510000` → `51`, `510104` stays; 2/4-digit codes stay. */
export function normalizeRegionCode(code: string): string {
  const c = code.trim();
  if (/^\d{6}$/.test(c)) {
    if (c.endsWith('0000')) return c.slice(0, 2);
    if (c.endsWith('00')) return c.slice(0, 4);
  }
  return c;
}

/** True when `code` is `ancestor` or lies inside it (a county in its city, a city in its province). */
export function isWithinRegion(code: string, ancestor: string): boolean {
  const c = normalizeRegionCode(code);
  const a = normalizeRegionCode(ancestor);
  return c.length >= a.length && c.startsWith(a);
}
