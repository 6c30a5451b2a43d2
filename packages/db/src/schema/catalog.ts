/**
 * The supply-and-demand catalog (issue 4): scientist profiles, capability / service listings
 * (科技所能), research results (科研成果), needs (科技所需), their versions and status history,
 * NDA acceptances (per agreement version), per-region publish settings, and organization claims
 * (verification by a regional officer) with join requests. Owned by the catalog-core helper; the
 * profiles module writes profiles, the listings module writes listings.
 *
 * The value lists repeat those of `packages/contracts/src/catalog/enums.ts` (the schema package
 * does not import contracts). Region codes are stored in canonical form (`51`, `5101`, `510104`)
 * so `region_code like '5101%'` selects a subtree. Money is whole yuan (bigint, read as number).
 */
import { sql, type SQL } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  unique,
  uniqueIndex,
  uuid,
  varchar,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { organizations, PROFILE_STATUSES, teams, users } from './accounts.ts';
import { oneOf, timestamps, tstz } from './_helpers.ts';

export const LISTING_STATUSES = ['draft', 'submitted', 'published', 'rejected', 'closed', 'expired'] as const;
export const NEED_KINDS = ['service', 'rd_problem', 'talent', 'wanted_result'] as const;
export const PRICE_TYPES = ['fixed', 'negotiable', 'quote'] as const;
export const DELIVERY_MODES = ['onsite', 'remote', 'hybrid'] as const;
export const TRANSFER_MODES = ['transfer', 'license', 'joint_development', 'equity'] as const;
export const IP_KINDS = ['patent', 'software_copyright', 'other'] as const;
export const AVAILABILITY = ['available', 'limited', 'busy'] as const;
export const PUBLISH_MODES = ['auto', 'review'] as const;
export const OWNER_TYPES = ['scientist', 'team', 'organization'] as const;
export const EDUCATION_LEVELS = [
  'doctorate',
  'master',
  'bachelor',
  'college',
  'technical_secondary',
  'high_school',
  'middle_school',
  'other',
] as const;
export const GENDERS = ['female', 'male'] as const;
/** Entities whose edits are kept in `listing_versions` and whose status changes are logged. */
export const VERSIONED_ENTITY_TYPES = [
  'need',
  'capability',
  'result',
  'scientist',
  'team',
  'organization',
] as const;

export type ListingStatus = (typeof LISTING_STATUSES)[number];
export type NeedKind = (typeof NEED_KINDS)[number];
export type PriceType = (typeof PRICE_TYPES)[number];
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export type TransferMode = (typeof TRANSFER_MODES)[number];
export type IpKind = (typeof IP_KINDS)[number];
export type Availability = (typeof AVAILABILITY)[number];
export type PublishMode = (typeof PUBLISH_MODES)[number];
export type OwnerType = (typeof OWNER_TYPES)[number];
export type EducationLevel = (typeof EDUCATION_LEVELS)[number];
export type Gender = (typeof GENDERS)[number];
export type VersionedEntityType = (typeof VERSIONED_ENTITY_TYPES)[number];

/** jsonb shapes (validated by the contracts before they get here). */
export interface PaperRecord {
  title: string;
  journal?: string | null;
  year?: number | null;
}
export interface PatentRecord {
  number: string;
  title: string;
  year?: number | null;
}
export interface ProjectRecord {
  title: string;
  funder?: string | null;
  year?: number | null;
  role?: string | null;
}
export interface DeliveredServiceRecord {
  title: string;
  year?: number | null;
  regionCode?: string | null;
  description?: string | null;
}
export interface ExperienceRecord {
  from: number;
  to?: number | null;
  organization: string;
  role?: string | null;
}
export interface IpRecord {
  kind: IpKind;
  number: string;
  title?: string | null;
}

const textArray = (name: string) =>
  text(name)
    .array()
    .notNull()
    .default(sql`'{}'::text[]`);
const jsonList = <T>(name: string) =>
  jsonb(name)
    .$type<T[]>()
    .notNull()
    .default(sql`'[]'::jsonb`);
const yuan = (name: string) => bigint(name, { mode: 'number' });
const externalId = () => varchar('external_id', { length: 100 }).unique();

/** Text array whose every element is in `values` (`col <@ array[...]`). */
function allOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  const list = values.map((v) => `'${v.replace(/'/g, "''")}'`).join(', ');
  return check(name, sql`${column} <@ array[${sql.raw(list)}]::text[]`);
}
const nonNegative = (name: string, column: AnyPgColumn): ReturnType<typeof check> =>
  check(name, sql`${column} is null or ${column} >= 0`);

/** Who offers a listing: exactly the reference its owner type names is set. */
function ownerRefCheck(
  name: string,
  t: { ownerType: AnyPgColumn; scientistId: AnyPgColumn; teamId: AnyPgColumn; orgId: AnyPgColumn },
) {
  const expr: SQL = sql`(${t.ownerType} = 'scientist' and ${t.scientistId} is not null)
    or (${t.ownerType} = 'team' and ${t.teamId} is not null)
    or (${t.ownerType} = 'organization' and ${t.orgId} is not null)`;
  return check(name, expr);
}

/** Lifecycle columns shared by capabilities, results and needs. */
const lifecycle = () => ({
  status: text('status', { enum: LISTING_STATUSES }).notNull().default('draft'),
  /** Set when an officer rejects; the author sees it. Cleared on resubmission. */
  rejectionReason: text('rejection_reason'),
  version: integer('version').notNull().default(1),
  publishedAt: tstz('published_at'),
  expiresAt: tstz('expires_at'),
});

/** A scientist's public profile (科技工作者, including rural experts 土专家 without publications). */
export const scientistProfiles = pgTable(
  'scientist_profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    // Null for people imported by an officer who have not registered (yet).
    userId: uuid('user_id')
      .unique()
      .references(() => users.id, { onDelete: 'set null' }),
    externalId: externalId(),
    name: varchar('name', { length: 60 }).notNull(),
    gender: text('gender', { enum: GENDERS }),
    birthYear: integer('birth_year'),
    education: text('education', { enum: EDUCATION_LEVELS }),
    /** 职称 (研究员, 高级农艺师…). */
    title: varchar('title', { length: 60 }),
    affiliation: varchar('affiliation', { length: 120 }),
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'set null' }),
    disciplines: textArray('disciplines'),
    skills: textArray('skills'),
    bio: text('bio'),
    experience: jsonList<ExperienceRecord>('experience'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    availability: text('availability', { enum: AVAILABILITY }).notNull().default('available'),
    /** Engagements at once, and how many of them are still free. */
    capacity: integer('capacity').notNull().default(1),
    openCapacity: integer('open_capacity').notNull().default(1),
    /** Null = no on-site work. */
    onSiteRadiusKm: integer('on_site_radius_km'),
    remote: boolean('remote').notNull().default(false),
    ruralExpert: boolean('rural_expert').notNull().default(false),
    papers: jsonList<PaperRecord>('papers'),
    patents: jsonList<PatentRecord>('patents'),
    projects: jsonList<ProjectRecord>('projects'),
    deliveredServices: jsonList<DeliveredServiceRecord>('delivered_services'),
    verified: boolean('verified').notNull().default(false),
    reputation: real('reputation').notNull().default(0),
    status: text('status', { enum: PROFILE_STATUSES }).notNull().default('published'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    oneOf('scientist_profiles_gender_check', t.gender, GENDERS),
    oneOf('scientist_profiles_education_check', t.education, EDUCATION_LEVELS),
    oneOf('scientist_profiles_availability_check', t.availability, AVAILABILITY),
    oneOf('scientist_profiles_status_check', t.status, PROFILE_STATUSES),
    check('scientist_profiles_capacity_check', sql`${t.capacity} >= 0 and ${t.openCapacity} >= 0`),
    nonNegative('scientist_profiles_radius_check', t.onSiteRadiusKm),
    index('scientist_profiles_status_region_idx').on(t.status, t.regionCode.op('varchar_pattern_ops')),
    index('scientist_profiles_org_idx').on(t.orgId),
    index('scientist_profiles_updated_idx').on(t.updatedAt),
    index('scientist_profiles_disciplines_idx').using('gin', t.disciplines),
  ],
);

/** A capability / service listing (科技所能) offered by a scientist, a team or an organization. */
export const capabilities = pgTable(
  'capabilities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: text('owner_type', { enum: OWNER_TYPES }).notNull(),
    scientistId: uuid('scientist_id').references(() => scientistProfiles.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    /** The account that wrote it (null for imports without an account, or after account deletion). */
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    externalId: externalId(),
    title: varchar('title', { length: 120 }).notNull(),
    description: text('description').notNull(),
    disciplines: textArray('disciplines'),
    industries: textArray('industries'),
    keywords: textArray('keywords'),
    deliveryMode: text('delivery_mode', { enum: DELIVERY_MODES }).notNull(),
    priceType: text('price_type', { enum: PRICE_TYPES }).notNull(),
    price: yuan('price'),
    durationDays: integer('duration_days'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    ...lifecycle(),
    ...timestamps(),
  },
  (t) => [
    oneOf('capabilities_owner_type_check', t.ownerType, OWNER_TYPES),
    ownerRefCheck('capabilities_owner_ref_check', t),
    oneOf('capabilities_delivery_mode_check', t.deliveryMode, DELIVERY_MODES),
    oneOf('capabilities_price_type_check', t.priceType, PRICE_TYPES),
    oneOf('capabilities_status_check', t.status, LISTING_STATUSES),
    nonNegative('capabilities_price_check', t.price),
    check('capabilities_duration_check', sql`${t.durationDays} is null or ${t.durationDays} > 0`),
    index('capabilities_status_region_idx').on(t.status, t.regionCode.op('varchar_pattern_ops')),
    index('capabilities_scientist_idx').on(t.scientistId),
    index('capabilities_team_idx').on(t.teamId),
    index('capabilities_org_idx').on(t.orgId),
    index('capabilities_author_idx').on(t.authorId),
    index('capabilities_updated_idx').on(t.updatedAt),
    index('capabilities_disciplines_idx').using('gin', t.disciplines),
    index('capabilities_industries_idx').using('gin', t.industries),
  ],
);

/** A research result offered for transfer (科研成果). */
export const results = pgTable(
  'results',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerType: text('owner_type', { enum: OWNER_TYPES }).notNull(),
    scientistId: uuid('scientist_id').references(() => scientistProfiles.id, { onDelete: 'cascade' }),
    teamId: uuid('team_id').references(() => teams.id, { onDelete: 'cascade' }),
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    externalId: externalId(),
    title: varchar('title', { length: 120 }).notNull(),
    abstract: text('abstract').notNull(),
    /** Technology readiness level 1–9. */
    maturity: integer('maturity').notNull(),
    ip: jsonList<IpRecord>('ip'),
    transferModes: textArray('transfer_modes'),
    priceType: text('price_type', { enum: PRICE_TYPES }).notNull(),
    askingPrice: yuan('asking_price'),
    /** Lowest acceptable price: owner and officers only (presenters drop it for everyone else). */
    reservePrice: yuan('reserve_price'),
    disciplines: textArray('disciplines'),
    industries: textArray('industries'),
    keywords: textArray('keywords'),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    ...lifecycle(),
    ...timestamps(),
  },
  (t) => [
    oneOf('results_owner_type_check', t.ownerType, OWNER_TYPES),
    ownerRefCheck('results_owner_ref_check', t),
    oneOf('results_price_type_check', t.priceType, PRICE_TYPES),
    oneOf('results_status_check', t.status, LISTING_STATUSES),
    allOf('results_transfer_modes_check', t.transferModes, TRANSFER_MODES),
    check('results_maturity_check', sql`${t.maturity} between 1 and 9`),
    nonNegative('results_asking_price_check', t.askingPrice),
    nonNegative('results_reserve_price_check', t.reservePrice),
    index('results_status_region_idx').on(t.status, t.regionCode.op('varchar_pattern_ops')),
    index('results_scientist_idx').on(t.scientistId),
    index('results_team_idx').on(t.teamId),
    index('results_org_idx').on(t.orgId),
    index('results_author_idx').on(t.authorId),
    index('results_updated_idx').on(t.updatedAt),
    index('results_disciplines_idx').using('gin', t.disciplines),
    index('results_industries_idx').using('gin', t.industries),
  ],
);

/** A need (科技所需): service need, R&D problem, talent need or wanted result. */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: NEED_KINDS }).notNull(),
    /** The enterprise posting it; null for a personal need. */
    orgId: uuid('org_id').references(() => organizations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    externalId: externalId(),
    title: varchar('title', { length: 120 }).notNull(),
    /** Public summary. */
    summary: text('summary').notNull(),
    /** Details: behind the NDA when `confidential`. */
    description: text('description').notNull(),
    confidential: boolean('confidential').notNull().default(false),
    keywords: textArray('keywords'),
    disciplines: textArray('disciplines'),
    industries: textArray('industries'),
    budgetMin: yuan('budget_min'),
    budgetMax: yuan('budget_max'),
    deadline: date('deadline', { mode: 'string' }),
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    /** Completeness score 0–100 from the quality assistant, at the last save. */
    qualityScore: integer('quality_score'),
    ...lifecycle(),
    ...timestamps(),
  },
  (t) => [
    oneOf('needs_kind_check', t.kind, NEED_KINDS),
    oneOf('needs_status_check', t.status, LISTING_STATUSES),
    nonNegative('needs_budget_min_check', t.budgetMin),
    check(
      'needs_budget_range_check',
      sql`${t.budgetMin} is null or ${t.budgetMax} is null or ${t.budgetMin} <= ${t.budgetMax}`,
    ),
    check('needs_quality_score_check', sql`${t.qualityScore} is null or ${t.qualityScore} between 0 and 100`),
    index('needs_status_region_idx').on(t.status, t.regionCode.op('varchar_pattern_ops')),
    index('needs_org_idx').on(t.orgId),
    index('needs_author_idx').on(t.authorId),
    index('needs_updated_idx').on(t.updatedAt),
    index('needs_deadline_idx').on(t.deadline),
    index('needs_disciplines_idx').using('gin', t.disciplines),
    index('needs_industries_idx').using('gin', t.industries),
  ],
);

/**
 * Every saved version of a listing or profile (the data as it was after the edit). No foreign key
 * on `entity_id`: it points into several tables, and the history outlives a deleted record.
 */
export const listingVersions = pgTable(
  'listing_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type', { enum: VERSIONED_ENTITY_TYPES }).notNull(),
    entityId: uuid('entity_id').notNull(),
    version: integer('version').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    oneOf('listing_versions_entity_type_check', t.entityType, VERSIONED_ENTITY_TYPES),
    unique('listing_versions_entity_version_uq').on(t.entityType, t.entityId, t.version),
  ],
);

/** Life-cycle history: submitted, published, rejected (with the reason), closed, expired. */
export const listingStatusEvents = pgTable(
  'listing_status_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityType: text('entity_type', { enum: VERSIONED_ENTITY_TYPES }).notNull(),
    entityId: uuid('entity_id').notNull(),
    fromStatus: text('from_status', { enum: LISTING_STATUSES }),
    toStatus: text('to_status', { enum: LISTING_STATUSES }).notNull(),
    reason: text('reason'),
    /** Null when the system acted (expiry job, automatic publishing). */
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: tstz('at').notNull().defaultNow(),
  },
  (t) => [
    oneOf('listing_status_events_entity_type_check', t.entityType, VERSIONED_ENTITY_TYPES),
    oneOf('listing_status_events_from_check', t.fromStatus, LISTING_STATUSES),
    oneOf('listing_status_events_to_check', t.toStatus, LISTING_STATUSES),
    index('listing_status_events_entity_idx').on(t.entityType, t.entityId, t.at),
  ],
);

/** A viewer's acceptance of the non-disclosure agreement of a confidential need. */
export const ndaAcceptances = pgTable(
  'nda_acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    acceptedAt: tstz('accepted_at').notNull().defaultNow(),
    ip: varchar('ip', { length: 45 }),
    agreementVersion: varchar('agreement_version', { length: 20 }).notNull(),
  },
  (t) => [
    // One acceptance per agreement version: a viewer who accepted an older text accepts again,
    // and the earlier acceptance stays on record.
    unique('nda_acceptances_need_user_version_uq').on(t.needId, t.userId, t.agreementVersion),
    index('nda_acceptances_user_idx').on(t.userId),
  ],
);

/** Where an organization's claim stands; no row = never claimed through the platform (imported, legacy). */
export const ORG_CLAIM_STATUSES = ['pending', 'verified', 'rejected'] as const;
export const ORG_JOIN_REQUEST_STATUSES = ['pending', 'accepted', 'declined'] as const;
export type OrgClaimStatus = (typeof ORG_CLAIM_STATUSES)[number];
export type OrgJoinRequestStatus = (typeof ORG_JOIN_REQUEST_STATUSES)[number];

/**
 * The claim that an account acts for an organization (its USCC), checked by an officer of the
 * organization's region: one row per organization, re-submitted after a rejection.
 */
export const organizationClaims = pgTable(
  'organization_claims',
  {
    orgId: uuid('org_id')
      .primaryKey()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    claimantId: uuid('claimant_id').references(() => users.id, { onDelete: 'set null' }),
    status: text('status', { enum: ORG_CLAIM_STATUSES }).notNull().default('pending'),
    /** The officer's reason for a rejection (shown to the claimant); cleared on re-submission. */
    reason: text('reason'),
    submittedAt: tstz('submitted_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: tstz('decided_at'),
    ...timestamps(),
  },
  (t) => [
    oneOf('organization_claims_status_check', t.status, ORG_CLAIM_STATUSES),
    index('organization_claims_status_idx').on(t.status, t.submittedAt),
  ],
);

/** A request to join an organization as a member (someone found its USCC already claimed). */
export const orgJoinRequests = pgTable(
  'org_join_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    status: text('status', { enum: ORG_JOIN_REQUEST_STATUSES }).notNull().default('pending'),
    message: varchar('message', { length: 500 }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: tstz('decided_at'),
    createdAt: tstz('created_at').notNull().defaultNow(),
  },
  (t) => [
    oneOf('org_join_requests_status_check', t.status, ORG_JOIN_REQUEST_STATUSES),
    // At most one open request per person and organization.
    uniqueIndex('org_join_requests_open_uq')
      .on(t.orgId, t.userId)
      .where(sql`${t.status} = 'pending'`),
    index('org_join_requests_user_idx').on(t.userId),
  ],
);

/**
 * Publish mode per region: the nearest ancestor with a row wins; with none, the configured
 * default (`CATALOG_PUBLISH_MODE`, default `auto`).
 */
export const regionSettings = pgTable(
  'region_settings',
  {
    regionCode: varchar('region_code', { length: 12 }).primaryKey(),
    publishMode: text('publish_mode', { enum: PUBLISH_MODES }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: tstz('updated_at')
      .notNull()
      .defaultNow()
      .$onUpdate(() => new Date()),
  },
  (t) => [oneOf('region_settings_publish_mode_check', t.publishMode, PUBLISH_MODES)],
);

export type ScientistProfileRow = typeof scientistProfiles.$inferSelect;
export type CapabilityRow = typeof capabilities.$inferSelect;
export type ResultRow = typeof results.$inferSelect;
export type NeedRow = typeof needs.$inferSelect;
export type ListingVersionRow = typeof listingVersions.$inferSelect;
export type ListingStatusEventRow = typeof listingStatusEvents.$inferSelect;
export type NdaAcceptanceRow = typeof ndaAcceptances.$inferSelect;
export type RegionSettingRow = typeof regionSettings.$inferSelect;
export type OrganizationClaimRow = typeof organizationClaims.$inferSelect;
export type OrgJoinRequestRow = typeof orgJoinRequests.$inferSelect;
