/**
 * Maps the generator's needs, services and results onto listing rows with their life-cycle status.
 * @module
 */
import type { DemoCapability, DemoNeed, DemoResult } from '../demo/demo.types.ts';
import { assessNeed } from '@tianfu/contracts';
import type { capabilities, IpRecord, ListingStatus, needs, results } from '../../schema/index.ts';
import { bucket, demoUuid } from './ids.ts';
import { listingStatus, listingTimes } from './lifecycle.ts';
import { userIdOf } from './people.ts';

export type NeedRow = typeof needs.$inferInsert;
export type CapabilityRow = typeof capabilities.$inferInsert;
export type ResultRow = typeof results.$inferInsert;

/** Which demo people have an account (team leads and members, the demo sign-ins). */
export type HasAccount = (demoId: string) => boolean;

/** A need posted by its enterprise's owner; `status` overrides the spread (demo sign-in's needs). */
export function needRow(n: DemoNeed, now: Date, status?: ListingStatus, rejectionReason?: string): NeedRow {
  const times = listingTimes(n.id, status ?? listingStatus(n.id, 'need'), now);
  return {
    id: demoUuid(n.id),
    kind: n.kind,
    orgId: demoUuid(n.enterpriseId),
    authorId: userIdOf(n.enterpriseId),
    externalId: n.id,
    title: n.title.slice(0, 120),
    summary: n.summary,
    description: n.description,
    confidential: n.confidential,
    keywords: n.keywords,
    disciplines: n.disciplines,
    industries: n.industries,
    budgetMin: n.budgetMin,
    budgetMax: n.budgetMax,
    deadline: n.deadline,
    regionCode: n.regionCode,
    rejectionReason: rejectionReason ?? null,
    // The same completeness score the listings service stores on every save.
    qualityScore: assessNeed(n, now).score,
    // Needs also expire after their deadline (the expiry job checks it).
    ...times,
  };
}

function ownerRefs(
  kind: 'scientist' | 'team',
  demoId: string,
  teamLeads: Map<string, string>,
  hasAccount: HasAccount,
) {
  const author = kind === 'team' ? teamLeads.get(demoId) : demoId;
  return {
    ownerType: kind,
    scientistId: kind === 'scientist' ? demoUuid(demoId) : null,
    teamId: kind === 'team' ? demoUuid(demoId) : null,
    authorId: author && hasAccount(author) ? userIdOf(author) : null,
  };
}

/** A service listing offered by a scientist or a team (written by the team's lead). */
export function capabilityRow(
  c: DemoCapability,
  now: Date,
  teamLeads: Map<string, string>,
  hasAccount: HasAccount,
  status?: ListingStatus,
): CapabilityRow {
  return {
    id: demoUuid(c.id),
    ...ownerRefs(c.providerKind, c.providerId, teamLeads, hasAccount),
    externalId: c.id,
    title: c.title.slice(0, 120),
    description: c.description,
    disciplines: c.disciplines,
    industries: c.industries,
    keywords: c.keywords,
    deliveryMode: c.deliveryMode,
    priceType: c.priceType,
    price: c.price,
    durationDays: c.durationDays,
    regionCode: c.regionCode,
    ...listingTimes(c.id, status ?? listingStatus(c.id, 'supply'), now),
  };
}

/** A research result with its patents and software copyrights as IP records. */
export function resultRow(
  r: DemoResult,
  now: Date,
  teamLeads: Map<string, string>,
  hasAccount: HasAccount,
): ResultRow {
  const ip: IpRecord[] = [
    ...r.patentNumbers.map((number): IpRecord => ({ kind: 'patent', number })),
    ...r.softwareCopyrights.map((number): IpRecord => ({ kind: 'software_copyright', number })),
  ];
  const priceType =
    r.askingPrice === null ? 'quote' : bucket(`${r.id}:price`, 3) === 0 ? 'fixed' : 'negotiable';
  return {
    id: demoUuid(r.id),
    ...ownerRefs(r.ownerKind, r.ownerId, teamLeads, hasAccount),
    externalId: r.id,
    title: r.title.slice(0, 120),
    abstract: r.abstract,
    maturity: r.trl,
    ip,
    transferModes: r.transferModes,
    priceType,
    askingPrice: r.askingPrice,
    reservePrice: r.reservePrice,
    disciplines: r.disciplines,
    industries: r.industries,
    keywords: r.keywords,
    regionCode: r.regionCode,
    ...listingTimes(r.id, listingStatus(r.id, 'supply'), now),
  };
}
