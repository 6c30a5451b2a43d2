/**
 * Audit log search (`GET /api/audit`): administrators see everything, officers the rows
 * concerning their region subtree.
 * @module
 */
import { z } from 'zod';
import { PaginationQuery, paginated } from './common.ts';

export const AuditOutcome = z.enum(['allowed', 'denied', 'success', 'failure']);
export type AuditOutcome = z.infer<typeof AuditOutcome>;

/** Filters for the audit search; all optional, combined with AND. */
export const AuditQuery = PaginationQuery.extend({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  actorId: z.uuid().optional(),
  action: z.string().trim().min(1).max(100).optional(),
  outcome: AuditOutcome.optional(),
  targetType: z.string().trim().min(1).max(64).optional(),
  targetId: z.string().trim().min(1).max(128).optional(),
  regionCode: z
    .string()
    .regex(/^\d{2}(\d{2}){0,2}$/, 'validation.region_code')
    .optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

/** One audit row as shown to staff. */
export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  outcome: AuditOutcome,
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
  regionCode: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditPage = paginated(AuditEntry);
export type AuditPage = z.infer<typeof AuditPage>;
