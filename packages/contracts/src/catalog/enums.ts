/**
 * Closed value lists of the supply-and-demand catalog (issue 4). The database schema
 * (`@tianfu/db` `schema/catalog.ts`) repeats the same lists in its CHECK constraints.
 * @module
 */
import { z } from 'zod';

/** Life cycle of a capability, result or need: draft → submitted → published → closed | expired. */
export const LISTING_STATUSES = ['draft', 'submitted', 'published', 'rejected', 'closed', 'expired'] as const;
export const ListingStatus = z.enum(LISTING_STATUSES);
export type ListingStatus = z.infer<typeof ListingStatus>;

/** Status of a profile (scientist, team): no review step, the owner publishes or withdraws it. */
export const PROFILE_STATUSES = ['draft', 'published', 'closed'] as const;
export const ProfileStatus = z.enum(PROFILE_STATUSES);
export type ProfileStatus = z.infer<typeof ProfileStatus>;

/** The four kinds of need: service need, R&D problem (科研课题), talent need, wanted result. */
export const NEED_KINDS = ['service', 'rd_problem', 'talent', 'wanted_result'] as const;
export const NeedKind = z.enum(NEED_KINDS);
export type NeedKind = z.infer<typeof NeedKind>;

/** Fixed price, negotiable, or on quote. */
export const PRICE_TYPES = ['fixed', 'negotiable', 'quote'] as const;
export const PriceType = z.enum(PRICE_TYPES);
export type PriceType = z.infer<typeof PriceType>;

export const DELIVERY_MODES = ['onsite', 'remote', 'hybrid'] as const;
export const DeliveryMode = z.enum(DELIVERY_MODES);
export type DeliveryMode = z.infer<typeof DeliveryMode>;

/** How a research result changes hands. */
export const TRANSFER_MODES = ['transfer', 'license', 'joint_development', 'equity'] as const;
export const TransferMode = z.enum(TRANSFER_MODES);
export type TransferMode = z.infer<typeof TransferMode>;

/** Kinds of intellectual property attached to a result. */
export const IP_KINDS = ['patent', 'software_copyright', 'other'] as const;
export const IpKind = z.enum(IP_KINDS);
export type IpKind = z.infer<typeof IpKind>;

/** Enterprise size classes (大型 / 中型 / 小型 / 微型). */
export const SIZE_CLASSES = ['large', 'medium', 'small', 'micro'] as const;
export const SizeClass = z.enum(SIZE_CLASSES);
export type SizeClass = z.infer<typeof SizeClass>;

/** A scientist's availability for new engagements. */
export const AVAILABILITY = ['available', 'limited', 'busy'] as const;
export const Availability = z.enum(AVAILABILITY);
export type Availability = z.infer<typeof Availability>;

/** Whether a region publishes submitted listings at once or after an officer's review. */
export const PUBLISH_MODES = ['auto', 'review'] as const;
export const PublishMode = z.enum(PUBLISH_MODES);
export type PublishMode = z.infer<typeof PublishMode>;

/** Who offers a capability or result. */
export const OWNER_TYPES = ['scientist', 'team', 'organization'] as const;
export const OwnerType = z.enum(OWNER_TYPES);
export type OwnerType = z.infer<typeof OwnerType>;

/** Events logged about a recommendation. */
export const OUTCOME_EVENTS = ['shown', 'invited', 'accepted', 'deal_closed', 'dismissed'] as const;
export const OutcomeEvent = z.enum(OUTCOME_EVENTS);
export type OutcomeEvent = z.infer<typeof OutcomeEvent>;

/** Why a recommendation was dismissed as "not relevant". */
export const DISMISS_REASONS = [
  'not_my_field',
  'too_far',
  'budget_mismatch',
  'already_known',
  'low_quality',
  'other',
] as const;
export const DismissReason = z.enum(DISMISS_REASONS);
export type DismissReason = z.infer<typeof DismissReason>;

/** Kinds of things the public catalog search returns. */
export const CATALOG_KINDS = ['scientist', 'team', 'enterprise', 'capability', 'result', 'need'] as const;
export const CatalogKind = z.enum(CATALOG_KINDS);
export type CatalogKind = z.infer<typeof CatalogKind>;

/** Listings that go through submit / review (`/api/review/{type}/{id}`). */
export const LISTING_TYPES = ['capability', 'result', 'need'] as const;
export const ListingType = z.enum(LISTING_TYPES);
export type ListingType = z.infer<typeof ListingType>;

/** Entities whose edits are kept in `listing_versions` (and whose changes are audited). */
export const VERSIONED_ENTITY_TYPES = [
  'need',
  'capability',
  'result',
  'scientist',
  'team',
  'organization',
] as const;
export const VersionedEntityType = z.enum(VERSIONED_ENTITY_TYPES);
export type VersionedEntityType = z.infer<typeof VersionedEntityType>;

/** Highest education completed (博士 / 硕士 / 本科 / 大专 / 中专 / 高中 / 初中 / other). */
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
export const EducationLevel = z.enum(EDUCATION_LEVELS);
export type EducationLevel = z.infer<typeof EducationLevel>;

export const GENDERS = ['female', 'male'] as const;
export const Gender = z.enum(GENDERS);
export type Gender = z.infer<typeof Gender>;
