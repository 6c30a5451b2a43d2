/**
 * Administration rules: user search within the reader's region scope, granting and revoking staff
 * roles (validated regions, no duplicate grants, never the last administrator, never one's own
 * administrator role), disabling and enabling accounts. Every change is written to the audit log.
 * @module
 */
import type {
  AdminRoleGrantRequest,
  AdminUserDetail,
  AdminUserSearchQuery,
  RealNameStatus,
} from '@tianfu/contracts';
import { pageOffset } from '@tianfu/contracts';
import { getRegion, type AccountKind, type Db, type StaffRole } from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import { isAdmin } from '../../policy/actor.ts';
import { regionScopeOf } from '../../policy/region-scope.ts';
import type { AuditEvent } from '../audit/audit.service.ts';
import './admin.errors.ts';
import { adminRepository, type AdminUserRow, type RoleRow } from './admin.repository.ts';
import { presentUserDetail, presentUserSummary, type UserFacts } from './admin.presenter.ts';

/** What the service needs; `audit` records one event with the request's actor, IP and id. */
export interface AdminContext {
  db: Db;
  now: () => Date;
  audit: (event: Omit<AuditEvent, 'ip' | 'requestId'>) => Promise<void>;
}

function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } } | null;
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** Canonical code of an existing region, or a 400 naming the field. */
function existingRegion(code: string): string {
  const region = getRegion(code);
  if (!region)
    throw new AppError('error.validation', 400, { fields: { regionCode: 'admin.unknown_region' } });
  return region.code;
}

/** The administration service. */
export function adminService(ctx: AdminContext) {
  const repo = adminRepository(ctx.db);

  async function factsFor(rows: AdminUserRow[]): Promise<Map<string, UserFacts>> {
    const ids = rows.map((r) => r.id);
    const [roles, memberships, realNames] = await Promise.all([
      repo.rolesOf(ids),
      repo.memberships(ids),
      repo.realNameStatuses(ids),
    ]);
    const out = new Map<string, UserFacts>();
    for (const row of rows) {
      const kinds = new Set<AccountKind>([row.kind]);
      if (memberships.orgs.has(row.id)) kinds.add('organization');
      if (memberships.teams.has(row.id)) kinds.add('team');
      out.set(row.id, {
        roles: roles.filter((r) => r.userId === row.id),
        kinds: [...kinds],
        realNameStatus: (realNames.get(row.id) ?? 'none') as RealNameStatus,
      });
    }
    return out;
  }

  async function loadUser(id: string): Promise<AdminUserRow> {
    const user = await repo.userById(id);
    if (!user) throw new AppError('admin.user_not_found', 404);
    return user;
  }

  function assertChangeable(user: AdminUserRow): void {
    if (user.status === 'deleted') throw new AppError('admin.user_deleted', 409);
  }

  async function detail(actor: Actor, user: AdminUserRow): Promise<AdminUserDetail> {
    const facts = (await factsFor([user])).get(user.id) as UserFacts;
    const stats = await repo.sessionStats(user.id, ctx.now());
    const admin = isAdmin(actor);
    return presentUserDetail(user, {
      ...facts,
      activeSessions: stats.active,
      lastSeenAt: stats.lastSeenAt,
      can: {
        manageRoles: admin && user.status !== 'deleted',
        changeStatus: admin && user.status !== 'deleted' && user.id !== actor.userId,
      },
    });
  }

  async function grantOne(
    actor: Actor,
    user: AdminUserRow,
    role: StaffRole,
    regionCode: string | null,
  ): Promise<RoleRow> {
    let row: RoleRow;
    try {
      row = await repo.insertRole({
        userId: user.id,
        role,
        regionCode,
        grantedBy: actor.userId,
        createdAt: ctx.now(),
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('admin.role_exists', 409);
      throw err;
    }
    await ctx.audit({
      actor,
      action: 'admin.role.grant',
      target: { type: 'user', id: user.id },
      outcome: 'success',
      // The officer region (when any) lets officers of that region see who was appointed there.
      regionCode: regionCode ?? user.regionCode,
      details: { role, regionCode, roleId: row.id },
    });
    return row;
  }

  async function revokeOne(actor: Actor, user: AdminUserRow, role: RoleRow): Promise<void> {
    if (role.role === 'admin') {
      if (user.id === actor.userId) throw new AppError('admin.cannot_revoke_own_admin', 409);
      if (user.status === 'active' && (await repo.countActiveAdmins()) <= 1)
        throw new AppError('admin.last_admin', 409);
    }
    await repo.deleteRole(role.id);
    await ctx.audit({
      actor,
      action: 'admin.role.revoke',
      target: { type: 'user', id: user.id },
      outcome: 'success',
      regionCode: role.regionCode ?? user.regionCode,
      details: { role: role.role, regionCode: role.regionCode, roleId: role.id },
    });
  }

  return {
    /** Users the reader may see, filtered and paginated. */
    async listUsers(actor: Actor, q: AdminUserSearchQuery) {
      const { rows, total } = await repo.searchUsers(
        {
          q: q.q,
          kind: q.kind,
          role: q.role,
          region: q.region,
          status: q.status,
          scope: regionScopeOf(actor),
        },
        q.pageSize,
        pageOffset(q),
      );
      const facts = await factsFor(rows);
      return {
        items: rows.map((r) => presentUserSummary(r, facts.get(r.id) as UserFacts)),
        page: q.page,
        pageSize: q.pageSize,
        total,
      };
    },

    /** The user row, for policy checks (404 when unknown). */
    loadUser,

    /** The detail view of a user the actor may see. */
    async getUser(actor: Actor, user: AdminUserRow): Promise<AdminUserDetail> {
      return detail(actor, user);
    },

    /** Grants one staff role (officers with an existing region). */
    async grantRole(actor: Actor, userId: string, req: AdminRoleGrantRequest): Promise<AdminUserDetail> {
      const user = await loadUser(userId);
      assertChangeable(user);
      const regionCode = req.role === 'officer' && req.regionCode ? existingRegion(req.regionCode) : null;
      await grantOne(actor, user, req.role, regionCode);
      return detail(actor, user);
    },

    /** Revokes one role assignment of the user. */
    async revokeRole(actor: Actor, userId: string, roleId: string): Promise<AdminUserDetail> {
      const user = await loadUser(userId);
      const role = await repo.roleById(roleId);
      if (!role || role.userId !== user.id) throw new AppError('admin.role_not_found', 404);
      await revokeOne(actor, user, role);
      return detail(actor, user);
    },

    /** Disables the account and ends all its sessions. Idempotent. */
    async disable(actor: Actor, userId: string, reason: string | undefined): Promise<AdminUserDetail> {
      const user = await loadUser(userId);
      assertChangeable(user);
      if (user.id === actor.userId) throw new AppError('admin.cannot_disable_self', 409);
      if (user.status !== 'disabled') {
        await repo.setStatus(user.id, 'disabled');
        const revoked = await repo.revokeSessions(user.id, ctx.now());
        await ctx.audit({
          actor,
          action: 'admin.user.disable',
          target: { type: 'user', id: user.id },
          outcome: 'success',
          regionCode: user.regionCode,
          details: { reason: reason ?? null, sessionsRevoked: revoked },
        });
      }
      return detail(actor, await loadUser(user.id));
    },

    /** Re-enables a disabled account. Idempotent. */
    async enable(actor: Actor, userId: string): Promise<AdminUserDetail> {
      const user = await loadUser(userId);
      assertChangeable(user);
      if (user.status !== 'active') {
        await repo.setStatus(user.id, 'active');
        await ctx.audit({
          actor,
          action: 'admin.user.enable',
          target: { type: 'user', id: user.id },
          outcome: 'success',
          regionCode: user.regionCode,
        });
      }
      return detail(actor, await loadUser(user.id));
    },
  };
}
export type AdminService = ReturnType<typeof adminService>;
