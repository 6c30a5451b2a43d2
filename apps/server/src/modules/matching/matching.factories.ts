/**
 * Test factories for search and matching: catalog rows written straight to the tables (each
 * creates its own parents when not given), and the `Actor` a user would be when signed in.
 * @module
 */
import { randomInt } from 'node:crypto';
import {
  capabilities,
  needs,
  organizations,
  orgMembers,
  results,
  scientistProfiles,
  teamMembers,
  teams,
  users,
  type AccountKind,
  type Db,
} from '@tianfu/db';
import type { Actor } from '../../policy/actor.ts';

let seq = 0;
const next = () => ++seq;

/** A valid-looking 18-character USCC that is unique per call (tables do not check the digit). */
function uscc(): string {
  return `91510100MA${String(process.pid % 1000).padStart(3, '0')}${String(next()).padStart(4, '0')}X`.slice(
    0,
    18,
  );
}

/** A user row and the actor they sign in as. */
export async function buildMatchUser(
  db: Db,
  o: { kind?: AccountKind; regionCode?: string; phone?: string | null; name?: string } = {},
) {
  const n = next();
  const [user] = await db.orm
    .insert(users)
    .values({
      phone: o.phone === null ? null : (o.phone ?? `139${String(randomInt(0, 1e8)).padStart(8, '0')}`),
      displayName: o.name ?? `用户${n}`,
      kind: o.kind ?? 'citizen',
      regionCode: o.regionCode ?? '510104',
      phoneVerifiedAt: new Date(),
    })
    .returning();
  const actor: Actor = { userId: user!.id, kind: user!.kind, roles: [] };
  return { user: user!, actor };
}

/** An enterprise (and its owner when not given). */
export async function buildEnterprise(
  db: Db,
  o: { ownerId?: string; name?: string; regionCode?: string; description?: string } = {},
) {
  const ownerId = o.ownerId ?? (await buildMatchUser(db, { kind: 'organization' })).user.id;
  const [org] = await db.orm
    .insert(organizations)
    .values({
      uscc: uscc(),
      name: o.name ?? `测试企业${next()}`,
      orgType: 'enterprise',
      regionCode: o.regionCode ?? '510104',
      description: o.description ?? null,
      ownerId,
      industrySection: 'A',
      industryDivision: '01',
    })
    .returning();
  await db.orm.insert(orgMembers).values({ orgId: org!.id, userId: ownerId, role: 'owner' });
  return org!;
}

/** A published scientist profile (with an account unless `userId: null`). */
export async function buildScientistProfile(
  db: Db,
  o: {
    userId?: string | null;
    name?: string;
    skills?: string[];
    bio?: string;
    disciplines?: string[];
    regionCode?: string;
    orgId?: string | null;
    status?: 'draft' | 'published' | 'closed';
    capacity?: number;
    openCapacity?: number;
    deliveredServices?: { title: string; description?: string }[];
  } = {},
) {
  const userId =
    o.userId === undefined ? (await buildMatchUser(db, { kind: 'scientist' })).user.id : o.userId;
  const [row] = await db.orm
    .insert(scientistProfiles)
    .values({
      userId,
      name: o.name ?? `科学家${next()}`,
      skills: o.skills ?? [],
      bio: o.bio ?? null,
      disciplines: o.disciplines ?? [],
      regionCode: o.regionCode ?? '510104',
      orgId: o.orgId ?? null,
      status: o.status ?? 'published',
      capacity: o.capacity ?? 3,
      openCapacity: o.openCapacity ?? 3,
      deliveredServices: o.deliveredServices ?? [],
    })
    .returning();
  return row!;
}

/** A need (published by default) of an enterprise. */
export async function buildNeedRow(
  db: Db,
  o: {
    orgId?: string | null;
    authorId?: string | null;
    title?: string;
    summary?: string;
    description?: string;
    confidential?: boolean;
    keywords?: string[];
    disciplines?: string[];
    regionCode?: string;
    status?: 'draft' | 'published' | 'closed';
    budgetMax?: number | null;
    publishedAt?: Date;
  } = {},
) {
  const [row] = await db.orm
    .insert(needs)
    .values({
      kind: 'rd_problem',
      orgId: o.orgId ?? null,
      authorId: o.authorId ?? null,
      title: o.title ?? `技术需求${next()}`,
      summary: o.summary ?? '需要技术支持的公开摘要',
      description: o.description ?? '需求详细描述',
      confidential: o.confidential ?? false,
      keywords: o.keywords ?? [],
      disciplines: o.disciplines ?? [],
      regionCode: o.regionCode ?? '510104',
      status: o.status ?? 'published',
      budgetMax: o.budgetMax ?? null,
      publishedAt: (o.status ?? 'published') === 'published' ? (o.publishedAt ?? new Date()) : null,
    })
    .returning();
  return row!;
}

/** A capability listing of a scientist (published by default). */
export async function buildCapabilityRow(
  db: Db,
  o: {
    scientistId: string;
    title?: string;
    description?: string;
    price?: number | null;
    regionCode?: string;
    status?: 'draft' | 'published' | 'closed';
    publishedAt?: Date;
  },
) {
  const [row] = await db.orm
    .insert(capabilities)
    .values({
      ownerType: 'scientist',
      scientistId: o.scientistId,
      title: o.title ?? `技术服务${next()}`,
      description: o.description ?? '提供技术服务',
      deliveryMode: 'onsite',
      priceType: o.price === null ? 'quote' : 'fixed',
      price: o.price ?? 5000,
      regionCode: o.regionCode ?? '510104',
      status: o.status ?? 'published',
      publishedAt: (o.status ?? 'published') === 'published' ? (o.publishedAt ?? new Date()) : null,
    })
    .returning();
  return row!;
}

/** A research result of a scientist (published). */
export async function buildResultRow(
  db: Db,
  o: { scientistId: string; title?: string; abstract?: string; maturity?: number; price?: number },
) {
  const [row] = await db.orm
    .insert(results)
    .values({
      ownerType: 'scientist',
      scientistId: o.scientistId,
      title: o.title ?? `科研成果${next()}`,
      abstract: o.abstract ?? '成果摘要',
      maturity: o.maturity ?? 6,
      priceType: 'fixed',
      askingPrice: o.price ?? 100000,
      regionCode: '510104',
      status: 'published',
      publishedAt: new Date(),
    })
    .returning();
  return row!;
}

/** A team led by `leadId` with active members. */
export async function buildTeamRow(
  db: Db,
  o: { leadId: string; memberIds?: string[]; name?: string; capabilities?: string[] },
) {
  const [team] = await db.orm
    .insert(teams)
    .values({
      name: o.name ?? `团队${next()}`,
      leadId: o.leadId,
      regionCode: '510104',
      capabilities: o.capabilities ?? [],
    })
    .returning();
  for (const userId of [o.leadId, ...(o.memberIds ?? [])])
    await db.orm
      .insert(teamMembers)
      .values({ teamId: team!.id, userId, status: 'active', joinedAt: new Date() });
  return team!;
}

/** Adds a user to an organization. */
export async function addOrgMember(db: Db, orgId: string, userId: string) {
  await db.orm.insert(orgMembers).values({ orgId, userId, role: 'member' });
}
