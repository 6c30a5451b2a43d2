/**
 * Accounts: people and their kinds, staff roles, organizations, teams and real-name identity.
 * Owned by the accounts/identity module (F3) after the foundation step.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { oneOf, timestamps, tstz } from './_helpers.ts';

/** Lifecycle of an account; `deleted` rows keep their id but have personal data removed. */
export const USER_STATUSES = ['active', 'disabled', 'deleted'] as const;
/** What kind of participant an account is (a person may additionally act for orgs/teams). */
export const ACCOUNT_KINDS = ['scientist', 'team', 'organization', 'citizen'] as const;
/** Staff roles; an officer is always scoped to a region (province, city or county code). */
export const STAFF_ROLES = ['officer', 'editor', 'admin'] as const;
/** Organization types identified by an 18-character unified social credit code (USCC). */
export const ORG_TYPES = ['enterprise', 'institution', 'provider'] as const;
export const ORG_MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
export const TEAM_MEMBER_STATUSES = ['invited', 'active'] as const;
export const IDENTITY_STATUSES = ['pending', 'verified', 'rejected'] as const;
/** Who settled a real-name verification: an officer in the person's region, or an external verifier. */
export const IDENTITY_VERIFIERS = ['officer', 'external'] as const;
/** Enterprise size classes (issue 4; same list as contracts `SIZE_CLASSES`). */
export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
/** Status of a public profile (team, scientist): no review step (contracts `PROFILE_STATUSES`). */
export const PROFILE_STATUSES = ['draft', 'published', 'closed'] as const;

export type UserStatus = (typeof USER_STATUSES)[number];
export type AccountKind = (typeof ACCOUNT_KINDS)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type OrgType = (typeof ORG_TYPES)[number];
export type OrgMemberRole = (typeof ORG_MEMBER_ROLES)[number];
export type TeamMemberStatus = (typeof TEAM_MEMBER_STATUSES)[number];
export type IdentityStatus = (typeof IDENTITY_STATUSES)[number];
export type IdentityVerifier = (typeof IDENTITY_VERIFIERS)[number];
export type SizeClass = (typeof SIZE_CLASSES)[number];
export type ProfileStatus = (typeof PROFILE_STATUSES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Nullable so account deletion can erase it while the row (and its id in audit trails) stays.
    phone: varchar('phone', { length: 20 }).unique(),
    phoneVerifiedAt: tstz('phone_verified_at'),
    email: varchar('email', { length: 254 }),
    passwordHash: text('password_hash'),
    passwordChangedAt: tstz('password_changed_at'),
    displayName: varchar('display_name', { length: 100 }).notNull().default(''),
    // Where the person lives or works (county, city or province code); officers act on this subtree.
    regionCode: varchar('region_code', { length: 12 }),
    bio: text('bio'),
    locale: varchar('locale', { length: 10 }).notNull().default('zh-CN'),
    status: text('status', { enum: USER_STATUSES }).notNull().default('active'),
    kind: text('kind', { enum: ACCOUNT_KINDS }).notNull(),
    // TOTP shared secret, AES-256-GCM ciphertext (never stored in clear).
    totpSecretEnc: text('totp_secret_enc'),
    totpEnabledAt: tstz('totp_enabled_at'),
    // Last accepted TOTP time step: a code is accepted once only (no replay within its window).
    totpLastStep: integer('totp_last_step'),
    deletedAt: tstz('deleted_at'),
    ...timestamps(),
  },
  (t) => [
    oneOf('users_status_check', t.status, USER_STATUSES),
    oneOf('users_kind_check', t.kind, ACCOUNT_KINDS),
    index('users_region_idx').on(t.regionCode),
    uniqueIndex('users_email_lower_idx').on(sql`lower(${t.email})`),
  ],
);

export const roleAssignments = pgTable(
  'role_assignments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: STAFF_ROLES }).notNull(),
    // Region subtree the role is limited to; required for officers, null = whole platform.
    regionCode: varchar('region_code', { length: 12 }),
    grantedBy: uuid('granted_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    oneOf('role_assignments_role_check', t.role, STAFF_ROLES),
    // An officer without a region would see everything; make that impossible at the storage level.
    check(
      'role_assignments_officer_region_check',
      sql`${t.role} <> 'officer' or ${t.regionCode} is not null`,
    ),
    unique('role_assignments_user_role_region_uq').on(t.userId, t.role, t.regionCode).nullsNotDistinct(),
    index('role_assignments_region_idx').on(t.regionCode),
  ],
);

export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uscc: varchar('uscc', { length: 18 }).notNull().unique(),
    name: varchar('name', { length: 200 }).notNull(),
    orgType: text('org_type', { enum: ORG_TYPES }).notNull(),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    description: text('description'),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id),
    // Enterprise profile (issue 4): GB/T 4754 section letter and division code, size, headcount.
    industrySection: varchar('industry_section', { length: 1 }),
    industryDivision: varchar('industry_division', { length: 2 }),
    sizeClass: text('size_class', { enum: SIZE_CLASSES }),
    employees: integer('employees'),
    // Key of bulk imports: re-importing the same row updates instead of duplicating.
    externalId: varchar('external_id', { length: 100 }).unique(),
    ...timestamps(),
  },
  (t) => [
    oneOf('organizations_org_type_check', t.orgType, ORG_TYPES),
    oneOf('organizations_size_class_check', t.sizeClass, SIZE_CLASSES),
    check('organizations_employees_check', sql`${t.employees} is null or ${t.employees} >= 0`),
    index('organizations_region_idx').on(t.regionCode),
    index('organizations_owner_idx').on(t.ownerId),
    index('organizations_industry_idx').on(t.industryDivision),
    index('organizations_updated_idx').on(t.updatedAt),
  ],
);

export const orgMembers = pgTable(
  'org_members',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: ORG_MEMBER_ROLES }).notNull().default('member'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    oneOf('org_members_role_check', t.role, ORG_MEMBER_ROLES),
    index('org_members_user_idx').on(t.userId),
  ],
);

export const teams = pgTable(
  'teams',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: varchar('name', { length: 200 }).notNull(),
    // The lead scientist answers for the team.
    leadId: uuid('lead_id')
      .notNull()
      .references(() => users.id),
    // The team's own account (kind 'team'), when it signs in as a team.
    accountId: uuid('account_id').references(() => users.id, { onDelete: 'set null' }),
    regionCode: varchar('region_code', { length: 12 }),
    description: text('description'),
    // Public team profile (issue 4): GB/T 13745 codes and shared capabilities (short terms).
    disciplines: text('disciplines')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    capabilities: text('capabilities')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status', { enum: PROFILE_STATUSES }).notNull().default('published'),
    ...timestamps(),
  },
  (t) => [
    index('teams_lead_idx').on(t.leadId),
    uniqueIndex('teams_account_idx').on(t.accountId),
    oneOf('teams_status_check', t.status, PROFILE_STATUSES),
    index('teams_status_region_idx').on(t.status, t.regionCode),
    index('teams_updated_idx').on(t.updatedAt),
  ],
);

export const teamMembers = pgTable(
  'team_members',
  {
    teamId: uuid('team_id')
      .notNull()
      .references(() => teams.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: TEAM_MEMBER_STATUSES }).notNull().default('invited'),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    joinedAt: tstz('joined_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.userId] }),
    oneOf('team_members_status_check', t.status, TEAM_MEMBER_STATUSES),
    index('team_members_user_idx').on(t.userId),
  ],
);

export const realNameIdentities = pgTable(
  'real_name_identities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .unique()
      .references(() => users.id, { onDelete: 'cascade' }),
    fullName: varchar('full_name', { length: 100 }).notNull(),
    // Resident ID number: AES-256-GCM ciphertext (key from env/key file), never stored in clear.
    idNumberEnc: text('id_number_enc').notNull(),
    // Display form, e.g. 5101**********123X — safe for responses and logs.
    idNumberMasked: varchar('id_number_masked', { length: 18 }).notNull(),
    // Keyed HMAC of the ID number (blind index): finds "already verified on another account"
    // without decrypting every row.
    idNumberBidx: varchar('id_number_bidx', { length: 64 }),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    status: text('status', { enum: IDENTITY_STATUSES }).notNull().default('pending'),
    reason: text('reason'),
    verifiedBy: uuid('verified_by').references(() => users.id, { onDelete: 'set null' }),
    verifiedAt: tstz('verified_at'),
    verifier: text('verifier', { enum: IDENTITY_VERIFIERS }),
    ...timestamps(),
  },
  (t) => [
    oneOf('real_name_identities_status_check', t.status, IDENTITY_STATUSES),
    oneOf('real_name_identities_verifier_check', t.verifier, IDENTITY_VERIFIERS),
    index('real_name_identities_region_status_idx').on(t.regionCode, t.status),
    index('real_name_identities_bidx_idx').on(t.idNumberBidx),
  ],
);
