/**
 * PIPL rights: consents (grant, withdraw), export of everything held about a person, and account
 * deletion that removes or anonymizes personal data wherever it lives.
 * @module
 */
import { eq } from 'drizzle-orm';
import type { ConsentGrant } from '@tianfu/contracts';
import {
  consents,
  orgMembers,
  otpCodes,
  passwordHistory,
  realNameIdentities,
  roleAssignments,
  sessions,
  signInFailures,
  smsMessages,
  teamMembers,
  users,
} from '@tianfu/db';
import { and } from 'drizzle-orm';
import { AppError } from '../../errors/app-error.ts';
import { maskPhone } from '../../http/mask.ts';
import { verifyPassword } from '../../crypto/password.ts';
import type { AuthContext } from '../auth/auth.context.ts';
import { authRepository } from '../auth/auth.repository.ts';
import type { RequestMeta } from '../auth/auth.service.ts';
import { identityRepository } from '../identity/identity.repository.ts';
import { consentsRepository } from './consents.repository.ts';
import { accountErasers } from './privacy.extensions.ts';

/** Display name left on a deleted account (other people's records may still point at it). */
export const DELETED_DISPLAY_NAME = '已注销用户';

/** Privacy services. */
export function privacyService(ctx: AuthContext) {
  const repo = consentsRepository(ctx.db);
  const users_ = authRepository(ctx.db);
  const identities = identityRepository(ctx.db);

  return {
    listConsents: (userId: string) => repo.listOf(userId),

    /** Records a consent; granting the same purpose and version again returns the active record. */
    async grant(userId: string, input: ConsentGrant, meta: RequestMeta) {
      const active = await repo.activeFor(userId, input.purpose);
      if (active && active.version === input.version) return active;
      const row = await repo.insert({
        userId,
        purpose: input.purpose,
        version: input.version,
        grantedAt: ctx.now(),
        ip: meta.ip,
        userAgent: meta.userAgent?.slice(0, 400) ?? null,
      });
      await meta.audit({
        action: 'consent.grant',
        target: { type: 'consent', id: row.id },
        outcome: 'success',
        details: { purpose: input.purpose, version: input.version },
      });
      return row;
    },

    /**
     * Withdraws one of the caller's consents. Withdrawing `real_name` also deletes the real-name
     * record: without the consent there is no basis to keep processing it.
     */
    async withdraw(userId: string, consentId: string, meta: RequestMeta) {
      const row = /^[0-9a-f-]{36}$/i.test(consentId)
        ? await repo.withdraw(userId, consentId, ctx.now())
        : undefined;
      if (!row) {
        await meta.audit({
          action: 'consent.withdraw',
          target: { type: 'consent', id: consentId },
          outcome: 'denied',
        });
        throw new AppError('consent.not_found', 404);
      }
      if (row.purpose === 'real_name' && !(await repo.activeFor(userId, 'real_name'))) {
        await identities.deleteByUser(userId);
      }
      await meta.audit({
        action: 'consent.withdraw',
        target: { type: 'consent', id: row.id },
        outcome: 'success',
        details: { purpose: row.purpose },
      });
      return row;
    },

    /**
     * Deletes the account after re-authentication. The user row stays (other records and audit
     * rows refer to its id) but carries no personal data; sessions, codes, identity, roles and
     * memberships are deleted; consents stay as anonymized evidence; SMS log phone numbers are masked.
     */
    async deleteAccount(userId: string, password: string, meta: RequestMeta): Promise<void> {
      const user = await users_.userById(userId);
      if (!user || user.status === 'deleted') throw new AppError('error.unauthorized', 401);
      if (!user.passwordHash || !(await verifyPassword(user.passwordHash, password))) {
        await meta.audit({
          action: 'account.delete',
          target: { type: 'user', id: userId },
          outcome: 'failure',
          details: { reason: 'wrong_password' },
        });
        throw new AppError('account.delete_wrong_password', 400, {
          fields: { password: 'account.delete_wrong_password' },
        });
      }
      const now = ctx.now();
      const phone = user.phone;
      await ctx.db.orm.transaction(async (tx) => {
        await tx.delete(sessions).where(eq(sessions.userId, userId));
        await tx.delete(realNameIdentities).where(eq(realNameIdentities.userId, userId));
        await tx.delete(passwordHistory).where(eq(passwordHistory.userId, userId));
        await tx.delete(roleAssignments).where(eq(roleAssignments.userId, userId));
        await tx.delete(teamMembers).where(eq(teamMembers.userId, userId));
        await tx.delete(orgMembers).where(eq(orgMembers.userId, userId));
        await tx.update(consents).set({ ip: null, userAgent: null }).where(eq(consents.userId, userId));
        if (phone) {
          await tx.delete(otpCodes).where(eq(otpCodes.phone, phone));
          await tx
            .delete(signInFailures)
            .where(and(eq(signInFailures.scope, 'account'), eq(signInFailures.key, phone)));
          // The delivery log stays (operational record) but no longer names the person or holds codes.
          await tx
            .update(smsMessages)
            .set({ phone: maskPhone(phone), params: {}, body: '' })
            .where(eq(smsMessages.phone, phone));
        }
        for (const eraser of accountErasers())
          await eraser.erase(tx as unknown as typeof ctx.db.orm, { id: userId, phone }, now);
        await tx
          .update(users)
          .set({
            phone: null,
            phoneVerifiedAt: null,
            email: null,
            passwordHash: null,
            passwordChangedAt: null,
            displayName: DELETED_DISPLAY_NAME,
            regionCode: null,
            bio: null,
            totpSecretEnc: null,
            totpEnabledAt: null,
            status: 'deleted',
            deletedAt: now,
          })
          .where(eq(users.id, userId));
      });
      // The actor id in audit rows now points at an anonymized account (audit rows are append-only).
      await meta.audit({
        actor: null,
        action: 'account.delete',
        target: { type: 'user', id: userId },
        outcome: 'success',
      });
    },
  };
}
