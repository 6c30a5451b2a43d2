/**
 * Queries over teams and organizations for their public profiles. Membership itself is the
 * accounts module's (`accounts.repository.ts`); this adds lists, member views and versioned writes.
 * @module
 */
import { and, arrayOverlaps, asc, count, desc, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import {
  organizationClaims,
  organizations,
  orgMembers,
  scientistProfiles,
  teamMembers,
  teams,
  users,
  type Db,
  type OrgClaimStatus,
  type Orm,
} from '@tianfu/db';
import { pageOffset, type OrganizationProfileListQuery, type TeamProfileListQuery } from '@tianfu/contracts';
import { containsPattern, disciplineFamily, regionSubtree } from './profiles.shared.ts';

export type TeamRow = typeof teams.$inferSelect;
export type OrganizationRow = typeof organizations.$inferSelect;
export interface TeamListRow {
  team: TeamRow;
  leadName: string;
  memberCount: number;
}
export interface TeamMemberRow {
  userId: string;
  displayName: string;
  status: 'invited' | 'active';
  scientistId: string | null;
  title: string | null;
}

const activeMemberCount = sql<number>`(select count(*)::int from ${teamMembers}
  where ${teamMembers.teamId} = ${teams.id} and ${teamMembers.status} = 'active')`;

export function teamsRepository(db: Db) {
  const orm = db.orm;
  return {
    async list(q: TeamProfileListQuery): Promise<{ rows: TeamListRow[]; total: number }> {
      const where: SQL[] = [eq(teams.status, 'published')];
      if (q.region) where.push(regionSubtree(teams.regionCode, q.region));
      if (q.discipline) where.push(arrayOverlaps(teams.disciplines, disciplineFamily(q.discipline)));
      if (q.q) {
        const p = containsPattern(q.q);
        where.push(
          or(
            ilike(teams.name, p),
            ilike(teams.description, p),
            sql`array_to_string(${teams.capabilities}, ' ') ilike ${p}`,
          )!,
        );
      }
      const cond = and(...where);
      const rows = await orm
        .select({ team: teams, leadName: users.displayName, memberCount: activeMemberCount })
        .from(teams)
        .innerJoin(users, eq(users.id, teams.leadId))
        .where(cond)
        .orderBy(desc(teams.updatedAt), asc(teams.id))
        .limit(q.pageSize)
        .offset(pageOffset(q));
      const [total] = await orm.select({ n: count() }).from(teams).where(cond);
      return {
        rows: rows.map((r) => ({ ...r, memberCount: Number(r.memberCount) })),
        total: Number(total?.n ?? 0),
      };
    },
    async regionOfUser(userId: string): Promise<string | null> {
      const [row] = await orm
        .select({ regionCode: users.regionCode })
        .from(users)
        .where(eq(users.id, userId))
        .limit(1);
      return row?.regionCode ?? null;
    },
    async leadName(leadId: string): Promise<string> {
      const [row] = await orm
        .select({ name: users.displayName })
        .from(users)
        .where(eq(users.id, leadId))
        .limit(1);
      return row?.name ?? '';
    },
    /** Members (invited and active) with their scientist profile, if any. */
    async members(teamId: string): Promise<TeamMemberRow[]> {
      return orm
        .select({
          userId: teamMembers.userId,
          displayName: users.displayName,
          status: teamMembers.status,
          scientistId: scientistProfiles.id,
          title: scientistProfiles.title,
        })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .leftJoin(scientistProfiles, eq(scientistProfiles.userId, teamMembers.userId))
        .where(eq(teamMembers.teamId, teamId))
        .orderBy(asc(teamMembers.createdAt));
    },
    async insert(tx: Orm, values: typeof teams.$inferInsert, joinedAt: Date): Promise<TeamRow> {
      const [team] = await tx.insert(teams).values(values).returning();
      await tx
        .insert(teamMembers)
        .values({ teamId: team!.id, userId: values.leadId, status: 'active', joinedAt });
      return team!;
    },
    async update(
      tx: Orm,
      id: string,
      values: Partial<typeof teams.$inferInsert>,
    ): Promise<TeamRow | undefined> {
      const [row] = await tx.update(teams).set(values).where(eq(teams.id, id)).returning();
      return row;
    },
  };
}

export function organizationsRepository(db: Db) {
  const orm = db.orm;
  return {
    async memberCount(orgId: string): Promise<number> {
      const [row] = await orm.select({ n: count() }).from(orgMembers).where(eq(orgMembers.orgId, orgId));
      return Number(row?.n ?? 0);
    },
    async list(
      q: OrganizationProfileListQuery,
    ): Promise<{ rows: (OrganizationRow & { claimStatus: OrgClaimStatus | null })[]; total: number }> {
      const o = organizations;
      const where: SQL[] = [];
      if (q.region) where.push(regionSubtree(o.regionCode, q.region));
      if (q.industry) {
        where.push(
          /^[A-Z]$/.test(q.industry) ? eq(o.industrySection, q.industry) : eq(o.industryDivision, q.industry),
        );
      }
      if (q.sizeClass) where.push(eq(o.sizeClass, q.sizeClass));
      if (q.orgType) where.push(eq(o.orgType, q.orgType));
      if (q.q) {
        const p = containsPattern(q.q);
        where.push(or(ilike(o.name, p), ilike(o.description, p))!);
      }
      const cond = where.length ? and(...where) : undefined;
      const rows = await orm
        .select({ org: o, claimStatus: organizationClaims.status })
        .from(o)
        .leftJoin(organizationClaims, eq(organizationClaims.orgId, o.id))
        .where(cond)
        .orderBy(desc(o.updatedAt), asc(o.id))
        .limit(q.pageSize)
        .offset(pageOffset(q));
      const [total] = await orm.select({ n: count() }).from(o).where(cond);
      return {
        rows: rows.map((r) => ({ ...r.org, claimStatus: r.claimStatus })),
        total: Number(total?.n ?? 0),
      };
    },
    async insert(tx: Orm, values: typeof organizations.$inferInsert): Promise<OrganizationRow> {
      const [org] = await tx.insert(organizations).values(values).returning();
      await tx.insert(orgMembers).values({ orgId: org!.id, userId: values.ownerId, role: 'owner' });
      return org!;
    },
    async update(
      tx: Orm,
      id: string,
      values: Partial<typeof organizations.$inferInsert>,
    ): Promise<OrganizationRow | undefined> {
      const [row] = await tx.update(organizations).set(values).where(eq(organizations.id, id)).returning();
      return row;
    },
  };
}
