/**
 * Who may import and export: officers (their region subtree) and administrators (anywhere).
 * Row-level region checks happen in validation (a row outside the scope is reported, never
 * written); these decisions gate the requests themselves and are audited when denied.
 * @module
 */
import { allow, deny, type PolicyDecision } from '../../policy/authorize.ts';
import { hasRole, isAdmin, type Actor } from '../../policy/actor.ts';
import { canAccessRegion } from '../../policy/region-scope.ts';

const isStaff = (actor: Actor | null): actor is Actor =>
  !!actor && (isAdmin(actor) || hasRole(actor, 'officer'));

/** Upload a file for validation / download a template. */
export function canImport(actor: Actor | null, entity: string): PolicyDecision {
  const extra = { target: { type: 'import', id: entity } };
  return isStaff(actor) ? allow('import.upload', extra) : deny('import.upload', extra);
}

/** Read or commit a batch: its own officer (still holding the role) or an administrator. */
export function canUseBatch(
  actor: Actor | null,
  batch: { id: string; officerId: string; regionCode: string | null },
  action: 'import.read' | 'import.commit',
): PolicyDecision {
  const extra = { target: { type: 'import_batch', id: batch.id }, regionCode: batch.regionCode };
  if (!isStaff(actor)) return deny(action, extra);
  if (isAdmin(actor)) return allow(action, extra);
  return actor.userId === batch.officerId &&
    (batch.regionCode === null || canAccessRegion(actor, batch.regionCode))
    ? allow(action, extra)
    : deny(action, extra);
}

/**
 * Export a list. An officer may narrow to a region inside their own; asking for a region outside
 * it is denied (and audited) rather than silently answered with an empty file.
 */
export function canExport(actor: Actor | null, entity: string, region: string | undefined): PolicyDecision {
  const extra = { target: { type: 'export', id: entity }, regionCode: region ?? null };
  if (!isStaff(actor)) return deny('export.download', extra);
  if (region && !canAccessRegion(actor, region)) {
    return deny('export.download', { ...extra, reason: 'error.forbidden_region' });
  }
  return allow('export.download', extra);
}
