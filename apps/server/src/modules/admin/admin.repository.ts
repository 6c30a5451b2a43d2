/**
 * Queries behind the administration API: user search with region scope, role assignments,
 * account status and session revocation. Queries only; rules live in admin.service.ts.
 * @module
 */
import {
  and,
  count,
  desc,
  eq,
  exists,
  gt,
  ilike,
  inArray,
  isNull,
  like,
  max,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import {
  orgMembers,
  realNameIdentities,
  regionPrefix,
  roleAssignments,
  sessions,
  teamMembers,
  users,
  type AccountKind,
  type Db,
  type StaffRole,
  type UserStatus,
} from '@tianfu/db';

export type AdminUserRow = typeof users.$inferSelect;
export type RoleRow = typeof roleAssignments.$inferSelect;

/** Search filters. `scope` = region codes the reader may see (null: everywhere). */
export interface UserSearchFilter {
  q?: string;
  kind?: AccountKind;
  role?: StaffRole;
  region?: string;
  status?: UserStatus;
  scope: string[] | null;
}

// LIKE wildcards in user input are literal characters.
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

// Users' region codes may be stored short (`5101`) or padded (`510100`); both start with the
// significant digits, so a subtree is a prefix match. An unknown code matches nothing.
function inRegion(code: string): SQL {
  const prefix = regionPrefix(code);
  return prefix ? like(users.regionCode, `${prefix}%`) : sql`false`;
}

function whereOf(f: UserSearchFilter): SQL | undefined {
  const parts: SQL[] = [];
  if (f.q) {
    const text = `%${escapeLike(f.q)}%`;
    const digits = f.q.replace(/[\s\-+]/g, '');
    const byName = ilike(users.displayName, text);
    parts.push(
      /^\d{3,}$/.test(digits)
        ? (or(byName, like(users.phone, `%${digits.replace(/^86(?=1\d{10}$)/, '')}%`)) as SQL)
        : byName,
    );
  }
  if (f.kind) parts.push(eq(users.kind, f.kind));
  if (f.status) parts.push(eq(users.status, f.status));
  if (f.region) parts.push(inRegion(f.region));
  if (f.role) {
    const role = f.role;
    parts.push(
      exists(
        sql`(select 1 from ${roleAssignments} where ${roleAssignments.userId} = ${users.id} and ${roleAssignments.role} = ${role})`,
      ),
    );
  }
  if (f.scope !== null) {
    if (f.scope.length === 0) return sql`false`;
    parts.push(or(...f.scope.map(inRegion)) as SQL);
  }
  return parts.length > 0 ? and(...parts) : undefined;
}

/** Administration queries. */
export function adminRepository(db: Db) {
  const orm = db.orm;
  return {
    /** Newest accounts first. */
    async searchUsers(
      f: UserSearchFilter,
      limit: number,
      offset: number,
    ): Promise<{ rows: AdminUserRow[]; total: number }> {
      const where = whereOf(f);
      const rows = await orm
        .select()
        .from(users)
        .where(where)
        .orderBy(desc(users.createdAt), desc(users.id))
        .limit(limit)
        .offset(offset);
      const [total] = await orm.select({ n: count() }).from(users).where(where);
      return { rows, total: Number(total?.n ?? 0) };
    },

    async userById(id: string): Promise<AdminUserRow | undefined> {
      const [row] = await orm.select().from(users).where(eq(users.id, id)).limit(1);
      return row;
    },

    /** Role assignments of several users, oldest grant first. */
    async rolesOf(userIds: string[]): Promise<RoleRow[]> {
      if (userIds.length === 0) return [];
      return orm
        .select()
        .from(roleAssignments)
        .where(inArray(roleAssignments.userId, userIds))
        .orderBy(roleAssignments.createdAt);
    },

    /** Users (of `userIds`) who belong to an organization / are active members of a team. */
    async memberships(userIds: string[]): Promise<{ orgs: Set<string>; teams: Set<string> }> {
      if (userIds.length === 0) return { orgs: new Set(), teams: new Set() };
      const orgRows = await orm
        .selectDistinct({ id: orgMembers.userId })
        .from(orgMembers)
        .where(inArray(orgMembers.userId, userIds));
      const teamRows = await orm
        .selectDistinct({ id: teamMembers.userId })
        .from(teamMembers)
        .where(and(inArray(teamMembers.userId, userIds), eq(teamMembers.status, 'active')));
      return { orgs: new Set(orgRows.map((r) => r.id)), teams: new Set(teamRows.map((r) => r.id)) };
    },

    /** Real-name verification status by user id (absent = none submitted). */
    async realNameStatuses(userIds: string[]): Promise<Map<string, 'pending' | 'verified' | 'rejected'>> {
      if (userIds.length === 0) return new Map();
      const rows = await orm
        .select({ userId: realNameIdentities.userId, status: realNameIdentities.status })
        .from(realNameIdentities)
        .where(inArray(realNameIdentities.userId, userIds));
      return new Map(rows.map((r) => [r.userId, r.status]));
    },

    /** Live sessions and the last time any session was used. */
    async sessionStats(userId: string, now: Date): Promise<{ active: number; lastSeenAt: Date | null }> {
      const [live] = await orm
        .select({ n: count() })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
      const [last] = await orm
        .select({ at: max(sessions.lastSeenAt) })
        .from(sessions)
        .where(eq(sessions.userId, userId));
      return { active: Number(live?.n ?? 0), lastSeenAt: last?.at ?? null };
    },

    async roleById(id: string): Promise<RoleRow | undefined> {
      const [row] = await orm.select().from(roleAssignments).where(eq(roleAssignments.id, id)).limit(1);
      return row;
    },

    async insertRole(values: typeof roleAssignments.$inferInsert): Promise<RoleRow> {
      const [row] = await orm.insert(roleAssignments).values(values).returning();
      if (!row) throw new Error('role insert returned no row');
      return row;
    },

    async deleteRole(id: string): Promise<void> {
      await orm.delete(roleAssignments).where(eq(roleAssignments.id, id));
    },

    /** Administrators whose account is active. */
    async countActiveAdmins(): Promise<number> {
      const [row] = await orm
        .select({ n: count(sql`distinct ${roleAssignments.userId}`) })
        .from(roleAssignments)
        .innerJoin(users, eq(users.id, roleAssignments.userId))
        .where(and(eq(roleAssignments.role, 'admin'), eq(users.status, 'active')));
      return Number(row?.n ?? 0);
    },

    async setStatus(userId: string, status: UserStatus): Promise<void> {
      await orm.update(users).set({ status }).where(eq(users.id, userId));
    },

    /** Ends every live session of the user (used when an account is disabled). */
    async revokeSessions(userId: string, at: Date): Promise<number> {
      const rows = await orm
        .update(sessions)
        .set({ revokedAt: at })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
        .returning({ id: sessions.id });
      return rows.length;
    },
  };
}
export type AdminRepository = ReturnType<typeof adminRepository>;
