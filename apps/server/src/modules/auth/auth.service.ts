/**
 * Registration, sign-in (password or SMS code, then TOTP when enabled) and password reset.
 * Every outcome is audited through the `audit` callback the route binds to its request.
 * @module
 */
import type { LoginRequest, OtpPurpose, PasswordResetRequest, RegisterRequest } from '@tianfu/contracts';
import { POLICY_VERSIONS } from '@tianfu/contracts';
import { consents } from '@tianfu/db';
import { AppError, isAppError } from '../../errors/app-error.ts';
import { maskPhone } from '../../http/mask.ts';
import type { AuditEvent } from '../audit/audit.service.ts';
import { verifyAgainstDummy, verifyPassword, hashPassword } from '../../crypto/password.ts';
import { decryptField } from '../../crypto/field-encryption.ts';
import type { AuthContext } from './auth.context.ts';
import { authRepository, type UserRow } from './auth.repository.ts';
import { lockoutService } from './lockout.service.ts';
import { otpService } from './otp.service.ts';
import { passwordService } from './password.service.ts';
import { sessionService, type IssuedSession } from './session.service.ts';
import { totpStep } from './totp.ts';

/** Request facts the services record (the route fills these in). */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  audit: (event: Omit<AuditEvent, 'ip' | 'requestId'>) => Promise<void>;
}

/** Result of a sign-in step. */
export type SignInResult =
  | { status: 'ok'; user: UserRow; issued: IssuedSession }
  | { status: 'totp_required'; user: UserRow; issued: IssuedSession };

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Sign-up and sign-in rules. */
export function authService(ctx: AuthContext) {
  const repo = authRepository(ctx.db);
  const otp = otpService(ctx);
  const lockout = lockoutService(ctx);
  const sessions = sessionService(ctx);
  const passwords = passwordService(ctx);

  async function finishSignIn(user: UserRow, meta: RequestMeta, method: string): Promise<SignInResult> {
    await lockout.recordSuccess(user.phone ?? '');
    const pending = !!user.totpEnabledAt;
    const issued = await sessions.create(user.id, {
      ip: meta.ip,
      userAgent: meta.userAgent,
      totpPending: pending,
    });
    await meta.audit({
      actor: { userId: user.id, kind: user.kind, roles: [] },
      action: pending ? 'auth.login.password_ok_totp_pending' : 'auth.login',
      target: { type: 'user', id: user.id },
      outcome: 'success',
      regionCode: user.regionCode,
      details: { method },
    });
    return { status: pending ? 'totp_required' : 'ok', user, issued };
  }

  async function failSignIn(
    phone: string,
    meta: RequestMeta,
    reason: string,
    userId?: string,
  ): Promise<never> {
    await lockout.recordFailure(phone, meta.ip);
    await meta.audit({
      actor: null,
      action: 'auth.login',
      target: userId ? { type: 'user', id: userId } : null,
      outcome: 'failure',
      details: { reason, phone: maskPhone(phone) },
    });
    throw new AppError('auth.invalid_credentials', 401);
  }

  return {
    /**
     * Sends a code. `register`/`change_phone` refuse a number that is taken; `login` and
     * `reset_password` pretend to send for unknown numbers so the answer does not reveal who is
     * registered (the rate limits still apply).
     */
    async requestOtp(phone: string, purpose: OtpPurpose, meta: RequestMeta, signedInUserId: string | null) {
      const user = await repo.userByPhone(phone);
      let deliver = true;
      switch (purpose) {
        case 'register':
        case 'change_phone':
          if (purpose === 'change_phone' && !signedInUserId) throw new AppError('error.unauthorized', 401);
          if (user) throw new AppError('auth.phone_taken', 409, { fields: { phone: 'auth.phone_taken' } });
          break;
        case 'verify_phone':
          if (!signedInUserId) throw new AppError('error.unauthorized', 401);
          if (!user || user.id !== signedInUserId) throw new AppError('auth.not_your_phone', 403);
          break;
        case 'login':
        case 'reset_password':
          deliver = !!user && user.status === 'active';
          break;
      }
      const result = await otp.issue(phone, purpose, { ip: meta.ip, deliver });
      await meta.audit({
        action: 'auth.otp.send',
        outcome: 'success',
        details: { purpose, phone: maskPhone(phone), delivered: deliver },
      });
      return result;
    },

    /** Creates the account (phone proven by a `register` code), records consents, signs in. */
    async register(input: RegisterRequest, meta: RequestMeta): Promise<SignInResult> {
      if (await repo.userByPhone(input.phone)) {
        throw new AppError('auth.phone_taken', 409, { fields: { phone: 'auth.phone_taken' } });
      }
      passwords.assertAcceptable(input.password, input.phone);
      await otp.verify(input.phone, 'register', input.code);
      const now = ctx.now();
      const passwordHash = await hashPassword(input.password);
      let user: UserRow;
      try {
        user = await ctx.db.orm.transaction(async (tx) => {
          const txRepo = authRepository({ ...ctx.db, orm: tx } as typeof ctx.db);
          const created = await txRepo.insertUser({
            phone: input.phone,
            phoneVerifiedAt: now,
            email: input.email ?? null,
            passwordHash,
            passwordChangedAt: now,
            displayName: input.displayName,
            kind: input.kind,
          });
          await txRepo.addPasswordHistory(created.id, passwordHash, now);
          await tx.insert(consents).values(
            (['terms', 'privacy_policy'] as const).map((purpose) => ({
              userId: created.id,
              purpose,
              version: POLICY_VERSIONS[purpose],
              grantedAt: now,
              ip: meta.ip,
              userAgent: meta.userAgent?.slice(0, 400) ?? null,
            })),
          );
          return created;
        });
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('auth.phone_taken', 409, { fields: { phone: 'auth.phone_taken' } });
        throw err;
      }
      await meta.audit({
        actor: { userId: user.id, kind: user.kind, roles: [] },
        action: 'auth.register',
        target: { type: 'user', id: user.id },
        outcome: 'success',
        details: { kind: user.kind },
      });
      const issued = await sessions.create(user.id, { ip: meta.ip, userAgent: meta.userAgent });
      return { status: 'ok', user, issued };
    },

    /** First sign-in step; locked accounts/IPs get 423/429 before any password is checked. */
    async login(input: LoginRequest, meta: RequestMeta): Promise<SignInResult> {
      await lockout.assertNotLocked(input.phone, meta.ip);
      const user = await repo.userByPhone(input.phone);
      if (input.method === 'password') {
        if (!user?.passwordHash) {
          await verifyAgainstDummy(input.password);
          return failSignIn(input.phone, meta, 'unknown_or_no_password', user?.id);
        }
        if (!(await verifyPassword(user.passwordHash, input.password))) {
          return failSignIn(input.phone, meta, 'wrong_password', user.id);
        }
      } else {
        try {
          await otp.verify(input.phone, 'login', input.code);
        } catch (err) {
          if (isAppError(err) && err.code === 'auth.code_invalid') {
            await lockout.recordFailure(input.phone, meta.ip);
            await meta.audit({
              action: 'auth.login',
              outcome: 'failure',
              details: { reason: 'wrong_code', phone: maskPhone(input.phone) },
            });
          }
          throw err;
        }
        if (!user) return failSignIn(input.phone, meta, 'unknown', undefined);
      }
      if (user.status !== 'active') throw new AppError('auth.account_disabled', 403);
      return finishSignIn(user, meta, input.method);
    },

    /** Second step: a TOTP code for the pending session. Wrong codes count towards the lockout. */
    async loginTotp(
      pending: {
        sessionId: string;
        user: UserRow;
        session: Parameters<typeof sessions.completeTotp>[0];
      } | null,
      code: string,
      meta: RequestMeta,
    ): Promise<SignInResult> {
      if (!pending) throw new AppError('auth.totp_not_pending', 401);
      const { user } = pending;
      const phone = user.phone ?? '';
      await lockout.assertNotLocked(phone, meta.ip);
      const secret =
        user.totpSecretEnc && user.totpEnabledAt ? decryptField(ctx.ring, user.totpSecretEnc, user.id) : null;
      const step = secret ? totpStep(secret, code, ctx.now()) : null;
      if (step === null || !(await repo.claimTotpStep(user.id, step))) {
        await lockout.recordFailure(phone, meta.ip);
        await meta.audit({
          action: 'auth.login.totp',
          target: { type: 'user', id: user.id },
          outcome: 'failure',
          details: { reason: 'wrong_totp' },
        });
        throw new AppError('auth.totp_invalid', 401);
      }
      const issued = await sessions.completeTotp(pending.session);
      await lockout.recordSuccess(phone);
      await meta.audit({
        actor: { userId: user.id, kind: user.kind, roles: [] },
        action: 'auth.login',
        target: { type: 'user', id: user.id },
        outcome: 'success',
        details: { method: 'totp' },
      });
      return { status: 'ok', user, issued };
    },

    /** Forgotten password: a `reset_password` code sets a new password and ends all sessions. */
    async resetPassword(input: PasswordResetRequest, meta: RequestMeta): Promise<void> {
      await lockout.assertNotLocked(input.phone, meta.ip);
      const user = await repo.userByPhone(input.phone);
      try {
        await otp.verify(input.phone, 'reset_password', input.code);
      } catch (err) {
        await lockout.recordFailure(input.phone, meta.ip);
        throw err;
      }
      if (!user || user.status !== 'active') throw new AppError('auth.code_invalid', 400);
      await passwords.set(user, input.newPassword);
      await sessions.revokeOthers(user.id, null);
      await lockout.recordSuccess(input.phone);
      await meta.audit({
        actor: { userId: user.id, kind: user.kind, roles: [] },
        action: 'auth.password.reset',
        target: { type: 'user', id: user.id },
        outcome: 'success',
      });
    },
  };
}
