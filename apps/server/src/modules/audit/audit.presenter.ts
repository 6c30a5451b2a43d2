/** Audit rows → API shape. */
import type { AuditEntry } from '@tianfu/contracts';
import type { AuditRow } from './audit.repository.ts';

/** Presents one audit row (details were sanitized when written). */
export function presentAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorRoles: row.actorRoles,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    outcome: row.outcome,
    ip: row.ip,
    requestId: row.requestId,
    regionCode: row.regionCode,
    details: row.details,
  };
}
