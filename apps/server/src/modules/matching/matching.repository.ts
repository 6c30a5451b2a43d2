/**
 * Queries of search and matching: public card rows for a page of hits, the subject of a
 * recommendation list, memberships for conflict-of-interest checks, and the outcome log.
 * Queries only; rules live in the services.
 * @module
 */
import { and, asc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { CatalogCard, CatalogKind } from '@tianfu/contracts';
import {
  capabilities,
  coiDeclarations,
  matchOutcomes,
  needs,
  organizationClaims,
  organizations,
  orgMembers,
  results,
  scientistProfiles,
  teamMembers,
  teams,
  type Db,
} from '@tianfu/db';
import type { Memberships } from './coi.ts';

export type OutcomeRow = typeof matchOutcomes.$inferSelect;
export type NewOutcome = typeof matchOutcomes.$inferInsert;

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** The matching repository over `db`. */
export function matchingRepository(db: Db) {
  const orm = db.orm;

  return {
    /**
     * Public cards of these rows (published ones only: a row unpublished since indexing is
     * left out rather than shown). Never reads a need's description or a result's reserve price.
     */
    async cards(kind: CatalogKind, ids: string[]): Promise<Map<string, CatalogCard>> {
      const out = new Map<string, CatalogCard>();
      if (ids.length === 0) return out;
      const card = (c: Partial<CatalogCard> & Pick<CatalogCard, 'id' | 'title'>): CatalogCard => ({
        kind,
        summary: null,
        regionCode: null,
        disciplines: [],
        industries: [],
        price: null,
        budgetMin: null,
        budgetMax: null,
        maturity: null,
        verified: false,
        availability: null,
        publishedAt: null,
        ...c,
      });
      switch (kind) {
        case 'scientist': {
          const rows = await orm
            .select({
              id: scientistProfiles.id,
              name: scientistProfiles.name,
              title: scientistProfiles.title,
              affiliation: scientistProfiles.affiliation,
              skills: scientistProfiles.skills,
              regionCode: scientistProfiles.regionCode,
              disciplines: scientistProfiles.disciplines,
              verified: scientistProfiles.verified,
              availability: scientistProfiles.availability,
              createdAt: scientistProfiles.createdAt,
            })
            .from(scientistProfiles)
            .where(and(inArray(scientistProfiles.id, ids), eq(scientistProfiles.status, 'published')));
          for (const r of rows) {
            const head = [r.title, r.affiliation].filter(Boolean).join(' · ');
            const skills = r.skills.slice(0, 8).join('、');
            out.set(
              r.id,
              card({
                id: r.id,
                title: r.name,
                summary: [head, skills].filter(Boolean).join(' — ') || null,
                regionCode: r.regionCode,
                disciplines: r.disciplines,
                verified: r.verified,
                availability: r.availability,
                publishedAt: iso(r.createdAt),
              }),
            );
          }
          return out;
        }
        case 'team': {
          const rows = await orm
            .select({
              id: teams.id,
              name: teams.name,
              description: teams.description,
              capabilities: teams.capabilities,
              regionCode: teams.regionCode,
              disciplines: teams.disciplines,
              createdAt: teams.createdAt,
            })
            .from(teams)
            .where(and(inArray(teams.id, ids), eq(teams.status, 'published')));
          for (const r of rows)
            out.set(
              r.id,
              card({
                id: r.id,
                title: r.name,
                summary: r.description ?? (r.capabilities.join('、') || null),
                regionCode: r.regionCode,
                disciplines: r.disciplines,
                publishedAt: iso(r.createdAt),
              }),
            );
          return out;
        }
        case 'enterprise': {
          const rows = await orm
            .select({
              id: organizations.id,
              name: organizations.name,
              description: organizations.description,
              regionCode: organizations.regionCode,
              industrySection: organizations.industrySection,
              industryDivision: organizations.industryDivision,
              verified: sql<boolean>`${organizationClaims.status} is not distinct from 'verified'`,
              createdAt: organizations.createdAt,
            })
            .from(organizations)
            .leftJoin(organizationClaims, eq(organizationClaims.orgId, organizations.id))
            .where(and(inArray(organizations.id, ids), eq(organizations.orgType, 'enterprise')));
          for (const r of rows)
            out.set(
              r.id,
              card({
                id: r.id,
                title: r.name,
                summary: r.description,
                regionCode: r.regionCode,
                industries: [r.industrySection, r.industryDivision].filter((x): x is string => !!x),
                verified: r.verified,
                publishedAt: iso(r.createdAt),
              }),
            );
          return out;
        }
        case 'capability': {
          const rows = await orm
            .select({
              id: capabilities.id,
              title: capabilities.title,
              description: capabilities.description,
              regionCode: capabilities.regionCode,
              disciplines: capabilities.disciplines,
              industries: capabilities.industries,
              priceType: capabilities.priceType,
              price: capabilities.price,
              publishedAt: capabilities.publishedAt,
            })
            .from(capabilities)
            .where(and(inArray(capabilities.id, ids), eq(capabilities.status, 'published')));
          for (const r of rows)
            out.set(
              r.id,
              card({
                id: r.id,
                title: r.title,
                summary: r.description,
                regionCode: r.regionCode,
                disciplines: r.disciplines,
                industries: r.industries,
                price: r.priceType === 'quote' ? null : (r.price ?? null),
                publishedAt: iso(r.publishedAt),
              }),
            );
          return out;
        }
        case 'result': {
          const rows = await orm
            .select({
              id: results.id,
              title: results.title,
              abstract: results.abstract,
              regionCode: results.regionCode,
              disciplines: results.disciplines,
              industries: results.industries,
              priceType: results.priceType,
              askingPrice: results.askingPrice,
              maturity: results.maturity,
              publishedAt: results.publishedAt,
            })
            .from(results)
            .where(and(inArray(results.id, ids), eq(results.status, 'published')));
          for (const r of rows)
            out.set(
              r.id,
              card({
                id: r.id,
                title: r.title,
                summary: r.abstract,
                regionCode: r.regionCode,
                disciplines: r.disciplines,
                industries: r.industries,
                price: r.priceType === 'quote' ? null : (r.askingPrice ?? null),
                maturity: r.maturity,
                publishedAt: iso(r.publishedAt),
              }),
            );
          return out;
        }
        case 'need': {
          const rows = await orm
            .select({
              id: needs.id,
              title: needs.title,
              summary: needs.summary,
              regionCode: needs.regionCode,
              disciplines: needs.disciplines,
              industries: needs.industries,
              budgetMin: needs.budgetMin,
              budgetMax: needs.budgetMax,
              publishedAt: needs.publishedAt,
            })
            .from(needs)
            .where(and(inArray(needs.id, ids), eq(needs.status, 'published')));
          for (const r of rows)
            out.set(
              r.id,
              card({
                id: r.id,
                title: r.title,
                summary: r.summary,
                regionCode: r.regionCode,
                disciplines: r.disciplines,
                industries: r.industries,
                budgetMin: r.budgetMin ?? null,
                budgetMax: r.budgetMax ?? null,
                publishedAt: iso(r.publishedAt),
              }),
            );
          return out;
        }
      }
    },

    /** Active team memberships and organization memberships (incl. ownership) of these people. */
    async memberships(userIds: string[]): Promise<Memberships> {
      const teamsOf = new Map<string, string[]>();
      const orgsOf = new Map<string, string[]>();
      const declared = new Map<string, string[]>();
      const people = [...new Set(userIds)];
      if (people.length === 0) return { teamsOf, orgsOf, declared };
      const add = (map: Map<string, string[]>, k: string, v: string) => {
        const list = map.get(k) ?? [];
        if (!list.includes(v)) list.push(v);
        map.set(k, list);
      };
      const tm = await orm
        .select({ userId: teamMembers.userId, teamId: teamMembers.teamId })
        .from(teamMembers)
        .where(and(inArray(teamMembers.userId, people), eq(teamMembers.status, 'active')));
      for (const r of tm) add(teamsOf, r.userId, r.teamId);
      const led = await orm
        .select({ userId: teams.leadId, teamId: teams.id })
        .from(teams)
        .where(inArray(teams.leadId, people));
      for (const r of led) add(teamsOf, r.userId, r.teamId);
      const om = await orm
        .select({ userId: orgMembers.userId, orgId: orgMembers.orgId })
        .from(orgMembers)
        .where(inArray(orgMembers.userId, people));
      for (const r of om) add(orgsOf, r.userId, r.orgId);
      const owned = await orm
        .select({ userId: organizations.ownerId, orgId: organizations.id })
        .from(organizations)
        .where(inArray(organizations.ownerId, people));
      for (const r of owned) add(orgsOf, r.userId, r.orgId);
      const decl = await orm
        .select({ userId: coiDeclarations.userId, relatedId: coiDeclarations.relatedId })
        .from(coiDeclarations)
        .where(inArray(coiDeclarations.userId, people));
      for (const r of decl) add(declared, r.userId, r.relatedId);
      return { teamsOf, orgsOf, declared };
    },

    /** Whether the user owns or administers the organization. */
    async isOrgManager(orgId: string, userId: string): Promise<boolean> {
      const [owner] = await orm
        .select({ id: organizations.id })
        .from(organizations)
        .where(and(eq(organizations.id, orgId), eq(organizations.ownerId, userId)));
      if (owner) return true;
      const [member] = await orm
        .select({ role: orgMembers.role })
        .from(orgMembers)
        .where(and(eq(orgMembers.orgId, orgId), eq(orgMembers.userId, userId)));
      return member?.role === 'owner' || member?.role === 'admin';
    },

    async needRow(id: string) {
      const [row] = await orm.select().from(needs).where(eq(needs.id, id));
      return row;
    },
    async scientistRow(id: string) {
      const [row] = await orm.select().from(scientistProfiles).where(eq(scientistProfiles.id, id));
      return row;
    },
    async teamRow(id: string) {
      const [row] = await orm
        .select({ id: teams.id, leadId: teams.leadId, regionCode: teams.regionCode })
        .from(teams)
        .where(eq(teams.id, id));
      return row;
    },
    async capabilityRow(id: string) {
      const [row] = await orm.select().from(capabilities).where(eq(capabilities.id, id));
      return row;
    },
    async resultRow(id: string) {
      const [row] = await orm.select().from(results).where(eq(results.id, id));
      return row;
    },
    async scientistUser(id: string): Promise<string | null> {
      const [row] = await orm
        .select({ userId: scientistProfiles.userId })
        .from(scientistProfiles)
        .where(eq(scientistProfiles.id, id));
      return row?.userId ?? null;
    },
    async teamLead(id: string): Promise<string | null> {
      const [row] = await orm.select({ leadId: teams.leadId }).from(teams).where(eq(teams.id, id));
      return row?.leadId ?? null;
    },

    /** Appends outcome events. */
    async insertOutcomes(rows: NewOutcome[]): Promise<OutcomeRow[]> {
      if (rows.length === 0) return [];
      return orm.insert(matchOutcomes).values(rows).returning();
    },

    /** The shown event of an entity in a list, when recorded. */
    async shownEvent(queryId: string, entityId: string): Promise<OutcomeRow | undefined> {
      const [row] = await orm
        .select()
        .from(matchOutcomes)
        .where(
          and(
            eq(matchOutcomes.queryId, queryId),
            eq(matchOutcomes.entityId, entityId),
            eq(matchOutcomes.event, 'shown'),
          ),
        )
        .limit(1);
      return row;
    },

    /** Outcome events in time order, one page (for the JSONL export). */
    async outcomesPage(
      window: { from?: Date; to?: Date },
      offset: number,
      limit: number,
    ): Promise<OutcomeRow[]> {
      const parts: SQL[] = [];
      if (window.from) parts.push(gte(matchOutcomes.at, window.from));
      if (window.to) parts.push(lte(matchOutcomes.at, window.to));
      return orm
        .select()
        .from(matchOutcomes)
        .where(parts.length ? and(...parts) : undefined)
        .orderBy(asc(matchOutcomes.at), asc(matchOutcomes.id))
        .limit(limit)
        .offset(offset);
    },
  };
}

export type MatchingRepository = ReturnType<typeof matchingRepository>;
