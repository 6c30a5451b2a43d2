/**
 * Defence against log injection and oversized audit rows: control characters (CR, LF, ESC, …)
 * become spaces, strings are capped, and personal data / secrets in details are masked with the
 * same rules as the logs.
 * @module
 */
import { scrubForLog } from '../../http/logger.ts';

// C0 and C1 controls, DEL, and Unicode line/paragraph separators and bidi overrides
// (which can disguise text in a viewer).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** One-line, capped version of `text`; `null` stays `null`. */
export function cleanText(text: string | null | undefined, max: number): string | null {
  if (text === null || text === undefined) return null;
  const flat = String(text).replace(CONTROL, ' ');
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const MAX_DETAIL_STRING = 500;
const MAX_DETAIL_KEYS = 40;
const MAX_DETAILS_JSON = 8_000;

function cleanValue(value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (typeof value === 'string') return cleanText(value, MAX_DETAIL_STRING);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (depth >= 4) return '[…]';
  if (Array.isArray(value)) return value.slice(0, MAX_DETAIL_KEYS).map((v) => cleanValue(v, depth + 1));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value).slice(0, MAX_DETAIL_KEYS)) {
      out[cleanText(k, 64) ?? ''] = cleanValue(v, depth + 1);
    }
    return out;
  }
  return String(value);
}

/**
 * Details safe to store: secrets removed, phones/ID numbers masked, control characters stripped,
 * size bounded (an oversize object is replaced by a note rather than truncated mid-structure).
 */
export function cleanDetails(details: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!details) return {};
  const cleaned = cleanValue(scrubForLog(details), 0) as Record<string, unknown>;
  if (JSON.stringify(cleaned).length > MAX_DETAILS_JSON)
    return { truncated: true, keys: Object.keys(cleaned).slice(0, 20) };
  return cleaned;
}
