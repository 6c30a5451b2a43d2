/**
 * Test factories for the listings module: users, scientist profiles, teams and enterprises
 * written straight to the tables (each creates what it needs), and the `Actor` each signs in as.
 * @module
 */
import { randomInt } from 'node:crypto';
import {
  organizations,
  orgMembers,
  scientistProfiles,
  teamMembers,
  teams,
  users,
  type AccountKind,
  type Db,
  type StaffRole,
} from '@tianfu/db';
import type { Actor } from '../../policy/actor.ts';

let seq = 0;
const next = () => ++seq;

/** A user row and the actor they act as (staff roles given as `[role, region]`). */
export async function buildListingUser(
  db: Db,
  o: { kind?: AccountKind; name?: string; roles?: [StaffRole, string | null][] } = {},
): Promise<Actor & { name: string }> {
  const name = o.name ?? `用户${next()}`;
  const [user] = await db.orm
    .insert(users)
    .values({
      phone: `137${String(randomInt(0, 1e8)).padStart(8, '0')}`,
      displayName: name,
      kind: o.kind ?? 'scientist',
      phoneVerifiedAt: new Date(),
    })
    .returning();
  return {
    userId: user!.id,
    kind: user!.kind,
    roles: (o.roles ?? []).map(([role, regionCode]) => ({ role, regionCode })),
    name,
  };
}

/** A scientist profile for `userId` (a new user when not given). */
export async function buildProfile(
  db: Db,
  o: { userId?: string | null; regionCode?: string; name?: string } = {},
) {
  const userId = o.userId === undefined ? (await buildListingUser(db)).userId : o.userId;
  const [row] = await db.orm
    .insert(scientistProfiles)
    .values({ userId, name: o.name ?? `科学家${next()}`, regionCode: o.regionCode ?? '510104' })
    .returning();
  return row!;
}

/** A team led by `leadId`. */
export async function buildTeam(db: Db, leadId: string, o: { regionCode?: string } = {}) {
  const [team] = await db.orm
    .insert(teams)
    .values({ name: `创新团队${next()}`, leadId, regionCode: o.regionCode ?? '510104' })
    .returning();
  await db.orm
    .insert(teamMembers)
    .values({ teamId: team!.id, userId: leadId, status: 'active', joinedAt: new Date() });
  return team!;
}

/** An enterprise owned by `ownerId`, with extra members `[userId, role]`. */
export async function buildOrg(
  db: Db,
  ownerId: string,
  o: { regionCode?: string; members?: [string, 'admin' | 'member'][] } = {},
) {
  const n = next();
  const [org] = await db.orm
    .insert(organizations)
    .values({
      uscc: `91510100MA${String(process.pid % 1000).padStart(3, '0')}${String(n).padStart(4, '0')}Y`.slice(
        0,
        18,
      ),
      name: `四川测试企业${n}`,
      orgType: 'enterprise',
      regionCode: o.regionCode ?? '510104',
      ownerId,
    })
    .returning();
  await db.orm
    .insert(orgMembers)
    .values([
      { orgId: org!.id, userId: ownerId, role: 'owner' as const },
      ...(o.members ?? []).map(([userId, role]) => ({ orgId: org!.id, userId, role })),
    ]);
  return org!;
}

/** A need body that passes validation (override what a test is about). */
export function needBody(o: Record<string, unknown> = {}) {
  return {
    kind: 'rd_problem',
    title: '猕猴桃溃疡病绿色防控技术',
    summary: '蒲江县猕猴桃基地溃疡病发病率高，寻求绿色防控方案与现场指导。',
    description:
      '我社在蒲江县种植红心猕猴桃 800 亩，近两年春季溃疡病发病率约 25%，化学药剂效果不稳定。' +
      '希望引进生物防治或综合防控技术，两年内将发病率降低到 5% 以下，并培训 20 名种植户。',
    keywords: ['猕猴桃', '溃疡病'],
    disciplines: ['210'],
    industries: ['A'],
    budgetMin: 100000,
    budgetMax: 300000,
    deadline: '2030-06-30',
    regionCode: '510131',
    ...o,
  };
}

/** A capability body that passes validation. */
export function capabilityBody(o: Record<string, unknown> = {}) {
  return {
    title: '猕猴桃病害田间诊断与防控指导',
    description: '提供猕猴桃溃疡病、褐斑病的田间诊断、药剂筛选与防控方案，可现场培训种植户。',
    disciplines: ['210'],
    industries: ['A'],
    keywords: ['猕猴桃', '病害防控'],
    deliveryMode: 'hybrid',
    priceType: 'fixed',
    price: 20000,
    durationDays: 30,
    regionCode: '510104',
    ...o,
  };
}

/** A result body that passes validation. */
export function resultBody(o: Record<string, unknown> = {}) {
  return {
    title: '猕猴桃溃疡病拮抗菌剂',
    abstract: '筛选获得对猕猴桃溃疡病菌有强拮抗作用的芽孢杆菌菌株，田间防效达 70% 以上。',
    maturity: 6,
    ip: [{ kind: 'patent', number: 'ZL202010123456.7', title: '一种拮抗菌株及其应用' }],
    transferModes: ['license', 'transfer'],
    priceType: 'negotiable',
    askingPrice: 500000,
    reservePrice: 300000,
    disciplines: ['210'],
    industries: ['A'],
    regionCode: '510104',
    ...o,
  };
}
