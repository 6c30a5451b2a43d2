/**
 * Public team profiles: `/api/teams`, `/api/teams/{id}`. Membership (invite, accept) stays in
 * `/api/account/teams`; here the lead edits what the team offers.
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from '../common.ts';
import { disciplineCode } from '../taxonomy/schemas.ts';
import { ProfileStatus } from './enums.ts';
import { CatalogRegionCode, DisciplineList, LongText, PlainText, QueryText, TermList } from './fields.ts';

const teamFields = {
  name: PlainText.trim().min(2).max(120),
  description: LongText.nullable(),
  regionCode: CatalogRegionCode.nullable(),
  disciplines: DisciplineList,
  /** Shared capabilities, short terms (e.g. 猕猴桃溃疡病防治). */
  capabilities: TermList,
  status: ProfileStatus,
};

/**
 * Creating a team through the catalog: the caller becomes the lead (same as POST /api/account/teams,
 * with the profile fields at once).
 */
export const TeamProfileCreate = z.object(teamFields).partial().required({ name: true });
export type TeamProfileCreate = z.infer<typeof TeamProfileCreate>;

/** PATCH /api/teams/{id} (lead only) — only the fields given change. */
export const TeamProfilePatch = z.object(teamFields).partial();
export type TeamProfilePatch = z.infer<typeof TeamProfilePatch>;

/** An active member as the public sees them: the name, and the scientist profile when there is one. */
export const TeamProfileMember = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(['lead', 'member']),
  scientistId: z.string().nullable(),
  title: z.string().nullable(),
});
export type TeamProfileMember = z.infer<typeof TeamProfileMember>;

export const TeamProfileSummary = z.object({
  id: z.string(),
  name: z.string(),
  leadName: z.string(),
  regionCode: z.string().nullable(),
  disciplines: z.array(z.string()),
  capabilities: z.array(z.string()),
  memberCount: z.number().int(),
  updatedAt: z.string(),
});
export type TeamProfileSummary = z.infer<typeof TeamProfileSummary>;

/** GET /api/teams/{id}: public view with active members. */
export const TeamProfileView = TeamProfileSummary.extend({
  description: z.string().nullable(),
  leadUserId: z.string(),
  members: z.array(TeamProfileMember),
  status: ProfileStatus,
  createdAt: z.string(),
});
export type TeamProfileView = z.infer<typeof TeamProfileView>;

/** The lead's (or a regional officer's) view: adds pending invitations count and edit rights. */
export const TeamProfileDetail = TeamProfileView.extend({
  invitedCount: z.number().int(),
  canEdit: z.boolean(),
});
export type TeamProfileDetail = z.infer<typeof TeamProfileDetail>;

export const TeamProfileResponse = z.union([TeamProfileDetail, TeamProfileView]);
export type TeamProfileResponse = z.infer<typeof TeamProfileResponse>;

/** GET /api/teams — published teams. */
export const TeamProfileListQuery = PaginationQuery.extend({
  q: QueryText.optional(),
  region: CatalogRegionCode.optional(),
  discipline: disciplineCode.optional(),
});
export type TeamProfileListQuery = z.infer<typeof TeamProfileListQuery>;

export const TeamProfileListResponse = paginated(TeamProfileSummary);
export type TeamProfileListResponse = z.infer<typeof TeamProfileListResponse>;
