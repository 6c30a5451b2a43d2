/**
 * Sign-in lockout: after LOCKOUT_THRESHOLD failures (default 5) within LOCKOUT_MINUTES (30) the
 * account — keyed by phone number, so unknown numbers behave like known ones — or the client IP
 * is locked for LOCKOUT_MINUTES. An account lock answers 423, an IP lock 429, both with
 * Retry-After and a localized message.
 * @module
 */
import { AppError } from '../../errors/app-error.ts';
import type { AuthContext } from './auth.context.ts';
import { authRepository } from './auth.repository.ts';

/** Lockout checks and bookkeeping. */
export function lockoutService(ctx: AuthContext) {
  const repo = authRepository(ctx.db);
  const windowMs = () => ctx.config.LOCKOUT_MINUTES * 60_000;

  function lockedError(kind: 'account' | 'ip', until: Date, now: Date): AppError {
    const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
    return new AppError(
      kind === 'account' ? 'auth.account_locked' : 'auth.ip_locked',
      kind === 'account' ? 423 : 429,
      {
        params: { minutes: Math.ceil(seconds / 60) },
        headers: { 'retry-after': String(seconds) },
      },
    );
  }

  return {
    /** Throws when the account (phone) or the IP is currently locked. */
    async assertNotLocked(phone: string, ip: string | null): Promise<void> {
      const now = ctx.now();
      const keys = [
        { scope: 'account' as const, key: phone },
        ...(ip ? [{ scope: 'ip' as const, key: ip }] : []),
      ];
      const rows = await repo.throttleRows(keys);
      for (const scope of ['account', 'ip'] as const) {
        const row = rows.find((r) => r.scope === scope);
        if (row?.lockedUntil && row.lockedUntil > now) throw lockedError(scope, row.lockedUntil, now);
      }
    },
    /** Counts a failed sign-in for the phone and the IP. */
    async recordFailure(phone: string, ip: string | null): Promise<void> {
      const now = ctx.now();
      const { LOCKOUT_THRESHOLD: threshold } = ctx.config;
      await repo.recordFailure('account', phone, now, windowMs(), threshold, windowMs());
      if (ip) await repo.recordFailure('ip', ip, now, windowMs(), threshold, windowMs());
    },
    /** A successful sign-in clears the account's counter (the IP's decays on its own). */
    async recordSuccess(phone: string): Promise<void> {
      await repo.clearFailures('account', phone);
    },
  };
}
