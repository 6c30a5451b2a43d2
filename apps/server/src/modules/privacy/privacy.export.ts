/**
 * `GET /api/account/export`: everything the platform holds about the caller, as JSON. Secrets
 * (password and TOTP hashes, token digests) are left out; phone and ID numbers appear masked as
 * everywhere else; feature modules add sections through `registerAccountExporter`.
 * @module
 */
import { desc, eq } from 'drizzle-orm';
import type { DataExport } from '@tianfu/contracts';
import { smsMessages } from '@tianfu/db';
import { maskPhone } from '../../http/mask.ts';
import type { AuthContext } from '../auth/auth.context.ts';
import { authRepository } from '../auth/auth.repository.ts';
import { presentSession } from '../auth/auth.presenter.ts';
import { accountsRepository } from '../accounts/accounts.repository.ts';
import { presentOrganization, presentTeam } from '../accounts/accounts.presenter.ts';
import { identityRepository } from '../identity/identity.repository.ts';
import { presentOwnIdentity } from '../identity/identity.presenter.ts';
import { consentsRepository } from './consents.repository.ts';
import { presentConsent } from './privacy.presenter.ts';
import { accountExporters } from './privacy.extensions.ts';

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

/** Builds the export for one user. */
export async function exportAccount(
  ctx: AuthContext,
  userId: string,
  currentSessionId?: string,
): Promise<DataExport> {
  const users = authRepository(ctx.db);
  const accounts = accountsRepository(ctx.db);
  const user = await users.userById(userId);
  if (!user) throw new Error('export of a missing user');

  const roles = await users.rolesOf(userId);
  const orgs = await accounts.orgsOf(userId);
  const teams = await accounts.teamsWithMembers(await accounts.activeTeamIdsOf(userId));
  const sessionRows = await users.liveSessionsOf(userId, ctx.now());
  const consentRows = await consentsRepository(ctx.db).listOf(userId);
  const identity = await identityRepository(ctx.db).byUser(userId);
  const audit = await ctx.db.query<{
    at: Date;
    action: string;
    outcome: string;
    target_type: string | null;
    target_id: string | null;
    ip: string | null;
    details: unknown;
    as_actor: boolean;
  }>(
    `select at, action, outcome, target_type, target_id, ip, details, (actor_id = $1::uuid) as as_actor
       from audit_log
      where actor_id = $1::uuid or (target_type = 'user' and target_id = $2)
      order by at desc limit 5000`,
    [userId, userId],
  );
  const sms = user.phone
    ? await ctx.db.orm
        .select({
          createdAt: smsMessages.createdAt,
          purpose: smsMessages.purpose,
          templateCode: smsMessages.templateCode,
          status: smsMessages.status,
          provider: smsMessages.provider,
        })
        .from(smsMessages)
        .where(eq(smsMessages.phone, user.phone))
        .orderBy(desc(smsMessages.createdAt))
        .limit(5000)
    : [];

  const more: Record<string, unknown> = {};
  for (const exporter of accountExporters()) more[exporter.name] = await exporter.export(ctx.db, userId);

  return {
    exportedAt: ctx.now().toISOString(),
    profile: {
      id: user.id,
      displayName: user.displayName,
      phone: user.phone ? maskPhone(user.phone) : null,
      phoneVerifiedAt: iso(user.phoneVerifiedAt),
      email: user.email,
      regionCode: user.regionCode,
      bio: user.bio,
      kind: user.kind,
      locale: user.locale,
      status: user.status,
      totpEnabled: !!user.totpEnabledAt,
      passwordChangedAt: iso(user.passwordChangedAt),
      createdAt: iso(user.createdAt),
      updatedAt: iso(user.updatedAt),
    },
    roles: roles.map((r) => ({ role: r.role, regionCode: r.regionCode })),
    organizations: orgs.map((o) => presentOrganization(o.org, o.role)),
    teams: teams.map((t) => presentTeam(t.team, t.members)),
    sessions: sessionRows.map((s) => presentSession(s, currentSessionId)),
    consents: consentRows.map(presentConsent),
    identity: identity ? presentOwnIdentity(identity) : null,
    auditAboutMe: audit.rows.map((r) => ({
      at: new Date(r.at).toISOString(),
      action: r.action,
      outcome: r.outcome,
      role: r.as_actor ? 'actor' : 'subject',
      target: r.target_type ? { type: r.target_type, id: r.target_id } : null,
      ip: r.ip,
      details: r.details,
    })),
    smsToMe: sms.map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })),
    more,
  };
}
