/**
 * Conflict-of-interest exclusion for recommendations: the engine's rules (`findConflicts` from
 * `@tianfu/match`: same organisation, declared relations either way) over parties whose
 * memberships are expanded from the database at query time, plus two platform rules:
 * `self` (the same person on both sides) and `same_team` (both sides in one team).
 * @module
 */
import { findConflicts, type CoiReason } from '@tianfu/match';

/** One side of a recommendation: the entity and the people, organizations and teams behind it. */
export interface CoiParty {
  id: string;
  people: string[];
  orgIds: string[];
  teamIds: string[];
  /** Ids (people, organizations, entities) this side declared a relationship with. */
  relations?: string[];
}

/** Who belongs where (active team memberships, organization memberships and ownership). */
export interface Memberships {
  teamsOf: Map<string, string[]>;
  orgsOf: Map<string, string[]>;
  /** Ids each person declared a relationship with (`coi_declarations`). */
  declared: Map<string, string[]>;
}

/** Reason codes: the engine's plus `same_team`. */
export type MatchCoiCode = CoiReason['code'] | 'same_team';
export interface MatchCoiReason {
  code: MatchCoiCode;
  via: string;
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** The party with the organizations and teams of its people added. */
export function expandParty(party: CoiParty, m: Memberships): CoiParty {
  let orgIds = party.orgIds;
  let teamIds = party.teamIds;
  let relations = party.relations ?? [];
  for (const p of party.people) {
    orgIds = union(orgIds, m.orgsOf.get(p) ?? []);
    teamIds = union(teamIds, m.teamsOf.get(p) ?? []);
    relations = union(relations, m.declared.get(p) ?? []);
  }
  return { ...party, orgIds, teamIds, relations };
}

/**
 * Every conflict between a requester and a candidate (both already expanded); empty = none.
 * @example partyConflicts(need, scientist) // [{ code: 'same_org', via: '<org id>' }]
 */
export function partyConflicts(requester: CoiParty, candidate: CoiParty): MatchCoiReason[] {
  const reasons: MatchCoiReason[] = [];
  for (const p of candidate.people) if (requester.people.includes(p)) reasons.push({ code: 'self', via: p });
  reasons.push(
    ...findConflicts(
      { entityId: requester.id, orgIds: requester.orgIds },
      { id: candidate.id, orgIds: candidate.orgIds },
    ),
  );
  for (const t of candidate.teamIds)
    if (requester.teamIds.includes(t)) reasons.push({ code: 'same_team', via: t });
  // A declaration binds both ways and may name a person, a profile, a team or an organization.
  const idsOf = (p: CoiParty) => new Set([p.id, ...p.people, ...p.orgIds, ...p.teamIds]);
  const theirs = idsOf(candidate);
  for (const rel of requester.relations ?? [])
    if (theirs.has(rel)) reasons.push({ code: 'declared_by_requester', via: rel });
  const mine = idsOf(requester);
  for (const rel of candidate.relations ?? [])
    if (mine.has(rel)) reasons.push({ code: 'declared_by_candidate', via: rel });
  return reasons;
}

/** Splits candidates into kept (order unchanged) and excluded with reasons. */
export function excludeConflicting<H extends { id: string }>(
  hits: readonly H[],
  requester: CoiParty,
  partyOf: (hit: H) => CoiParty | undefined,
): { kept: H[]; excluded: { hit: H; reasons: MatchCoiReason[] }[] } {
  const kept: H[] = [];
  const excluded: { hit: H; reasons: MatchCoiReason[] }[] = [];
  for (const hit of hits) {
    const party = partyOf(hit);
    const reasons = party ? partyConflicts(requester, party) : [];
    if (reasons.length === 0) kept.push(hit);
    else excluded.push({ hit, reasons });
  }
  return { kept, excluded };
}

/** `{ code, count }` per reason code, for the owner's view. */
export function summarizeExclusions(excluded: { reasons: MatchCoiReason[] }[]): {
  count: number;
  reasons: { code: MatchCoiCode; count: number }[];
} {
  const counts = new Map<MatchCoiCode, number>();
  for (const e of excluded)
    for (const code of new Set(e.reasons.map((r) => r.code))) counts.set(code, (counts.get(code) ?? 0) + 1);
  return {
    count: excluded.length,
    reasons: [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count),
  };
}
