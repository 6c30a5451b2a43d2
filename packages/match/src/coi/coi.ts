/**
 * Conflict-of-interest exclusion: a hard filter on match results, with the reason for every
 * exclusion recorded so that the platform can explain it and audit it.
 *
 * Rules (each yields a reason code):
 * - `self`: the candidate is the requester;
 * - `same_org`: requester and candidate belong to the same organisation;
 * - `declared_by_requester` / `declared_by_candidate`: either side declared a relationship
 *   with the other person or with the other's organisation (relations are read in both
 *   directions: a relationship declared by one side binds both);
 * - `past_collaboration`: the collaboration graph links the candidate with the requester
 *   person or the requester's organisation (co-authorship, co-projects, past deals).
 *
 * @module
 */
import type { MatchEntity, MatchRequester } from '../types.ts';
import type { CollaborationGraph } from './graph.ts';

/** Stable reason codes (the UI translates them). */
export type CoiReasonCode =
  'self' | 'same_org' | 'declared_by_requester' | 'declared_by_candidate' | 'past_collaboration';

/** One reason a candidate was excluded. `via` names the id that triggered it. */
export interface CoiReason {
  code: CoiReasonCode;
  /** The id on which the rule fired: the shared org, the declared id, the collaborator id. */
  via: string;
}

/** What the filter needs to know about a candidate (a subset of `MatchEntity`). */
export type CoiCandidate = Pick<MatchEntity, 'id' | 'orgId' | 'relations'> & {
  /** Further organisations (joint appointments); `orgId` is the main one. */
  orgIds?: readonly string[];
};

/** What the filter needs to know about the requester (a `MatchRequester`, plus extra orgs). */
export type CoiRequester = MatchRequester & { orgIds?: readonly string[] };

/** A hit that was removed, with every reason that applied. */
export interface ExcludedHit<H> {
  hit: H;
  reasons: CoiReason[];
}

/** Result of {@link excludeConflicts}. */
export interface CoiResult<H> {
  kept: H[];
  excluded: ExcludedHit<H>[];
}

/** Options of {@link excludeConflicts}. */
export interface CoiOptions<H> {
  /** The entity behind a hit (e.g. `(h) => engine.get(h.id)`); unknown entities are judged by id only. */
  entityOf?: (hit: H) => CoiCandidate | undefined;
  /** Past collaborations, when known. */
  collaborations?: CollaborationGraph;
}

function orgsOf(party: { orgId?: string; orgIds?: readonly string[] }): string[] {
  const out: string[] = [];
  if (party.orgId) out.push(party.orgId);
  for (const o of party.orgIds ?? []) if (o && !out.includes(o)) out.push(o);
  return out;
}

/**
 * All conflict-of-interest reasons between a requester and one candidate (empty = no conflict).
 *
 * @example
 * findConflicts({ entityId: 'e1', orgId: 'org-a' }, { id: 's1', orgId: 'org-a' });
 * // [{ code: 'same_org', via: 'org-a' }]
 */
export function findConflicts(
  requester: CoiRequester,
  candidate: CoiCandidate,
  collaborations?: CollaborationGraph,
): CoiReason[] {
  const reasons: CoiReason[] = [];
  const me = requester.entityId || undefined;
  const myOrgs = orgsOf(requester);
  const theirOrgs = orgsOf(candidate);

  if (me !== undefined && me === candidate.id) reasons.push({ code: 'self', via: me });
  for (const org of theirOrgs) if (myOrgs.includes(org)) reasons.push({ code: 'same_org', via: org });

  const theirIds = [candidate.id, ...theirOrgs];
  for (const rel of requester.relations ?? [])
    if (rel && theirIds.includes(rel)) reasons.push({ code: 'declared_by_requester', via: rel });
  const myIds = me !== undefined ? [me, ...myOrgs] : myOrgs;
  for (const rel of candidate.relations ?? [])
    if (rel && myIds.includes(rel)) reasons.push({ code: 'declared_by_candidate', via: rel });

  if (collaborations) {
    // A scientist who co-authored with the requester, or worked on a project for the
    // requester's organisation, is not an independent choice for it.
    for (const id of myIds)
      if (collaborations.has(id, candidate.id)) reasons.push({ code: 'past_collaboration', via: id });
  }
  return reasons;
}

/**
 * Splits hits into those without conflict (order kept) and those excluded with their reasons.
 *
 * @example
 * const { kept, excluded } = excludeConflicts(hits, query.requester ?? {}, {
 *   entityOf: (h) => engine.get(h.id),
 *   collaborations: graph,
 * });
 */
export function excludeConflicts<H extends { id: string }>(
  hits: readonly H[],
  requester: CoiRequester | undefined,
  options: CoiOptions<H> = {},
): CoiResult<H> {
  if (!requester) return { kept: [...hits], excluded: [] };
  const kept: H[] = [];
  const excluded: ExcludedHit<H>[] = [];
  for (const hit of hits) {
    const candidate = options.entityOf?.(hit) ?? { id: hit.id };
    const reasons = findConflicts(requester, candidate, options.collaborations);
    if (reasons.length === 0) kept.push(hit);
    else excluded.push({ hit, reasons });
  }
  return { kept, excluded };
}
