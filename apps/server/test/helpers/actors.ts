/**
 * Actor factories for policy and API tests, plus a test-only way to act as one over HTTP
 * (the `x-test-actor` header, honoured only by apps built with {@link actAsHeaderHook}).
 * @module
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Actor, RoleGrant } from '../../src/policy/actor.ts';

/** A person with the given staff roles (citizen account kind by default). */
export function buildActor(roles: RoleGrant[] = [], overrides: Partial<Actor> = {}): Actor {
  return { userId: randomUUID(), kind: 'citizen', roles, ...overrides };
}
export const buildAdmin = (o: Partial<Actor> = {}) => buildActor([{ role: 'admin', regionCode: null }], o);
export const buildOfficer = (regionCode: string, o: Partial<Actor> = {}) =>
  buildActor([{ role: 'officer', regionCode }], o);
export const buildEditor = (o: Partial<Actor> = {}) => buildActor([{ role: 'editor', regionCode: null }], o);
export const buildScientist = (o: Partial<Actor> = {}) => buildActor([], { kind: 'scientist', ...o });

/**
 * Installs a hook that sets `request.actor` from the `x-test-actor` header (JSON). Stands in for
 * the auth module's session hook so core policies can be tested on their own.
 */
export function actAsHeaderHook(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const raw = request.headers['x-test-actor'];
    if (typeof raw === 'string') request.actor = JSON.parse(raw) as Actor;
  });
}

/** Header object for acting as `actor`. */
export const asActor = (actor: Actor) => ({ 'x-test-actor': JSON.stringify(actor) });
