/**
 * SMS one-time codes: issue (with per-number send limits) and verify (single use, 5 tries).
 * Limits per number: 1 per minute, 5 per hour, 10 per day — counted from the codes table so they
 * hold across processes and restarts.
 * @module
 */
import type { OtpPurpose } from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import { maskPhone } from '../../http/mask.ts';
import { generateNumericCode, hashOtpCode, safeEqual } from '../../crypto/tokens.ts';
import type { AuthContext } from './auth.context.ts';
import { authRepository } from './auth.repository.ts';

/** Codes stay valid this long (the issue allows at most 10 minutes). */
export const OTP_TTL_SECONDS = 10 * 60;
/** Wrong guesses allowed per code before it is burnt. */
export const OTP_MAX_ATTEMPTS = 5;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const LIMITS = [
  { windowMs: MINUTE, max: 1, code: 'auth.otp_too_frequent' },
  { windowMs: HOUR, max: 5, code: 'auth.otp_hourly_limit' },
  { windowMs: DAY, max: 10, code: 'auth.otp_daily_limit' },
] as const;

/** SMS template name the sms module maps to the provider's code template (variable `code`). */
export const OTP_TEMPLATE = 'otp';

/**
 * Throws the localized limit error (429 + Retry-After) when another code may not be sent yet.
 * Exported for tests of the arithmetic.
 */
export function checkSendLimits(sendTimes: readonly Date[], now: Date): void {
  for (const limit of LIMITS) {
    const inWindow = sendTimes.filter((t) => now.getTime() - t.getTime() < limit.windowMs);
    if (inWindow.length >= limit.max) {
      // The window frees up when the oldest send inside it leaves the window.
      const oldest = inWindow[inWindow.length - limit.max]!;
      const seconds = Math.max(1, Math.ceil((oldest.getTime() + limit.windowMs - now.getTime()) / 1000));
      throw new AppError(limit.code, 429, {
        params: { seconds, minutes: Math.ceil(seconds / 60), hours: Math.ceil(seconds / 3600) },
        headers: { 'retry-after': String(seconds) },
      });
    }
  }
}

/** Seconds until the next code may be sent after one was sent now (for the client's countdown). */
function nextAllowedAfterSend(sendTimes: readonly Date[], now: Date): number {
  const all = [...sendTimes, now];
  let wait = 0;
  for (const limit of LIMITS) {
    const inWindow = all.filter((t) => now.getTime() - t.getTime() < limit.windowMs);
    if (inWindow.length >= limit.max) {
      const oldest = inWindow[inWindow.length - limit.max]!;
      wait = Math.max(wait, Math.ceil((oldest.getTime() + limit.windowMs - now.getTime()) / 1000));
    }
  }
  return wait;
}

/** Code issuing and checking. */
export function otpService(ctx: AuthContext) {
  const repo = authRepository(ctx.db);
  return {
    /**
     * Sends a code (or, with `deliver: false`, only consumes the rate budget without sending — used
     * when the number must not learn whether an account exists). Returns seconds until the next send.
     */
    async issue(phone: string, purpose: OtpPurpose, opts: { ip?: string | null; deliver?: boolean } = {}) {
      const now = ctx.now();
      const sendTimes = await repo.otpSendTimes(phone, new Date(now.getTime() - DAY));
      checkSendLimits(sendTimes, now);
      const code = generateNumericCode(6);
      const otpId = await repo.insertOtp({
        phone,
        purpose,
        codeHash: hashOtpCode(ctx.ring, phone, purpose, code),
        expiresAt: new Date(now.getTime() + OTP_TTL_SECONDS * 1000),
        ip: opts.ip ?? null,
        createdAt: now,
      });
      if (opts.deliver !== false) {
        if (!ctx.sms) {
          ctx.logger.error(
            { phone: maskPhone(phone), purpose },
            'no SMS sender configured: one-time code not delivered',
          );
          throw new AppError('auth.sms_unavailable', 503);
        }
        try {
          // Keyed by the code row: a retried request can never deliver the same code twice.
          const message = {
            to: phone,
            template: OTP_TEMPLATE,
            params: { code, minutes: String(OTP_TTL_SECONDS / 60) },
            purpose,
            idempotencyKey: `otp:${otpId}`,
          };
          await ctx.sms.send(message);
        } catch (err) {
          ctx.logger.error({ err, phone: maskPhone(phone), purpose }, 'SMS send failed');
          throw new AppError('auth.sms_unavailable', 503, { cause: err });
        }
      }
      return { expiresInSeconds: OTP_TTL_SECONDS, retryAfterSeconds: nextAllowedAfterSend(sendTimes, now) };
    },

    /**
     * Checks and consumes a code. Wrong codes count against the code (5 tries) and throw
     * `auth.code_invalid` (400); the caller counts sign-in failures separately.
     */
    async verify(phone: string, purpose: OtpPurpose, code: string): Promise<void> {
      const now = ctx.now();
      const open = await repo.latestOpenOtp(phone, purpose, now);
      if (!open || open.attempts >= OTP_MAX_ATTEMPTS) throw new AppError('auth.code_invalid', 400);
      if (!safeEqual(open.codeHash, hashOtpCode(ctx.ring, phone, purpose, code))) {
        await repo.bumpOtpAttempts(open.id);
        throw new AppError('auth.code_invalid', 400);
      }
      if (!(await repo.consumeOtp(open.id, now))) throw new AppError('auth.code_invalid', 400);
    },
  };
}
