/**
 * The signed-in user's own security settings: sessions, TOTP, password and phone number.
 * Every function acts on `userId` taken from the session, never from the request body or path,
 * so no one can change another person's settings by editing an id.
 * @module
 */
import { AppError } from '../../errors/app-error.ts';
import { maskPhone } from '../../http/mask.ts';
import { decryptField, encryptField } from '../../crypto/field-encryption.ts';
import { verifyPassword } from '../../crypto/password.ts';
import type { AuthContext } from './auth.context.ts';
import { authRepository, type UserRow } from './auth.repository.ts';
import type { RequestMeta } from './auth.service.ts';
import { meService, totpRequired } from './me.service.ts';
import { otpService } from './otp.service.ts';
import { passwordService } from './password.service.ts';
import { sessionService } from './session.service.ts';
import { newTotpSecret, totpStep, totpUrl } from './totp.ts';

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Own-account security operations. */
export function accountSecurityService(ctx: AuthContext) {
  const repo = authRepository(ctx.db);
  const sessions = sessionService(ctx);
  const passwords = passwordService(ctx);
  const otp = otpService(ctx);
  const me = meService(ctx);

  async function load(userId: string): Promise<UserRow> {
    const user = await repo.userById(userId);
    if (!user || user.status !== 'active') throw new AppError('error.unauthorized', 401);
    return user;
  }

  function audit(
    meta: RequestMeta,
    user: UserRow,
    action: string,
    outcome: 'success' | 'failure',
    details?: Record<string, unknown>,
  ) {
    return meta.audit({
      action,
      target: { type: 'user', id: user.id },
      outcome,
      regionCode: user.regionCode,
      details,
    });
  }

  return {
    listSessions: (userId: string) => sessions.list(userId),

    /** Revokes one of the caller's sessions; another user's session id is simply "not found". */
    async revokeSession(userId: string, sessionId: string, meta: RequestMeta): Promise<void> {
      const ok = /^[0-9a-f-]{36}$/i.test(sessionId) && (await sessions.revoke(sessionId, userId));
      await meta.audit({
        action: 'auth.session.revoke',
        target: { type: 'session', id: sessionId },
        outcome: ok ? 'success' : 'denied',
      });
      if (!ok) throw new AppError('auth.session_not_found', 404);
    },

    /** Starts TOTP enrollment: a new secret, stored encrypted, enabled only after confirm. */
    async enrollTotp(userId: string, meta: RequestMeta) {
      const user = await load(userId);
      if (user.totpEnabledAt) throw new AppError('auth.totp_already_enabled', 409);
      const secret = newTotpSecret();
      await repo.updateUser(user.id, {
        totpSecretEnc: encryptField(ctx.ring, secret, user.id),
        totpLastStep: null,
      });
      await audit(meta, user, 'auth.totp.enroll', 'success');
      return { secret, otpauthUrl: totpUrl(user.phone ? maskPhone(user.phone) : user.id, secret) };
    },

    async confirmTotp(userId: string, code: string, meta: RequestMeta): Promise<void> {
      const user = await load(userId);
      if (user.totpEnabledAt) throw new AppError('auth.totp_already_enabled', 409);
      if (!user.totpSecretEnc) throw new AppError('auth.totp_not_enrolled', 409);
      const secret = decryptField(ctx.ring, user.totpSecretEnc, user.id);
      const step = totpStep(secret, code, ctx.now());
      if (step === null || !(await repo.claimTotpStep(user.id, step))) {
        await audit(meta, user, 'auth.totp.confirm', 'failure');
        throw new AppError('auth.totp_invalid', 400, { fields: { code: 'auth.totp_invalid' } });
      }
      await repo.updateUser(user.id, { totpEnabledAt: ctx.now() });
      await audit(meta, user, 'auth.totp.confirm', 'success');
    },

    /** Turns TOTP off (password + current code); refused for roles that require it. */
    async disableTotp(userId: string, password: string, code: string, meta: RequestMeta): Promise<void> {
      const user = await load(userId);
      if (totpRequired(await me.rolesOf(user.id))) throw new AppError('auth.totp_required_for_role', 403);
      if (!user.totpEnabledAt || !user.totpSecretEnc) throw new AppError('auth.totp_not_enrolled', 409);
      const okPassword = !!user.passwordHash && (await verifyPassword(user.passwordHash, password));
      if (!okPassword) {
        await audit(meta, user, 'auth.totp.disable', 'failure', { reason: 'wrong_password' });
        throw new AppError('auth.wrong_password', 400, { fields: { password: 'auth.wrong_password' } });
      }
      const step = totpStep(decryptField(ctx.ring, user.totpSecretEnc, user.id), code, ctx.now());
      if (step === null || !(await repo.claimTotpStep(user.id, step))) {
        await audit(meta, user, 'auth.totp.disable', 'failure', { reason: 'wrong_totp' });
        throw new AppError('auth.totp_invalid', 400, { fields: { code: 'auth.totp_invalid' } });
      }
      await repo.updateUser(user.id, { totpSecretEnc: null, totpEnabledAt: null, totpLastStep: null });
      await audit(meta, user, 'auth.totp.disable', 'success');
    },

    /** Changes the password (current one required) and signs out every other session. */
    async changePassword(
      userId: string,
      sessionId: string | null,
      current: string,
      next: string,
      meta: RequestMeta,
    ) {
      const user = await load(userId);
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, current))) {
        await audit(meta, user, 'auth.password.change', 'failure', { reason: 'wrong_password' });
        throw new AppError('auth.wrong_password', 400, {
          fields: { currentPassword: 'auth.wrong_password' },
        });
      }
      await passwords.set(user, next, 'newPassword');
      await sessions.revokeOthers(user.id, sessionId);
      await audit(meta, user, 'auth.password.change', 'success');
    },

    /** Confirms the current number with a `verify_phone` code. */
    async verifyPhone(userId: string, code: string, meta: RequestMeta): Promise<void> {
      const user = await load(userId);
      if (!user.phone) throw new AppError('error.unauthorized', 401);
      await otp.verify(user.phone, 'verify_phone', code);
      await repo.updateUser(user.id, { phoneVerifiedAt: ctx.now() });
      await audit(meta, user, 'auth.phone.verify', 'success');
    },

    /** Moves the account to a new number proven by a `change_phone` code sent to that number. */
    async changePhone(userId: string, newPhone: string, code: string, meta: RequestMeta): Promise<void> {
      const user = await load(userId);
      if (await repo.userByPhone(newPhone))
        throw new AppError('auth.phone_taken', 409, { fields: { newPhone: 'auth.phone_taken' } });
      await otp.verify(newPhone, 'change_phone', code);
      try {
        await repo.updateUser(user.id, { phone: newPhone, phoneVerifiedAt: ctx.now() });
      } catch (err) {
        if (isUniqueViolation(err))
          throw new AppError('auth.phone_taken', 409, { fields: { newPhone: 'auth.phone_taken' } });
        throw err;
      }
      await audit(meta, user, 'auth.phone.change', 'success', {
        from: user.phone ? maskPhone(user.phone) : null,
        to: maskPhone(newPhone),
      });
    },
  };
}
