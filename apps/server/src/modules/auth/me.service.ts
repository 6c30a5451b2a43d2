/**
 * Who the signed-in user is, in the shape `GET /api/auth/me` and the policies need: account kinds
 * (their own plus "organization"/"team" when they act for one), staff roles, real-name status and
 * two-factor state. Staff roles only take effect once TOTP is on (required for officers and admins).
 * @module
 */
import { and, eq } from 'drizzle-orm';
import { orgMembers, realNameIdentities, teamMembers, type AccountKind } from '@tianfu/db';
import type { MeResponse, RealNameStatus } from '@tianfu/contracts';
import type { Actor, RoleGrant } from '../../policy/actor.ts';
import { maskPhone } from '../../http/mask.ts';
import type { AuthContext } from './auth.context.ts';
import { authRepository, type UserRow } from './auth.repository.ts';
import { passwordExpired } from './password/password-policy.ts';

/** Roles whose holders must use TOTP. */
export const TOTP_REQUIRED_ROLES = new Set(['officer', 'admin']);

/** True when the user holds a role that requires TOTP. */
export function totpRequired(roles: readonly RoleGrant[]): boolean {
  return roles.some((r) => TOTP_REQUIRED_ROLES.has(r.role));
}

/**
 * The policy actor for a user. A user who must use TOTP but has not enabled it gets no staff
 * roles, so every staff policy denies them until they enroll (`me.twoFactor.mustEnroll`).
 */
export function actorFor(user: UserRow, roles: RoleGrant[], sessionId?: string): Actor {
  const onHold = totpRequired(roles) && !user.totpEnabledAt;
  return onHold
    ? { userId: user.id, kind: user.kind, roles: [], sessionId, suspendedRoles: roles }
    : { userId: user.id, kind: user.kind, roles, sessionId };
}

/** Builds actors and `me` answers. */
export function meService(ctx: AuthContext) {
  const repo = authRepository(ctx.db);
  const orm = ctx.db.orm;

  async function kindsOf(user: UserRow): Promise<AccountKind[]> {
    const kinds = new Set<AccountKind>([user.kind]);
    const [org] = await orm
      .select({ id: orgMembers.orgId })
      .from(orgMembers)
      .where(eq(orgMembers.userId, user.id))
      .limit(1);
    if (org) kinds.add('organization');
    const [team] = await orm
      .select({ id: teamMembers.teamId })
      .from(teamMembers)
      .where(and(eq(teamMembers.userId, user.id), eq(teamMembers.status, 'active')))
      .limit(1);
    if (team) kinds.add('team');
    return [...kinds];
  }

  async function realNameStatusOf(userId: string): Promise<RealNameStatus> {
    const [row] = await orm
      .select({ status: realNameIdentities.status })
      .from(realNameIdentities)
      .where(eq(realNameIdentities.userId, userId))
      .limit(1);
    return row?.status ?? 'none';
  }

  return {
    kindsOf,
    realNameStatusOf,
    /** Roles as stored (before the TOTP gate). */
    async rolesOf(userId: string): Promise<RoleGrant[]> {
      return (await repo.rolesOf(userId)).map((r) => ({ role: r.role, regionCode: r.regionCode }));
    },
    /** The `me` answer for a user (or the signed-out answer). */
    async me(user: UserRow | null): Promise<MeResponse> {
      if (!user) return { user: null, twoFactor: null, passwordChangeRequired: false };
      const roles = await this.rolesOf(user.id);
      const required = totpRequired(roles);
      const enabled = !!user.totpEnabledAt;
      return {
        user: {
          id: user.id,
          displayName: user.displayName,
          phoneMasked: user.phone ? maskPhone(user.phone) : '',
          phoneVerified: !!user.phoneVerifiedAt,
          email: user.email,
          regionCode: user.regionCode,
          kinds: await kindsOf(user),
          roles,
          realNameStatus: await realNameStatusOf(user.id),
          createdAt: user.createdAt.toISOString(),
        },
        twoFactor: { enabled, required, mustEnroll: required && !enabled },
        passwordChangeRequired: passwordExpired(
          ctx.config.PASSWORD_POLICY,
          user.passwordChangedAt,
          ctx.config.PASSWORD_MAX_AGE_DAYS,
          ctx.now(),
        ),
      };
    },
  };
}
