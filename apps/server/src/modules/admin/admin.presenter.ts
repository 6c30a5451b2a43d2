/**
 * User records as staff see them: phones and e-mail addresses masked, region names resolved,
 * never the password hash, TOTP secret or other raw columns.
 * @module
 */
import type {
  AdminRoleAssignment,
  AdminUserDetail,
  AdminUserSummary,
  RealNameStatus,
} from '@tianfu/contracts';
import { getRegion, type AccountKind } from '@tianfu/db';
import { maskPhone } from '../../http/mask.ts';
import type { AdminUserRow, RoleRow } from './admin.repository.ts';

/** Facts gathered around a user row for presenting it. */
export interface UserFacts {
  roles: RoleRow[];
  kinds: AccountKind[];
  realNameStatus: RealNameStatus;
}

const regionName = (code: string | null) => (code ? (getRegion(code)?.fullName ?? null) : null);

/** `zhang@example.com` → `z***@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** One role assignment. */
export function presentRole(row: RoleRow): AdminRoleAssignment {
  return {
    id: row.id,
    role: row.role,
    regionCode: row.regionCode,
    regionName: regionName(row.regionCode),
    grantedBy: row.grantedBy,
    createdAt: row.createdAt.toISOString(),
  };
}

/** A row of the user list. */
export function presentUserSummary(user: AdminUserRow, facts: UserFacts): AdminUserSummary {
  return {
    id: user.id,
    displayName: user.displayName,
    phoneMasked: user.phone ? maskPhone(user.phone) : '',
    phoneVerified: user.phoneVerifiedAt !== null,
    kind: user.kind,
    kinds: facts.kinds,
    status: user.status,
    regionCode: user.regionCode,
    regionName: regionName(user.regionCode),
    roles: facts.roles.map(presentRole),
    realNameStatus: facts.realNameStatus,
    totpEnabled: user.totpEnabledAt !== null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** The detail view. */
export function presentUserDetail(
  user: AdminUserRow,
  facts: UserFacts & { activeSessions: number; lastSeenAt: Date | null; can: AdminUserDetail['can'] },
): AdminUserDetail {
  return {
    ...presentUserSummary(user, facts),
    emailMasked: user.email ? maskEmail(user.email) : null,
    activeSessions: facts.activeSessions,
    lastSeenAt: facts.lastSeenAt ? facts.lastSeenAt.toISOString() : null,
    updatedAt: user.updatedAt.toISOString(),
    can: facts.can,
  };
}
