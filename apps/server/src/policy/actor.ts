/**
 * Who is making a request. Set on `request.actor` by the auth module's session hook
 * (null for anonymous requests); policy functions decide from it alone.
 * @module
 */
import type { AccountKind, StaffRole } from '@tianfu/db';

/** A staff role held by a user; officers always carry the region code they are limited to. */
export interface RoleGrant {
  role: StaffRole;
  /** Province (2 digits), city (4) or county (6) code; null = the whole platform. */
  regionCode: string | null;
}

/** The signed-in user as the policies see them. */
export interface Actor {
  userId: string;
  kind: AccountKind;
  roles: RoleGrant[];
  /** Current session id, when the request came with a session cookie. */
  sessionId?: string;
  /** Staff roles held but not in force because TOTP is not enrolled yet (officers, admins). */
  suspendedRoles?: RoleGrant[];
}

/** True when the actor holds `role` (in any region). */
export function hasRole(actor: Actor | null | undefined, role: StaffRole): boolean {
  return !!actor && actor.roles.some((r) => r.role === role);
}

/** True for platform administrators. */
export function isAdmin(actor: Actor | null | undefined): boolean {
  return hasRole(actor, 'admin');
}
