/**
 * Queries for profiles, organizations and teams.
 * @module
 */
import { and, eq, inArray } from 'drizzle-orm';
import {
  organizationClaims,
  organizations,
  orgMembers,
  teamMembers,
  teams,
  users,
  type Db,
} from '@tianfu/db';

export type OrganizationRow = typeof organizations.$inferSelect;
export type TeamRow = typeof teams.$inferSelect;

/** Repository over accounts tables. */
export function accountsRepository(db: Db) {
  const orm = db.orm;
  return {
    async updateUser(id: string, values: Partial<typeof users.$inferInsert>): Promise<void> {
      await orm.update(users).set(values).where(eq(users.id, id));
    },

    // Organizations
    async orgByUscc(uscc: string): Promise<OrganizationRow | undefined> {
      const [row] = await orm.select().from(organizations).where(eq(organizations.uscc, uscc)).limit(1);
      return row;
    },
    async orgById(id: string): Promise<OrganizationRow | undefined> {
      const [row] = await orm.select().from(organizations).where(eq(organizations.id, id)).limit(1);
      return row;
    },
    async membership(orgId: string, userId: string) {
      const [row] = await orm
        .select()
        .from(orgMembers)
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)))
        .limit(1);
      return row;
    },
    async orgsOf(userId: string) {
      return orm
        .select({ org: organizations, role: orgMembers.role })
        .from(orgMembers)
        .innerJoin(organizations, eq(organizations.id, orgMembers.orgId))
        .where(eq(orgMembers.userId, userId))
        .orderBy(organizations.createdAt);
    },
    async createOrg(values: typeof organizations.$inferInsert): Promise<OrganizationRow> {
      return orm.transaction(async (tx) => {
        const [org] = await tx.insert(organizations).values(values).returning();
        await tx.insert(orgMembers).values({ orgId: org!.id, userId: values.ownerId, role: 'owner' });
        // Registering is claiming: the region's officers verify it (profiles/org-claims).
        await tx
          .insert(organizationClaims)
          .values({ orgId: org!.id, claimantId: values.ownerId, status: 'pending' });
        return org!;
      });
    },
    async updateOrg(id: string, values: Partial<typeof organizations.$inferInsert>): Promise<void> {
      await orm.update(organizations).set(values).where(eq(organizations.id, id));
    },

    // Teams
    async teamById(id: string): Promise<TeamRow | undefined> {
      const [row] = await orm.select().from(teams).where(eq(teams.id, id)).limit(1);
      return row;
    },
    async teamMembership(teamId: string, userId: string) {
      const [row] = await orm
        .select()
        .from(teamMembers)
        .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.userId, userId)))
        .limit(1);
      return row;
    },
    async createTeam(values: typeof teams.$inferInsert, now: Date): Promise<TeamRow> {
      return orm.transaction(async (tx) => {
        const [team] = await tx.insert(teams).values(values).returning();
        await tx
          .insert(teamMembers)
          .values({ teamId: team!.id, userId: values.leadId, status: 'active', joinedAt: now });
        return team!;
      });
    },
    async activeTeamIdsOf(userId: string): Promise<string[]> {
      const rows = await orm
        .select({ id: teamMembers.teamId })
        .from(teamMembers)
        .where(and(eq(teamMembers.userId, userId), eq(teamMembers.status, 'active')));
      return rows.map((r) => r.id);
    },
    async teamsWithMembers(teamIds: string[]) {
      if (teamIds.length === 0) return [];
      const teamRows = await orm
        .select()
        .from(teams)
        .where(inArray(teams.id, teamIds))
        .orderBy(teams.createdAt);
      const members = await orm
        .select({
          teamId: teamMembers.teamId,
          userId: teamMembers.userId,
          status: teamMembers.status,
          joinedAt: teamMembers.joinedAt,
          displayName: users.displayName,
        })
        .from(teamMembers)
        .innerJoin(users, eq(users.id, teamMembers.userId))
        .where(inArray(teamMembers.teamId, teamIds))
        .orderBy(teamMembers.createdAt);
      return teamRows.map((team) => ({ team, members: members.filter((m) => m.teamId === team.id) }));
    },
    async invite(teamId: string, userId: string, invitedBy: string): Promise<void> {
      await orm.insert(teamMembers).values({ teamId, userId, invitedBy, status: 'invited' });
    },
    async pendingInvitationsOf(userId: string) {
      return orm
        .select({
          teamId: teams.id,
          teamName: teams.name,
          invitedBy: teamMembers.invitedBy,
          createdAt: teamMembers.createdAt,
        })
        .from(teamMembers)
        .innerJoin(teams, eq(teams.id, teamMembers.teamId))
        .where(and(eq(teamMembers.userId, userId), eq(teamMembers.status, 'invited')));
    },
    /** Accepts a pending invitation of this user; false when there is none. */
    async acceptInvitation(teamId: string, userId: string, now: Date): Promise<boolean> {
      const rows = await orm
        .update(teamMembers)
        .set({ status: 'active', joinedAt: now })
        .where(
          and(
            eq(teamMembers.teamId, teamId),
            eq(teamMembers.userId, userId),
            eq(teamMembers.status, 'invited'),
          ),
        )
        .returning({ teamId: teamMembers.teamId });
      return rows.length > 0;
    },
    async declineInvitation(teamId: string, userId: string): Promise<boolean> {
      const rows = await orm
        .delete(teamMembers)
        .where(
          and(
            eq(teamMembers.teamId, teamId),
            eq(teamMembers.userId, userId),
            eq(teamMembers.status, 'invited'),
          ),
        )
        .returning({ teamId: teamMembers.teamId });
      return rows.length > 0;
    },
    async displayNames(ids: string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await orm
        .select({ id: users.id, name: users.displayName })
        .from(users)
        .where(inArray(users.id, ids));
      return new Map(rows.map((r) => [r.id, r.name]));
    },
  };
}
