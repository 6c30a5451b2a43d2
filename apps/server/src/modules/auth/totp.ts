/**
 * TOTP (RFC 6238) helpers over otplib's authenticator preset: 30-second steps, 6 digits, SHA-1
 * (what every authenticator app supports), one step of clock drift accepted either side.
 * The clock is passed in so tests can pin it.
 * @module
 */
import { authenticator } from 'otplib';

/** Issuer shown in authenticator apps. */
export const TOTP_ISSUER = 'Tianfu 天府科技云';

/** A new base32 secret (160 bits). */
export function newTotpSecret(): string {
  return authenticator.generateSecret(20);
}

/** The `otpauth://` URL for a QR code. `label` is what the app shows (we use the masked phone). */
export function totpUrl(label: string, secret: string): string {
  return authenticator.keyuri(label, TOTP_ISSUER, secret);
}

const STEP_MS = 30_000;

/**
 * The time step `code` belongs to when it is valid for `secret` at `now` (± one 30 s step), else
 * null. Callers store the step and refuse steps not newer than the last accepted one (no replay).
 */
export function totpStep(secret: string, code: string, now: Date): number | null {
  try {
    const delta = authenticator.clone({ epoch: now.getTime(), window: 1 }).checkDelta(code, secret);
    return delta === null ? null : Math.floor(now.getTime() / STEP_MS) + delta;
  } catch {
    return null;
  }
}

/** True when `code` is valid for `secret` at `now` (± one 30 s step). Does not guard against replay. */
export function checkTotp(secret: string, code: string, now: Date): boolean {
  return totpStep(secret, code, now) !== null;
}

/** The current code for a secret (tests and the demo seed's documentation use it). */
export function currentTotp(secret: string, now: Date = new Date()): string {
  return authenticator.clone({ epoch: now.getTime() }).generate(secret);
}
