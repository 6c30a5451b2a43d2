/**
 * Setting a password under the configured policy, with history for the `mlps` no-reuse rule.
 * @module
 */
import { AppError } from '../../errors/app-error.ts';
import { hashPassword, verifyPassword } from '../../crypto/password.ts';
import type { AuthContext } from './auth.context.ts';
import { authRepository, type UserRow } from './auth.repository.ts';
import { checkPassword, MLPS_HISTORY } from './password/password-policy.ts';

/** The policy failure as a 400 with the failing field. */
function policyError(field: string, code: string, params?: Record<string, number>): AppError {
  return new AppError(code, 400, { fields: { [field]: code }, params });
}

/** Password checks and updates. */
export function passwordService(ctx: AuthContext) {
  const repo = authRepository(ctx.db);
  return {
    /** Throws a 400 naming `field` when `password` breaks the policy (pure rules only). */
    assertAcceptable(password: string, phone: string | null, field = 'password'): void {
      const problem = checkPassword(ctx.config.PASSWORD_POLICY, password, phone);
      if (problem) throw policyError(field, problem.code, problem.params);
    },

    /**
     * Replaces a user's password: policy, then (mlps) no reuse of the current or last 5, then
     * store the argon2id hash and remember it in the history.
     */
    async set(user: UserRow, newPassword: string, field = 'newPassword'): Promise<void> {
      this.assertAcceptable(newPassword, user.phone, field);
      if (user.passwordHash && (await verifyPassword(user.passwordHash, newPassword))) {
        throw policyError(field, 'password.same_as_current');
      }
      if (ctx.config.PASSWORD_POLICY === 'mlps') {
        for (const old of await repo.recentPasswordHashes(user.id, MLPS_HISTORY)) {
          if (await verifyPassword(old, newPassword)) {
            throw policyError(field, 'password.reused', { count: MLPS_HISTORY });
          }
        }
      }
      const now = ctx.now();
      const hash = await hashPassword(newPassword);
      await repo.updateUser(user.id, { passwordHash: hash, passwordChangedAt: now });
      await repo.addPasswordHistory(user.id, hash, now);
      await repo.prunePasswordHistory(user.id, MLPS_HISTORY);
    },
  };
}
