/**
 * Blind indexes: a keyed HMAC of a normalized value, so an encrypted field can still be looked up
 * by equality (e.g. "is this ID number already registered?") without storing it in clear.
 * Always computed with the current key; after a rotation, rows are re-indexed by a job.
 * @module
 */
import { createHmac } from 'node:crypto';
import type { KeyRing } from './keyring.ts';

/**
 * HMAC-SHA-256 of `value` under the blind-index key, scoped by `domain` so the same value in two
 * columns gives unrelated digests.
 * @example blindIndex(ring, 'resident_id', '51010519900307123X')
 */
export function blindIndex(ring: KeyRing, domain: string, value: string): string {
  return createHmac('sha256', ring.derive('blind-index'))
    .update(`${domain}\u0000${value}`)
    .digest('base64url');
}
