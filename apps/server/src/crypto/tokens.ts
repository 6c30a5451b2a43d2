/**
 * Opaque random tokens (sessions, CSRF) and one-time codes. Tokens are stored only as SHA-256
 * digests (they carry 256 bits of entropy, so a plain hash suffices); short numeric codes are
 * stored as keyed HMACs because a plain hash of a 6-digit code is trivially reversed.
 * @module
 */
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { KeyRing } from './keyring.ts';

/** A new 256-bit random token, base64url (43 characters). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The SHA-256 digest under which a token is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A uniformly random numeric code with `digits` digits (leading zeros kept). */
export function generateNumericCode(digits = 6): string {
  return String(randomInt(0, 10 ** digits)).padStart(digits, '0');
}

/** Keyed digest of a one-time code, bound to the phone and purpose it was sent for. */
export function hashOtpCode(ring: KeyRing, phone: string, purpose: string, code: string): string {
  return createHmac('sha256', ring.derive('otp-code'))
    .update(`${phone}\u0000${purpose}\u0000${code}`)
    .digest('base64url');
}

/** Constant-time string equality (false for different lengths). */
export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
