/**
 * Declared relationships (`/api/matches/conflicts`): a user names a person, scientist, team or
 * organization they must never be matched with (a relative, a former employer, a partner).
 * The declaration binds both directions in every recommendation list (see coi.ts).
 * @module
 */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { CoiDeclarationCreate, CoiDeclarationView } from '@tianfu/contracts';
import {
  coiDeclarations,
  organizations,
  scientistProfiles,
  teams,
  users,
  type CoiRelatedType,
  type Db,
} from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/authorize.ts';
import { canUseOwnRecord } from './matching.policy.ts';

type Row = typeof coiDeclarations.$inferSelect;

/** The declarations service. */
export function coiDeclarationService(db: Db) {
  const orm = db.orm;

  /** Public names of declared profiles (people's accounts stay unnamed). */
  async function names(rows: Row[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    const ids = (type: CoiRelatedType) => rows.filter((r) => r.relatedType === type).map((r) => r.relatedId);
    const sci = ids('scientist');
    if (sci.length)
      for (const r of await orm
        .select({ id: scientistProfiles.id, name: scientistProfiles.name })
        .from(scientistProfiles)
        .where(inArray(scientistProfiles.id, sci)))
        out.set(r.id, r.name);
    const tms = ids('team');
    if (tms.length)
      for (const r of await orm
        .select({ id: teams.id, name: teams.name })
        .from(teams)
        .where(inArray(teams.id, tms)))
        out.set(r.id, r.name);
    const orgs = ids('organization');
    if (orgs.length)
      for (const r of await orm
        .select({ id: organizations.id, name: organizations.name })
        .from(organizations)
        .where(inArray(organizations.id, orgs)))
        out.set(r.id, r.name);
    return out;
  }

  const present = (row: Row, named: Map<string, string>): CoiDeclarationView => ({
    id: row.id,
    relatedType: row.relatedType,
    relatedId: row.relatedId,
    relatedName: named.get(row.relatedId) ?? null,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  });

  async function exists(type: CoiRelatedType, id: string): Promise<boolean> {
    const table = { user: users, scientist: scientistProfiles, team: teams, organization: organizations }[
      type
    ];
    const [row] = await orm.select({ id: table.id }).from(table).where(eq(table.id, id));
    return !!row;
  }

  return {
    async list(actor: Actor): Promise<CoiDeclarationView[]> {
      const rows = await orm
        .select()
        .from(coiDeclarations)
        .where(eq(coiDeclarations.userId, actor.userId))
        .orderBy(desc(coiDeclarations.createdAt));
      const named = await names(rows);
      return rows.map((r) => present(r, named));
    },

    /** Declares (idempotent per related id). @throws AppError 404 `matching.related_not_found` */
    async declare(actor: Actor, body: CoiDeclarationCreate): Promise<CoiDeclarationView> {
      if (!(await exists(body.relatedType, body.relatedId)))
        throw new AppError('matching.related_not_found', 404);
      await orm
        .insert(coiDeclarations)
        .values({
          userId: actor.userId,
          relatedType: body.relatedType,
          relatedId: body.relatedId,
          note: body.note ?? null,
        })
        .onConflictDoNothing();
      const [row] = await orm
        .select()
        .from(coiDeclarations)
        .where(and(eq(coiDeclarations.userId, actor.userId), eq(coiDeclarations.relatedId, body.relatedId)));
      return present(row!, await names([row!]));
    },

    async remove(request: FastifyRequest, actor: Actor, id: string): Promise<void> {
      const [row] = await orm.select().from(coiDeclarations).where(eq(coiDeclarations.id, id));
      if (!row) throw new AppError('matching.declaration_not_found', 404);
      await authorize(
        request,
        canUseOwnRecord(actor, 'matching.conflict.delete', { ...row, type: 'coi_declaration' }),
      );
      await orm.delete(coiDeclarations).where(eq(coiDeclarations.id, id));
    },
  };
}
