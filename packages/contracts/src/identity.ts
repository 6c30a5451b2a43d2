/**
 * Real-name (实名) identity contracts. The resident ID number is accepted only in
 * POST /api/account/identity and is never returned unmasked.
 * Submitting requires an active consent of purpose `real_name` (POST /api/account/consents first).
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from './common.ts';
import { RealNameStatus } from './auth.ts';
import { parseResidentId } from './validation/resident-id.ts';

/** Resident ID number: normalized, GB 11643 validated (format, region, birth date, check digit). */
export const ResidentId = z
  .string()
  .trim()
  .max(30)
  .transform((v, ctx) => {
    const r = parseResidentId(v);
    if (!r.ok) {
      ctx.addIssue({ code: 'custom', message: `validation.resident_id_${r.problem}` });
      return z.NEVER;
    }
    return r.value;
  });

/** POST /api/account/identity */
export const IdentitySubmit = z.object({
  fullName: z
    .string()
    .trim()
    .min(2)
    .max(40)
    .regex(/^[\p{L}·• ]+$/u, 'validation.full_name'),
  idNumber: ResidentId,
});
export type IdentitySubmit = z.infer<typeof IdentitySubmit>;

/** GET /api/account/identity — the person's own real-name record (masked). */
export const Identity = z.object({
  status: RealNameStatus,
  fullNameMasked: z.string().nullable(),
  idNumberMasked: z.string().nullable(),
  rejectReason: z.string().nullable(),
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  /** `officer` or the external verifier's name. */
  reviewedBy: z.string().nullable(),
});
export type Identity = z.infer<typeof Identity>;

/** GET /api/identity?status=pending — officers see records inside their region subtree. */
export const IdentityReviewQuery = PaginationQuery.extend({
  status: z.enum(['pending', 'verified', 'rejected']).default('pending'),
});
export type IdentityReviewQuery = z.infer<typeof IdentityReviewQuery>;
export const IdentityReviewItem = z.object({
  userId: z.string(),
  displayName: z.string(),
  fullName: z.string(),
  idNumberMasked: z.string(),
  regionCode: z.string().nullable(),
  status: RealNameStatus,
  rejectReason: z.string().nullable(),
  submittedAt: z.string(),
});
export type IdentityReviewItem = z.infer<typeof IdentityReviewItem>;
export const IdentityReviewListResponse = paginated(IdentityReviewItem);
export type IdentityReviewListResponse = z.infer<typeof IdentityReviewListResponse>;

/** Params of POST /api/identity/:userId/verify and /reject */
export const IdentityUserParams = z.object({ userId: z.string().min(1).max(64) });
/** Body of POST /api/identity/:userId/reject */
export const IdentityReject = z.object({ reason: z.string().trim().min(2).max(500) });
export type IdentityReject = z.infer<typeof IdentityReject>;
/** Response of verify/reject. */
export const IdentityDecisionResponse = z.object({
  userId: z.string(),
  status: RealNameStatus,
  rejectReason: z.string().nullable(),
  reviewedAt: z.string(),
});
export type IdentityDecisionResponse = z.infer<typeof IdentityDecisionResponse>;
