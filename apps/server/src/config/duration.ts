/**
 * Human durations in configuration (`90s`, `30m`, `12h`, `7d`) → seconds.
 * @module
 */

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

/**
 * Parses `"7d"`, `"30m"`, `"45s"`, `"12h"` or a bare number of seconds.
 * @returns seconds, or null when the text is not a duration
 * @example parseDuration('1m') // 60
 */
export function parseDuration(text: string | number): number | null {
  if (typeof text === 'number') return Number.isFinite(text) && text >= 0 ? text : null;
  const m = /^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$/i.exec(text);
  if (!m) return null;
  const value = Number(m[1]);
  const unit = (m[2] || 's').toLowerCase();
  return Math.round(value * (UNITS[unit] ?? 1));
}
