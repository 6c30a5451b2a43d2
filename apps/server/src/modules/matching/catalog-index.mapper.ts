/**
 * Database rows → index entries (`MatchEntity` for the engine + `IndexMeta` for filters, COI and
 * change detection). Pure functions; the repository gathers each row's related rows first.
 * The parties recorded (people, organizations, teams) are the direct ones; memberships are
 * expanded when a conflict of interest is checked, so they are never stale.
 *
 * Only public text goes into an entity: a confidential need contributes its title, summary and
 * keywords, never its description, because matched terms are shown to whoever searches.
 * @module
 */
import type { MatchDoc, MatchEntity } from '@tianfu/match';
import { getIndustry } from '@tianfu/contracts';
import {
  canonicalRegionCode,
  fullRegionCode,
  type CapabilityRow,
  type NeedRow,
  type ResultRow,
  type ScientistProfileRow,
} from '@tianfu/db';
import type { IndexDoc, IndexMeta, OwnerRef } from './catalog-index.ts';

export { CATALOG_FIELD_WEIGHTS } from './catalog-index.fields.ts';

export type TeamRow = {
  id: string;
  name: string;
  leadId: string;
  regionCode: string | null;
  description: string | null;
  disciplines: string[];
  capabilities: string[];
  createdAt: Date;
  updatedAt: Date;
};

export type OrganizationRow = {
  id: string;
  name: string;
  regionCode: string;
  description: string | null;
  ownerId: string;
  industrySection: string | null;
  industryDivision: string | null;
  /** An officer of the region verified who acts for it (`organization_claims`). */
  verified: boolean;
  createdAt: Date;
  updatedAt: Date;
};

/** A published capability or result as a document of its owner's profile. */
export interface OwnedListing {
  title: string;
  text: string;
}

const ms = (d: Date | null | undefined): number => (d ? d.getTime() : 0);
const region = (code: string | null | undefined) => fullRegionCode(code) ?? undefined;
const uniq = (xs: (string | null | undefined)[]): string[] => [
  ...new Set(xs.filter((x): x is string => !!x)),
];
const docsOf = (items: { title?: string | null; text?: string | null }[]): MatchDoc[] =>
  items
    .filter((d) => (d.title ?? '').trim() || (d.text ?? '').trim())
    .map((d) => ({ title: d.title ?? undefined, text: d.text ?? '' }));

function baseMeta(
  kind: IndexMeta['kind'],
  id: string,
  regionCode: string | null,
  updatedAt: Date,
  publishedAt: Date | null,
): IndexMeta {
  return {
    kind,
    id,
    regionCode: canonicalRegionCode(regionCode),
    disciplines: [],
    industries: [],
    price: null,
    budgetMin: null,
    budgetMax: null,
    maturity: null,
    publishedAt: ms(publishedAt ?? updatedAt),
    updatedAt: ms(updatedAt),
    people: [],
    orgIds: [],
    teamIds: [],
    owner: null,
    capacity: null,
  };
}

/**
 * A scientist: skills, bio and affiliation, plus one document per delivered service, published
 * capability and result, paper, patent and project (a rural expert without publications is
 * matched on skills and delivered services alone).
 */
export function scientistDoc(row: ScientistProfileRow, related: { listings: OwnedListing[] }): IndexDoc {
  const docs = docsOf([
    ...row.deliveredServices.map((s) => ({ title: s.title, text: s.description ?? '' })),
    ...related.listings,
    ...row.papers.map((p) => ({ title: p.title, text: p.journal ?? '' })),
    ...row.patents.map((p) => ({ title: p.title, text: '' })),
    ...row.projects.map((p) => ({ title: p.title, text: p.funder ?? '' })),
  ]);
  const capacity = { open: Math.max(0, row.openCapacity), total: Math.max(0, row.capacity) };
  const entity: MatchEntity = {
    id: row.id,
    kind: 'scientist',
    text: row.bio ?? undefined,
    fields: {
      skills: row.skills,
      affiliation: uniq([row.title, row.affiliation]),
      name: row.name,
    },
    docs,
    disciplines: row.disciplines,
    region: region(row.regionCode),
    orgId: row.orgId ?? undefined,
    capacity,
    verified: row.verified,
    reputation: row.reputation,
  };
  const meta = baseMeta('scientist', row.id, row.regionCode, row.updatedAt, row.createdAt);
  meta.disciplines = row.disciplines;
  meta.people = uniq([row.userId]);
  meta.orgIds = uniq([row.orgId]);
  meta.capacity = capacity;
  return { entity, meta };
}

/** A team: name, shared capabilities, description, and its published listings as documents. */
export function teamDoc(row: TeamRow, related: { listings: OwnedListing[]; memberIds: string[] }): IndexDoc {
  const entity: MatchEntity = {
    id: row.id,
    kind: 'team',
    title: row.name,
    text: row.description ?? undefined,
    fields: { capabilities: row.capabilities },
    docs: docsOf(related.listings),
    disciplines: row.disciplines,
    region: region(row.regionCode),
  };
  const meta = baseMeta('team', row.id, row.regionCode, row.updatedAt, row.createdAt);
  meta.disciplines = row.disciplines;
  meta.people = uniq([row.leadId, ...related.memberIds]);
  meta.teamIds = [row.id];
  return { entity, meta };
}

/** An enterprise: name, description, industry names, and its published needs as documents. */
export function enterpriseDoc(row: OrganizationRow, related: { needs: OwnedListing[] }): IndexDoc {
  const industries = uniq([row.industrySection, row.industryDivision]);
  const industryNames = industries.map((c) => getIndustry(c)?.names['zh-CN'] ?? '').filter(Boolean);
  const entity: MatchEntity = {
    id: row.id,
    kind: 'enterprise',
    title: row.name,
    text: row.description ?? undefined,
    fields: { industry: industryNames },
    docs: docsOf(related.needs),
    industries,
    region: region(row.regionCode),
    orgId: row.id,
    verified: row.verified,
  };
  const meta = baseMeta('enterprise', row.id, row.regionCode, row.updatedAt, row.createdAt);
  meta.industries = industries;
  meta.people = [row.ownerId];
  meta.orgIds = [row.id];
  return { entity, meta };
}

function ownerOf(row: { scientistId: string | null; teamId: string | null }): OwnerRef | null {
  if (row.scientistId) return { kind: 'scientist', id: row.scientistId };
  if (row.teamId) return { kind: 'team', id: row.teamId };
  return null;
}

/** Who stands behind a listing, as the repository resolved it (owner scientist's user, team lead…). */
export interface ListingParties {
  people: string[];
  orgIds: string[];
  teamIds: string[];
  capacity?: { open: number; total: number } | null;
  /** An organization offering the listing itself has a verified claim. */
  verified?: boolean;
}

/** A capability / service listing. */
export function capabilityDoc(row: CapabilityRow, parties: ListingParties): IndexDoc {
  const price = row.priceType === 'quote' ? null : (row.price ?? null);
  const entity: MatchEntity = {
    id: row.id,
    kind: 'capability',
    title: row.title,
    text: row.description,
    keywords: row.keywords,
    disciplines: row.disciplines,
    industries: row.industries,
    region: region(row.regionCode),
    orgId: parties.orgIds[0],
    price: price ?? undefined,
    capacity: parties.capacity ?? undefined,
    verified: parties.verified === true,
  };
  const meta = baseMeta('capability', row.id, row.regionCode, row.updatedAt, row.publishedAt);
  Object.assign(meta, {
    disciplines: row.disciplines,
    industries: row.industries,
    price,
    people: uniq([row.authorId, ...parties.people]),
    orgIds: parties.orgIds,
    teamIds: parties.teamIds,
    owner: ownerOf(row),
    capacity: parties.capacity ?? null,
  });
  return { entity, meta };
}

/** A research result (the reserve price never enters the index). */
export function resultDoc(row: ResultRow, parties: ListingParties): IndexDoc {
  const price = row.priceType === 'quote' ? null : (row.askingPrice ?? null);
  const entity: MatchEntity = {
    id: row.id,
    kind: 'result',
    title: row.title,
    text: row.abstract,
    keywords: row.keywords,
    fields: { ip: row.ip.map((i) => i.title ?? '').filter(Boolean) },
    disciplines: row.disciplines,
    industries: row.industries,
    region: region(row.regionCode),
    orgId: parties.orgIds[0],
    price: price ?? undefined,
    verified: parties.verified === true,
  };
  const meta = baseMeta('result', row.id, row.regionCode, row.updatedAt, row.publishedAt);
  Object.assign(meta, {
    disciplines: row.disciplines,
    industries: row.industries,
    price,
    maturity: row.maturity,
    people: uniq([row.authorId, ...parties.people]),
    orgIds: parties.orgIds,
    teamIds: parties.teamIds,
    owner: ownerOf(row),
  });
  return { entity, meta };
}

/** The text of a need that anyone may read (details only when not confidential). */
export function needPublicText(row: Pick<NeedRow, 'summary' | 'description' | 'confidential'>): string {
  return row.confidential ? row.summary : `${row.summary}\n${row.description}`;
}

/** A need (public text only); `orgVerified`: posted by an organization whose claim is verified. */
export function needDoc(row: NeedRow, orgVerified = false): IndexDoc {
  const budget =
    row.budgetMin !== null || row.budgetMax !== null
      ? { min: row.budgetMin ?? undefined, max: row.budgetMax ?? undefined }
      : undefined;
  const entity: MatchEntity = {
    id: row.id,
    kind: 'need',
    title: row.title,
    text: needPublicText(row),
    keywords: row.keywords,
    disciplines: row.disciplines,
    industries: row.industries,
    region: region(row.regionCode),
    orgId: row.orgId ?? undefined,
    budget,
    verified: orgVerified,
  };
  const meta = baseMeta('need', row.id, row.regionCode, row.updatedAt, row.publishedAt);
  Object.assign(meta, {
    disciplines: row.disciplines,
    industries: row.industries,
    budgetMin: row.budgetMin ?? null,
    budgetMax: row.budgetMax ?? null,
    people: uniq([row.authorId]),
    orgIds: uniq([row.orgId]),
  });
  return { entity, meta };
}

/** Owned listing → document of the owner's profile. */
export function listingAsDoc(row: { title: string; description?: string; abstract?: string }): OwnedListing {
  return { title: row.title, text: row.description ?? row.abstract ?? '' };
}
