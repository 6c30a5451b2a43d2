/**
 * Recommendations in both directions and feedback on them:
 * `GET /api/needs/{id}/matches?kind=scientist|team|capability|result`,
 * `GET /api/{scientists|teams|results|capabilities}/{id}/matches?kind=need|enterprise`,
 * `POST /api/matches/feedback`, `GET /api/matches/outcomes.jsonl` (administrators).
 * @module
 */
import { z } from 'zod';
import { IsoDateTime } from '../common.ts';
import { CatalogKind, DismissReason } from './enums.ts';
import { NeedQualityReportSchema } from './need-quality.ts';
import { CatalogCard, MatchExplanationView } from './search.ts';

/** What a need can be matched with. */
export const NEED_MATCH_KINDS = ['scientist', 'team', 'capability', 'result'] as const;
export const NeedMatchKind = z.enum(NEED_MATCH_KINDS);
export type NeedMatchKind = z.infer<typeof NeedMatchKind>;

/** What a scientist, team, capability or result can be matched with. */
export const SUPPLY_MATCH_KINDS = ['need', 'enterprise'] as const;
export const SupplyMatchKind = z.enum(SUPPLY_MATCH_KINDS);
export type SupplyMatchKind = z.infer<typeof SupplyMatchKind>;

/** The supply side that has a `/matches` route. */
export const SUPPLY_SUBJECTS = ['scientist', 'team', 'capability', 'result'] as const;
export type SupplySubject = (typeof SUPPLY_SUBJECTS)[number];

/** Largest recommendation list. */
export const MAX_MATCHES = 50;

const Top = z.coerce.number().int().min(1).max(MAX_MATCHES).default(20);

/** Query of `GET /api/needs/{id}/matches`. */
export const NeedMatchesQuery = z.object({ kind: NeedMatchKind.default('scientist'), top: Top });
export type NeedMatchesQuery = z.infer<typeof NeedMatchesQuery>;

/** Query of `GET /api/{scientists|teams|results|capabilities}/{id}/matches`. */
export const SupplyMatchesQuery = z.object({ kind: SupplyMatchKind.default('need'), top: Top });
export type SupplyMatchesQuery = z.infer<typeof SupplyMatchesQuery>;

/** Capacity of a recommended scientist or team as the re-ranker saw it. */
export const CAPACITY_STATUSES = ['unknown', 'open', 'near_full', 'full'] as const;

/** One recommendation. */
export const MatchItem = CatalogCard.extend({
  rank: z.number().int(),
  score: z.number(),
  /** False when the entity has no open capacity (listed last, not recommended). */
  recommended: z.boolean(),
  capacity: z.enum(CAPACITY_STATUSES),
  explanation: MatchExplanationView,
});
export type MatchItem = z.infer<typeof MatchItem>;

/** Conflict-of-interest reason codes (same organisation, declared relation, team co-membership…). */
export const COI_REASONS = [
  'self',
  'same_org',
  'declared_by_requester',
  'declared_by_candidate',
  'past_collaboration',
  'same_team',
] as const;
export const CoiReasonCode = z.enum(COI_REASONS);

/** Candidates left out for conflicts of interest: how many, and how often each rule fired. */
export const MatchExclusions = z.object({
  count: z.number().int(),
  reasons: z.array(z.object({ code: CoiReasonCode, count: z.number().int() })),
});
export type MatchExclusions = z.infer<typeof MatchExclusions>;

/** A recommendation list. `queryId` identifies it in feedback. */
export const MatchList = z
  .object({
    queryId: z.string(),
    subject: z.object({ kind: CatalogKind, id: z.string() }),
    kind: CatalogKind,
    items: z.array(MatchItem),
    excluded: MatchExclusions,
  })
  .meta({ id: 'MatchList' });
export type MatchList = z.infer<typeof MatchList>;

/** Feedback events a client may send ("accepted" and "deal closed" come from the deal flow). */
export const FEEDBACK_EVENTS = ['shown', 'invited', 'dismissed'] as const;

/** Body of `POST /api/matches/feedback`. A dismissal ("not relevant") needs a reason. */
export const MatchFeedback = z
  .object({
    queryId: z.string().trim().min(1).max(100),
    entityId: z.guid(),
    entityKind: CatalogKind,
    event: z.enum(FEEDBACK_EVENTS),
    reason: DismissReason.optional(),
    /** Free words with reason `other`. */
    note: z.string().trim().max(500).optional(),
    /** 1-based position the entity had in the list. */
    rank: z.number().int().min(1).max(1000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.event === 'dismissed' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'matching.reason_required' });
  });
export type MatchFeedback = z.infer<typeof MatchFeedback>;

/** The stored feedback event. */
export const MatchFeedbackResult = z.object({
  id: z.string(),
  event: z.enum(FEEDBACK_EVENTS),
  at: IsoDateTime,
});
export type MatchFeedbackResult = z.infer<typeof MatchFeedbackResult>;

/** Query of `GET /api/matches/outcomes.jsonl`: an optional time window. */
export const OutcomeExportQuery = z.object({
  from: IsoDateTime.optional(),
  to: IsoDateTime.optional(),
});
export type OutcomeExportQuery = z.infer<typeof OutcomeExportQuery>;

/**
 * Body of `POST /api/needs/assess`: a need draft in progress, any subset of its fields. Lenient on
 * purpose (it is asked while typing); the quality checks say what is missing.
 */
export const NeedAssessRequest = z.object({
  kind: z.string().max(40).nullish(),
  title: z.string().max(500).nullish(),
  summary: z.string().max(2000).nullish(),
  description: z.string().max(20000).nullish(),
  confidential: z.boolean().nullish(),
  keywords: z.array(z.string().max(100)).max(50).nullish(),
  disciplines: z.array(z.string().max(10)).max(20).nullish(),
  industries: z.array(z.string().max(10)).max(20).nullish(),
  budgetMin: z.number().nullish(),
  budgetMax: z.number().nullish(),
  deadline: z.string().max(20).nullish(),
  regionCode: z.string().max(12).nullish(),
});
export type NeedAssessRequest = z.infer<typeof NeedAssessRequest>;

/** "Too vague to match": the draft's key terms, those that match nothing in the catalog, a preview. */
export const NeedMatchability = z.object({
  /** Key terms of the draft, most telling first. */
  terms: z.array(z.string()),
  /** Terms no published scientist, team, service or result shares. */
  unmatchedTerms: z.array(z.string()),
  /** Published scientists sharing at least one key term with the draft. */
  scientists: z.number().int(),
  /** True when nothing or almost nothing in the draft can be matched. */
  tooVague: z.boolean(),
});
export type NeedMatchability = z.infer<typeof NeedMatchability>;

/** Answer of `POST /api/needs/assess`: the quality report plus matchability. */
export const NeedAssessResponse = NeedQualityReportSchema.extend({ match: NeedMatchability });
export type NeedAssessResponse = z.infer<typeof NeedAssessResponse>;

/** What a conflict-of-interest declaration points at. */
export const COI_RELATED_TYPES = ['user', 'scientist', 'team', 'organization'] as const;

/** Body of `POST /api/matches/conflicts`: "never recommend me to / for this party". */
export const CoiDeclarationCreate = z.object({
  relatedType: z.enum(COI_RELATED_TYPES),
  relatedId: z.guid(),
  note: z.string().trim().max(200).optional(),
});
export type CoiDeclarationCreate = z.infer<typeof CoiDeclarationCreate>;

/** A declared relationship as its declarer sees it. */
export const CoiDeclarationView = z
  .object({
    id: z.string(),
    relatedType: z.enum(COI_RELATED_TYPES),
    relatedId: z.string(),
    /** Public name of a scientist, team or organization (null for a person's account). */
    relatedName: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: IsoDateTime,
  })
  .meta({ id: 'CoiDeclaration' });
export type CoiDeclarationView = z.infer<typeof CoiDeclarationView>;

/** `GET /api/matches/conflicts`. */
export const CoiDeclarationList = z.object({ items: z.array(CoiDeclarationView) });
export type CoiDeclarationList = z.infer<typeof CoiDeclarationList>;
