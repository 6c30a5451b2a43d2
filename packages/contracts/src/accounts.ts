/**
 * Profile, organization and team contracts (routes under /api/account).
 * @module
 */
import { z } from 'zod';
import { AccountKind, RoleGrant, RealNameStatus, Mobile } from './auth.ts';
import { normalizeUscc, parseUscc } from './validation/uscc.ts';

/** Province (2 or 6 digits), city (4 or 6) or county (6) code. */
const RegionCode = z.string().regex(/^\d{2}(\d{2}){0,2}$/, 'validation.region_code');

/** GET /api/account/profile (own profile; phone masked). */
export const Profile = z.object({
  id: z.string(),
  displayName: z.string(),
  phoneMasked: z.string(),
  phoneVerified: z.boolean(),
  email: z.string().nullable(),
  regionCode: z.string().nullable(),
  bio: z.string().nullable(),
  kinds: z.array(AccountKind),
  roles: z.array(RoleGrant),
  realNameStatus: RealNameStatus,
  createdAt: z.string(),
});
export type Profile = z.infer<typeof Profile>;

/** PATCH /api/account/profile — only the fields given change; null clears. */
export const ProfilePatch = z
  .object({
    displayName: z.string().trim().min(1).max(60),
    email: z.email().max(200).nullable(),
    regionCode: RegionCode.nullable(),
    bio: z.string().trim().max(2000).nullable(),
  })
  .partial();
export type ProfilePatch = z.infer<typeof ProfilePatch>;

/** Unified social credit code: normalized, GB 32100 check character verified. */
export const Uscc = z
  .string()
  .trim()
  .max(30)
  .transform((v, ctx) => {
    const r = parseUscc(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `validation.uscc_${r.problem}` });
      return z.NEVER;
    }
    return normalizeUscc(v);
  });

/** Organization types. */
export const OrganizationType = z.enum(['enterprise', 'institution', 'provider']);
export type OrganizationType = z.infer<typeof OrganizationType>;

/** An organization the user acts for. */
export const Organization = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string(),
  orgType: OrganizationType,
  regionCode: z.string().nullable(),
  description: z.string().nullable(),
  /** The caller's role in this organization. */
  myRole: z.enum(['owner', 'admin', 'member']),
  createdAt: z.string(),
});
export type Organization = z.infer<typeof Organization>;
export const OrganizationListResponse = z.object({ items: z.array(Organization) });
export type OrganizationListResponse = z.infer<typeof OrganizationListResponse>;

/** POST /api/account/organizations */
export const OrganizationCreate = z.object({
  name: z.string().trim().min(2).max(120),
  uscc: Uscc,
  orgType: OrganizationType,
  regionCode: RegionCode.nullable().optional(),
  description: z.string().trim().max(2000).nullable().optional(),
});
export type OrganizationCreate = z.infer<typeof OrganizationCreate>;
/** PATCH /api/account/organizations/:id (owner only). The USCC cannot change. */
export const OrganizationPatch = OrganizationCreate.omit({ uscc: true }).partial();
export type OrganizationPatch = z.infer<typeof OrganizationPatch>;

/** Params for routes with an :id. */
export const IdParams = z.object({ id: z.string().min(1).max(64) });

/** A team member as seen by members of the team (phone masked). */
export const TeamMember = z.object({
  userId: z.string(),
  displayName: z.string(),
  role: z.enum(['lead', 'member']),
  status: z.enum(['invited', 'active']),
  joinedAt: z.string().nullable(),
});
export type TeamMember = z.infer<typeof TeamMember>;
export const Team = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  leadUserId: z.string(),
  members: z.array(TeamMember),
  createdAt: z.string(),
});
export type Team = z.infer<typeof Team>;
export const TeamListResponse = z.object({ items: z.array(Team) });
export type TeamListResponse = z.infer<typeof TeamListResponse>;

/** POST /api/account/teams — the caller becomes the lead. */
export const TeamCreate = z.object({
  name: z.string().trim().min(2).max(120),
  description: z.string().trim().max(2000).nullable().optional(),
});
export type TeamCreate = z.infer<typeof TeamCreate>;

/** POST /api/account/teams/:id/invitations (lead only) — invite a registered user by phone. */
export const TeamInvite = z.object({ phone: Mobile });
export type TeamInvite = z.infer<typeof TeamInvite>;

/**
 * An invitation to join a team, addressed to the caller. Accept with
 * POST /api/account/team-invitations/:teamId/accept, decline with .../decline.
 */
export const TeamInvitation = z.object({
  teamId: z.string(),
  teamName: z.string(),
  invitedByName: z.string().nullable(),
  createdAt: z.string(),
});
export type TeamInvitation = z.infer<typeof TeamInvitation>;
/** GET /api/account/team-invitations — invitations addressed to the caller. */
export const TeamInvitationListResponse = z.object({ items: z.array(TeamInvitation) });
export type TeamInvitationListResponse = z.infer<typeof TeamInvitationListResponse>;
/** Params of POST /api/account/team-invitations/:teamId/accept|decline */
export const TeamIdParams = z.object({ teamId: z.string().min(1).max(64) });
