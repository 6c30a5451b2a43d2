/**
 * Everything the catalog seeder writes, built in memory first (pure apart from the clock passed in):
 * the generated Sichuan as rows, plus the two demo sign-ins tied to catalog rows — an enterprise
 * user who owns an enterprise with needs in every state, and a scientist user with a profile and
 * services.
 * @module
 */
import type { SichuanDemo, DemoEnterprise, DemoScientist } from '../demo/demo.types.ts';
import type { AccountKind, listingStatusEvents, ListingStatus } from '../../schema/index.ts';
import {
  capabilityRow,
  needRow,
  resultRow,
  type CapabilityRow,
  type NeedRow,
  type ResultRow,
} from './listings.ts';
import {
  enterpriseRows,
  placeholderUser,
  scientistRow,
  teamRows,
  userIdOf,
  type OrganizationRow,
  type OrgMemberRow,
  type ScientistRow,
  type TeamMemberRow,
  type TeamRow,
  type UserRow,
} from './people.ts';

export type StatusEventRow = typeof listingStatusEvents.$inferInsert;

/** A demo sign-in created with the catalog (password: the demo password, phone verified). */
export interface DemoSignIn {
  key: 'enterprise' | 'scientist';
  phone: string;
  kind: AccountKind;
  /** What the README and DEMO_ACCOUNTS.md say the account is for. */
  role: string;
}

export const DEMO_SIGN_INS: readonly DemoSignIn[] = [
  { key: 'enterprise', phone: '13800000009', kind: 'organization', role: 'enterprise user' },
  { key: 'scientist', phone: '13800000010', kind: 'scientist', role: 'scientist' },
];

/** The reason the demo enterprise's rejected need shows its author. */
export const DEMO_REJECTION_REASON = '需求描述缺少可量化的验收指标，请补充目标参数和验收方式后重新提交。';

export interface CatalogPlan {
  users: UserRow[];
  organizations: OrganizationRow[];
  orgMembers: OrgMemberRow[];
  scientists: ScientistRow[];
  teams: TeamRow[];
  teamMembers: TeamMemberRow[];
  capabilities: CapabilityRow[];
  results: ResultRow[];
  needs: NeedRow[];
  statusEvents: StatusEventRow[];
  /** The sign-in accounts with the rows they are tied to. */
  signIns: {
    enterprise: { userId: string; displayName: string; orgId: string; orgName: string; regionCode: string };
    scientist: { userId: string; displayName: string; profileId: string; regionCode: string };
  };
}

const inChengdu = (code: string) => code.startsWith('5101');

/** The Chengdu enterprise with the most needs (one of them an R&D problem); ties → lowest index. */
export function pickDemoEnterprise(demo: SichuanDemo): DemoEnterprise {
  const needsOf = new Map<string, { all: number; rd: number }>();
  for (const n of demo.needs) {
    const c = needsOf.get(n.enterpriseId) ?? { all: 0, rd: 0 };
    c.all += 1;
    if (n.kind === 'rd_problem') c.rd += 1;
    needsOf.set(n.enterpriseId, c);
  }
  let best: DemoEnterprise | undefined;
  let bestScore = -1;
  for (const e of demo.enterprises) {
    const c = needsOf.get(e.id);
    if (!c || c.rd === 0) continue;
    const score = c.all * 10 + (inChengdu(e.regionCode) ? 1000 : 0);
    if (score > bestScore) [best, bestScore] = [e, score];
  }
  if (!best) throw new Error('demo data has no enterprise with an R&D problem');
  return best;
}

/**
 * A Chengdu scientist (not a rural expert) with the most services of their own, preferring the demo
 * enterprise's field so the two demo users see each other among their matches.
 */
export function pickDemoScientist(demo: SichuanDemo, enterprise: DemoEnterprise): DemoScientist {
  const services = new Map<string, number>();
  for (const c of demo.capabilities)
    if (c.providerKind === 'scientist') services.set(c.providerId, (services.get(c.providerId) ?? 0) + 1);
  let best: DemoScientist | undefined;
  let bestScore = -1;
  for (const s of demo.scientists) {
    const own = services.get(s.id) ?? 0;
    if (s.ruralExpert || own === 0) continue;
    const score =
      own * 10 + (inChengdu(s.regionCode) ? 1000 : 0) + (s.domain === enterprise.domain ? 500 : 0);
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  if (!best) throw new Error('demo data has no scientist with services');
  return best;
}

/** Builds every row. `now` dates the rows (published over the last months, drafts in the last days). */
export function buildCatalogPlan(demo: SichuanDemo, now: Date): CatalogPlan {
  const enterprise = pickDemoEnterprise(demo);
  const scientist = pickDemoScientist(demo, enterprise);

  // Accounts: every team lead and member, the demo scientist, and every enterprise's owner.
  const withAccount = new Set<string>([scientist.id]);
  for (const t of demo.teams) for (const id of [t.leadId, ...t.memberIds]) withAccount.add(id);
  const hasAccount = (id: string) => withAccount.has(id);

  const users: UserRow[] = [];
  const scientists: ScientistRow[] = [];
  for (const s of demo.scientists) {
    const account = hasAccount(s.id);
    if (account) users.push(placeholderUser(s.id, s.name, 'scientist', s.regionCode, now));
    scientists.push(scientistRow(s, account ? userIdOf(s.id) : null, now));
  }

  const organizations: OrganizationRow[] = [];
  const orgMembers: OrgMemberRow[] = [];
  for (const e of demo.enterprises) {
    users.push(placeholderUser(e.id, e.name, 'organization', e.regionCode, now));
    const { org, owner } = enterpriseRows(e, now);
    organizations.push(org);
    orgMembers.push(owner);
  }

  const teams: TeamRow[] = [];
  const teamMembers: TeamMemberRow[] = [];
  const teamLeads = new Map<string, string>();
  for (const t of demo.teams) {
    const rows = teamRows(t, now);
    teams.push(rows.team);
    teamMembers.push(...rows.members);
    teamLeads.set(t.id, t.leadId);
  }

  // The demo enterprise's needs show every state its owner meets: its three newest (never its first
  // R&D problem) are a draft, one waiting for review and one rejected with a reason; the rest are
  // published.
  const own = demo.needs.filter((n) => n.enterpriseId === enterprise.id);
  const firstRd = own.find((n) => n.kind === 'rd_problem')!;
  const special = new Map<string, ListingStatus>(own.map((n) => [n.id, 'published']));
  const states: ListingStatus[] = ['draft', 'submitted', 'rejected'];
  const newest = own.filter((n) => n !== firstRd).slice(-states.length);
  for (const [i, n] of newest.entries()) special.set(n.id, states[i]!);
  const needs = demo.needs.map((n) => {
    const status = special.get(n.id);
    return needRow(n, now, status, status === 'rejected' ? DEMO_REJECTION_REASON : undefined);
  });
  const statusEvents: StatusEventRow[] = [];
  for (const row of needs) {
    if (row.status !== 'rejected') continue;
    statusEvents.push(
      {
        entityType: 'need',
        entityId: row.id!,
        fromStatus: 'draft',
        toStatus: 'submitted',
        actorId: row.authorId,
        at: row.createdAt,
      },
      {
        entityType: 'need',
        entityId: row.id!,
        fromStatus: 'submitted',
        toStatus: 'rejected',
        reason: DEMO_REJECTION_REASON,
        at: row.updatedAt,
      },
    );
  }

  const capabilities = demo.capabilities.map((c) =>
    capabilityRow(c, now, teamLeads, hasAccount, c.providerId === scientist.id ? 'published' : undefined),
  );
  const results = demo.results.map((r) => resultRow(r, now, teamLeads, hasAccount));

  // The two sign-ins are ordinary accounts with a verified phone; the seeder adds the password.
  for (const [demoId, signIn] of [
    [enterprise.id, DEMO_SIGN_INS[0]!],
    [scientist.id, DEMO_SIGN_INS[1]!],
  ] as const) {
    const user = users.find((u) => u.id === userIdOf(demoId))!;
    Object.assign(user, { phone: signIn.phone, phoneVerifiedAt: now, passwordChangedAt: now });
  }

  const enterpriseOrg = organizations.find((o) => o.externalId === enterprise.id)!;
  return {
    users,
    organizations,
    orgMembers,
    scientists,
    teams,
    teamMembers,
    capabilities,
    results,
    needs,
    statusEvents,
    signIns: {
      enterprise: {
        userId: userIdOf(enterprise.id),
        displayName: enterprise.name,
        orgId: enterpriseOrg.id!,
        orgName: enterprise.name,
        regionCode: enterprise.regionCode,
      },
      scientist: {
        userId: userIdOf(scientist.id),
        displayName: scientist.name,
        profileId: scientists.find((s) => s.externalId === scientist.id)!.id!,
        regionCode: scientist.regionCode,
      },
    },
  };
}
