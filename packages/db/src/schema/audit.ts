/**
 * The audit log. Append-only: a trigger created in the migrations rejects UPDATE, DELETE and
 * TRUNCATE; rows older than the retention (at least 180 days) can only be removed through the
 * SQL function `audit_log_purge(retention_days)`. Owned by the platform core (F2).
 */
import { bigserial, index, jsonb, pgTable, text, uuid, varchar } from 'drizzle-orm/pg-core';
import { oneOf, tstz } from './_helpers.ts';

export const AUDIT_OUTCOMES = ['allowed', 'denied', 'success', 'failure'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];
/** Minimum retention the purge function accepts, in days. */
export const AUDIT_MIN_RETENTION_DAYS = 180;

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: tstz('at').notNull().defaultNow(),
    // No foreign key: audit rows must outlive (and not block) account deletion.
    actorId: uuid('actor_id'),
    actorRoles: text('actor_roles').array().notNull().default([]),
    action: varchar('action', { length: 100 }).notNull(),
    targetType: varchar('target_type', { length: 64 }),
    targetId: varchar('target_id', { length: 128 }),
    outcome: text('outcome', { enum: AUDIT_OUTCOMES }).notNull(),
    ip: varchar('ip', { length: 64 }),
    requestId: varchar('request_id', { length: 64 }),
    // Region the action concerns, so officers can search within their subtree.
    regionCode: varchar('region_code', { length: 12 }),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [
    oneOf('audit_log_outcome_check', t.outcome, AUDIT_OUTCOMES),
    index('audit_log_at_idx').on(t.at),
    index('audit_log_actor_at_idx').on(t.actorId, t.at),
    index('audit_log_region_at_idx').on(t.regionCode, t.at),
    index('audit_log_action_at_idx').on(t.action, t.at),
  ],
);
