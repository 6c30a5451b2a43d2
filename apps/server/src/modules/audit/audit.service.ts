/**
 * The audit trail: `record()` appends one sanitized row; `search()` applies the reader's region
 * scope; `purge()` enforces retention. Available to every module as `app.audit`.
 * @module
 */
import type { FastifyRequest } from 'fastify';
import type { AuditOutcome, AuditQuery } from '@tianfu/contracts';
import type { ResolvedDeps } from '../../app-deps.ts';
import type { Actor } from '../../policy/actor.ts';
import { regionScopeOf } from '../../policy/region-scope.ts';
import { canonicalRegionCode } from '@tianfu/db';
import { auditRepository, type AuditRow } from './audit.repository.ts';
import { cleanDetails, cleanText } from './audit.sanitize.ts';

/** What a module reports. Everything except `action` and `outcome` is optional. */
export interface AuditEvent {
  /** Who acted; null/absent for anonymous or system actions. */
  actor?: Actor | null;
  /** Dotted verb, e.g. `auth.login`, `identity.verify`, `policy.denied`. */
  action: string;
  target?: { type: string; id?: string | number | null } | null;
  outcome: AuditOutcome;
  ip?: string | null;
  requestId?: string | null;
  /** Region the action concerns (the person's or record's region), for officer searches. */
  regionCode?: string | null;
  /** Extra facts; secrets are dropped and personal data masked before storage. */
  details?: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Creates the audit service for the app's database. */
export function createAuditService(deps: Pick<ResolvedDeps, 'db' | 'config' | 'logger'>) {
  const repo = auditRepository(deps.db);

  const service = {
    /** Appends one row. Never throws for bad input: values are cleaned and capped. */
    async record(event: AuditEvent): Promise<void> {
      const actorId = event.actor?.userId && UUID.test(event.actor.userId) ? event.actor.userId : null;
      // Stored in canonical form (51 / 5101 / 510104) so officer searches can filter by code prefix.
      const region = canonicalRegionCode(event.regionCode);
      await repo.insert({
        actorId,
        actorRoles: (event.actor?.roles ?? []).map(
          (r) => cleanText(r.regionCode ? `${r.role}:${r.regionCode}` : r.role, 40) ?? '',
        ),
        action: cleanText(event.action, 100) ?? 'unknown',
        targetType: cleanText(event.target?.type, 64),
        targetId:
          event.target?.id === undefined || event.target?.id === null
            ? null
            : cleanText(String(event.target.id), 128),
        outcome: event.outcome,
        ip: cleanText(event.ip, 64),
        requestId: cleanText(event.requestId, 64),
        regionCode: region,
        details: cleanDetails(event.details),
      });
    },

    /** {@link record} with actor, IP and request id taken from the request. */
    async recordRequest(
      request: FastifyRequest,
      event: Omit<AuditEvent, 'ip' | 'requestId'> & { actor?: Actor | null },
    ): Promise<void> {
      await service.record({
        ...event,
        actor: event.actor === undefined ? request.actor : event.actor,
        ip: request.ip,
        requestId: request.id,
      });
    },

    /** Rows the reader may see, newest first. The caller has already checked the reader is staff. */
    async search(reader: Actor, q: AuditQuery): Promise<{ rows: AuditRow[]; total: number }> {
      return repo.search(
        {
          from: q.from ? new Date(q.from) : undefined,
          to: q.to ? new Date(q.to) : undefined,
          actorId: q.actorId,
          action: q.action,
          outcome: q.outcome,
          targetType: q.targetType,
          targetId: q.targetId,
          regionCode: q.regionCode,
          regionPrefixes: regionScopeOf(reader),
        },
        q.pageSize,
        (q.page - 1) * q.pageSize,
      );
    },

    /** Removes rows older than AUDIT_RETENTION_DAYS (never fewer than 180 days). */
    async purge(): Promise<number> {
      return repo.purgeOlderThan(Math.max(180, deps.config.AUDIT_RETENTION_DAYS));
    },
  };
  return service;
}

/** The audit service (`app.audit`). */
export type AuditService = ReturnType<typeof createAuditService>;
