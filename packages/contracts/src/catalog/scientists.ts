/**
 * Scientist profiles (科技工作者 / 土专家): `/api/scientists`, `/api/scientists/me`, `/api/scientists/{id}`.
 * A profile without papers, patents or projects is complete: skills and delivered services are
 * what a rural expert is matched on.
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from '../common.ts';
import { disciplineCode } from '../taxonomy/schemas.ts';
import { Availability, EducationLevel, Gender, ProfileStatus } from './enums.ts';
import {
  CatalogId,
  CatalogRegionCode,
  DisciplineList,
  LongText,
  PersonName,
  PlainText,
  QueryBoolean,
  QueryText,
  TermList,
  Year,
} from './fields.ts';

const ShortText = PlainText.trim().min(1).max(200);

/** A journal article or conference paper. */
export const ScientistPaper = z.object({
  title: PlainText.trim().min(1).max(300),
  journal: PlainText.trim().max(200).nullable().optional(),
  year: Year.nullable().optional(),
});
export type ScientistPaper = z.infer<typeof ScientistPaper>;

/** A patent (number as granted, e.g. `ZL202310123456.7`). */
export const ScientistPatent = z.object({
  number: PlainText.trim().min(1).max(40),
  title: PlainText.trim().min(1).max(300),
  year: Year.nullable().optional(),
});
export type ScientistPatent = z.infer<typeof ScientistPatent>;

/** A funded project the scientist led or took part in. */
export const ScientistProject = z.object({
  title: PlainText.trim().min(1).max(300),
  funder: PlainText.trim().max(200).nullable().optional(),
  year: Year.nullable().optional(),
  role: PlainText.trim().max(40).nullable().optional(),
});
export type ScientistProject = z.infer<typeof ScientistProject>;

/** A service already delivered (how a rural expert shows what they can do). */
export const DeliveredService = z.object({
  title: ShortText,
  year: Year.nullable().optional(),
  regionCode: CatalogRegionCode.nullable().optional(),
  description: PlainText.trim().max(1000).nullable().optional(),
});
export type DeliveredService = z.infer<typeof DeliveredService>;

/** A past or current position; `to: null` = still there. */
export const ExperienceEntry = z
  .object({
    from: Year,
    to: Year.nullable().optional(),
    organization: ShortText,
    role: PlainText.trim().max(100).nullable().optional(),
  })
  .refine((e) => e.to === null || e.to === undefined || e.to >= e.from, {
    message: 'validation.year_order',
    path: ['to'],
  });
export type ExperienceEntry = z.infer<typeof ExperienceEntry>;

/** Every editable field of a profile; Create and Patch are built from it. */
const scientistFields = {
  name: PersonName,
  gender: Gender.nullable(),
  birthYear: z.number().int().min(1900).max(2030).nullable(),
  education: EducationLevel.nullable(),
  /** 职称, e.g. 研究员, 高级农艺师. */
  title: PlainText.trim().max(60).nullable(),
  affiliation: PlainText.trim().max(120).nullable(),
  /** The organization the scientist works for, when it is registered here. */
  orgId: CatalogId.nullable(),
  disciplines: DisciplineList,
  skills: TermList,
  bio: LongText.nullable(),
  experience: z.array(ExperienceEntry).max(30),
  regionCode: CatalogRegionCode,
  availability: Availability,
  /** How many engagements at once. */
  capacity: z.number().int().min(0).max(50),
  /** How far the scientist travels for on-site work; null = no on-site work. */
  onSiteRadiusKm: z.number().int().min(0).max(3000).nullable(),
  remote: z.boolean(),
  ruralExpert: z.boolean(),
  papers: z.array(ScientistPaper).max(200),
  patents: z.array(ScientistPatent).max(200),
  projects: z.array(ScientistProject).max(100),
  deliveredServices: z.array(DeliveredService).max(100),
  /** `draft` keeps the profile out of the public catalog; `closed` withdraws it. */
  status: ProfileStatus,
};

/**
 * POST /api/scientists — creates the caller's own profile (one per account). Only `name`,
 * `regionCode` and one discipline or skill are required; lists default to empty, availability to
 * `available`, capacity to 1, status to `published`.
 */
export const ScientistCreate = z
  .object(scientistFields)
  .partial()
  .required({ name: true, regionCode: true })
  .refine((v) => (v.disciplines?.length ?? 0) + (v.skills?.length ?? 0) > 0, {
    message: 'validation.skill_or_discipline_required',
    path: ['skills'],
  });
export type ScientistCreate = z.infer<typeof ScientistCreate>;

/** PATCH /api/scientists/{id} and /api/scientists/me — only the fields given change; null clears. */
export const ScientistPatch = z.object(scientistFields).partial();
export type ScientistPatch = z.infer<typeof ScientistPatch>;

/** One item of the public list. */
export const ScientistSummary = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  affiliation: z.string().nullable(),
  education: EducationLevel.nullable(),
  disciplines: z.array(z.string()),
  skills: z.array(z.string()),
  regionCode: z.string(),
  availability: Availability,
  openCapacity: z.number().int(),
  remote: z.boolean(),
  onSiteRadiusKm: z.number().int().nullable(),
  ruralExpert: z.boolean(),
  verified: z.boolean(),
  reputation: z.number(),
  /** Counts, so a list can show "12 papers · 3 patents" without the lists. */
  paperCount: z.number().int(),
  patentCount: z.number().int(),
  deliveredServiceCount: z.number().int(),
  updatedAt: z.string(),
});
export type ScientistSummary = z.infer<typeof ScientistSummary>;

/** GET /api/scientists/{id} for anyone: the public profile (no birth year, gender or phone). */
export const ScientistView = ScientistSummary.extend({
  userId: z.string().nullable(),
  orgId: z.string().nullable(),
  bio: z.string().nullable(),
  experience: z.array(ExperienceEntry),
  capacity: z.number().int(),
  papers: z.array(ScientistPaper),
  patents: z.array(ScientistPatent),
  projects: z.array(ScientistProject),
  deliveredServices: z.array(DeliveredService),
  status: ProfileStatus,
  version: z.number().int(),
  createdAt: z.string(),
});
export type ScientistView = z.infer<typeof ScientistView>;

/** The owner's (or a regional officer's) view: adds personal fields, the masked phone and rights. */
export const ScientistDetail = ScientistView.extend({
  gender: Gender.nullable(),
  birthYear: z.number().int().nullable(),
  externalId: z.string().nullable(),
  /** The account's phone, masked (138****0001); null for imported people without an account. */
  phoneMasked: z.string().nullable(),
  canEdit: z.boolean(),
});
export type ScientistDetail = z.infer<typeof ScientistDetail>;

/** GET /api/scientists/{id}: the detail for owner/officer, the public view for everyone else. */
export const ScientistResponse = z.union([ScientistDetail, ScientistView]);
export type ScientistResponse = z.infer<typeof ScientistResponse>;

export const SCIENTIST_SORTS = ['updated', 'reputation', 'name'] as const;

/** GET /api/scientists — published profiles; `region` selects a subtree, `discipline` a code or its children. */
export const ScientistListQuery = PaginationQuery.extend({
  q: QueryText.optional(),
  region: CatalogRegionCode.optional(),
  discipline: disciplineCode.optional(),
  availability: Availability.optional(),
  ruralExpert: QueryBoolean.optional(),
  remote: QueryBoolean.optional(),
  verified: QueryBoolean.optional(),
  sort: z.enum(SCIENTIST_SORTS).default('updated'),
});
export type ScientistListQuery = z.infer<typeof ScientistListQuery>;

export const ScientistListResponse = paginated(ScientistSummary);
export type ScientistListResponse = z.infer<typeof ScientistListResponse>;
