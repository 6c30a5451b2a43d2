/**
 * The one gate for every policy decision in a route: allowed → continue; denied → an audit row
 * (outcome `denied`) and a 401/403 error. Routes stay thin:
 *
 *   authorize(request, identityPolicy.canVerify(request.actor, person));
 *
 * @module
 */
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error.ts';
import type { Actor } from './actor.ts';

/** What a policy function answers. */
export interface PolicyDecision {
  allow: boolean;
  /** Audit action name, e.g. `audit.search`, `identity.verify`. */
  action: string;
  target?: { type: string; id?: string | number | null } | null;
  /** Region of the record concerned (lets officers of that region see the denial). */
  regionCode?: string | null;
  /** Message code for the denial (default `error.forbidden`, or `error.unauthorized` without an actor). */
  reason?: string;
}

/** An allowing decision. */
export function allow(action: string, extra: Omit<PolicyDecision, 'allow' | 'action'> = {}): PolicyDecision {
  return { allow: true, action, ...extra };
}

/** A denying decision. */
export function deny(action: string, extra: Omit<PolicyDecision, 'allow' | 'action'> = {}): PolicyDecision {
  return { allow: false, action, ...extra };
}

/**
 * Enforces a decision. On denial writes the audit row first, then throws; an audit failure is
 * logged but never turns a 403 into a 500.
 * @throws AppError 401 when there is no signed-in actor, 403 otherwise
 */
export async function authorize(request: FastifyRequest, decision: PolicyDecision): Promise<void> {
  if (decision.allow) return;
  const status = request.actor ? 403 : 401;
  // Staff whose roles are on hold until they enroll TOTP learn why, instead of a bare "forbidden".
  const onHold = (request.actor?.suspendedRoles?.length ?? 0) > 0;
  const code =
    decision.reason ??
    (request.actor ? (onHold ? 'auth.totp_enrollment_required' : 'error.forbidden') : 'error.unauthorized');
  try {
    await request.server.audit.recordRequest(request, {
      action: decision.action,
      target: decision.target ?? null,
      outcome: 'denied',
      regionCode: decision.regionCode ?? null,
      details: {
        reason: code,
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?')[0],
      },
    });
  } catch (err) {
    request.log.error({ err }, 'could not write audit row for a denied request');
  }
  throw new AppError(code, status);
}

/**
 * The signed-in actor or a 401 (audited like any denial).
 * @example const actor = await requireActor(request, 'audit.search');
 */
export async function requireActor(request: FastifyRequest, action: string): Promise<Actor> {
  if (request.actor) return request.actor;
  await authorize(request, deny(action));
  throw new AppError('error.unauthorized', 401); // unreachable: authorize threw
}
