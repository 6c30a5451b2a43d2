/**
 * The rules of capabilities, results and needs: drafts, versioned edits, submit (sensitive-word
 * check, deadline check, publish mode of the region), officer review, closing, expiry, NDA
 * acceptance and region publish settings. Every state change is one transaction that also writes
 * its `listing_versions` / `listing_status_events` rows; the match index hears about it after
 * the commit (`catalogEvents.changed`).
 * @module
 */
import {
  chinaToday,
  type ListingOwnerRef,
  type ListingStatus,
  type ListingType,
  type PublishMode,
} from '@tianfu/contracts';
import { getRegion, type Db } from '@tianfu/db';
import type { AppConfig } from '../../config/keys.ts';
import { AppError } from '../../errors/app-error.ts';
import type { CatalogEvents } from '../../events/catalog-events.ts';
import type { Actor } from '../../policy/actor.ts';
import { statusAfterEdit, submitSteps, transition, isPublicFacing } from './listings.lifecycle.ts';
import type { CreationFacts, ListingFacts } from './listings.policy.ts';
import { listingListsRepository } from './listing-lists.repository.ts';
import { listingsRepository, type AnyListingRow, type ListingRowOf, type Tx } from './listings.repository.ts';
import { assertNoSensitiveWords, type SensitiveWordMatcher } from './sensitive-words.ts';
import {
  checkMerged,
  knownRegion,
  qualityOf,
  snapshot,
  textFields,
  type CreateBody,
  type PatchBody,
} from './listings.rules.ts';

/** What the service needs (built once per app by the routes). */
export interface ListingsContext {
  db: Db;
  config: Pick<AppConfig, 'CATALOG_PUBLISH_MODE' | 'CATALOG_LISTING_TTL_DAYS'>;
  now: () => Date;
  events: Pick<CatalogEvents, 'changed'>;
  words: SensitiveWordMatcher;
}

const DAY_MS = 86_400_000;

/** The listings service. */
export function listingsService(ctx: ListingsContext) {
  const repo = listingsRepository(ctx.db);

  const changed = (type: ListingType, id: string, status: ListingStatus) =>
    ctx.events.changed({ type, id, removed: status !== 'published' });

  /** Publish columns for a listing going live now. */
  function publishColumns(now: Date) {
    const ttl = ctx.config.CATALOG_LISTING_TTL_DAYS;
    return { publishedAt: now, expiresAt: ttl > 0 ? new Date(now.getTime() + ttl * DAY_MS) : null };
  }

  function assertDeadlineAhead(type: ListingType, row: AnyListingRow, now: Date) {
    if (type !== 'need') return;
    const deadline = (row as ListingRowOf['need']).deadline;
    if (deadline && deadline < chinaToday(now))
      throw new AppError('listing.deadline_past', 400, {
        fields: { deadline: 'listing.deadline_past_field' },
      });
  }

  const svc = {
    repo,
    lists: listingListsRepository(ctx.db),

    /** The effective publish mode of a region: nearest ancestor with a setting, else the default. */
    async publishModeFor(
      regionCode: string,
      tx?: Tx,
    ): Promise<{
      publishMode: PublishMode;
      source: { regionCode: string; updatedBy: string | null; updatedAt: Date } | null;
    }> {
      const path = getRegion(regionCode)?.path.map((r) => r.code) ?? [regionCode];
      const rows = await repo.regionSettings(path, tx);
      for (const code of [...path].reverse()) {
        const row = rows.find((r) => r.regionCode === code);
        if (row) return { publishMode: row.publishMode, source: row };
      }
      return { publishMode: ctx.config.CATALOG_PUBLISH_MODE, source: null };
    },

    async setPublishMode(regionCode: string, mode: PublishMode, actor: Actor) {
      return repo.upsertRegionSetting(regionCode, mode, actor.userId, ctx.now());
    },

    /**
     * Whether `userId` owns the listing (see listings.policy.ts). For a listing of an organization
     * or a team, its author counts only while still a member (an employee who left no longer edits
     * the company's needs or sees who signed their NDAs); owners/admins and the lead always count.
     */
    async isOwner(
      type: ListingType,
      row: AnyListingRow,
      userId: string | null | undefined,
    ): Promise<boolean> {
      if (!userId) return false;
      const author = row.authorId === userId;
      const viaOrg = async (orgId: string) => {
        const role = await repo.orgRole(orgId, userId);
        return role === 'owner' || role === 'admin' || (author && role !== null);
      };
      if (type === 'need') return row.orgId ? viaOrg(row.orgId) : author;
      const r = row as ListingRowOf['capability'];
      if (r.ownerType === 'team') {
        if (!r.teamId) return author;
        if ((await repo.teamById(r.teamId))?.leadId === userId) return true;
        return author && (await repo.isActiveTeamMember(r.teamId, userId));
      }
      if (r.ownerType === 'organization') return r.orgId ? viaOrg(r.orgId) : author;
      if (author) return true;
      return !!r.scientistId && (await repo.scientistById(r.scientistId))?.userId === userId;
    },

    /** The row and the policy facts about it, or 404. */
    async load<T extends ListingType>(type: T, id: string, actor: Actor | null) {
      const row = await repo.byId(type, id);
      if (!row) throw new AppError('listing.not_found', 404);
      const facts: ListingFacts = {
        type,
        id,
        status: row.status,
        regionCode: row.regionCode,
        owner: await svc.isOwner(type, row, actor?.userId),
      };
      return { row, facts };
    },

    /**
     * Who a new listing would belong to, for the creation policy. Throws 404 for an unknown
     * team/organization/scientist and 409 when a scientist without a profile posts as one.
     */
    async creationFacts(
      type: ListingType,
      actor: Actor,
      body: Partial<ListingOwnerRef> & { orgId?: string | null },
    ): Promise<{ facts: CreationFacts; owner: Record<string, string | null> }> {
      if (type === 'need') {
        if (!body.orgId) return { facts: { ownerType: 'person' }, owner: { orgId: null } };
        const org = await repo.orgById(body.orgId);
        if (!org) throw new AppError('listing.owner_not_found', 404);
        return {
          facts: {
            ownerType: 'organization',
            role: await repo.orgRole(org.id, actor.userId),
            regionCode: org.regionCode,
          },
          owner: { orgId: org.id },
        };
      }
      const ownerType = body.ownerType ?? 'scientist';
      if (ownerType === 'team') {
        const team = body.teamId ? await repo.teamById(body.teamId) : undefined;
        if (!team) throw new AppError('listing.owner_not_found', 404);
        return {
          facts: { ownerType, lead: team.leadId === actor.userId, regionCode: team.regionCode },
          owner: { ownerType, teamId: team.id, scientistId: null, orgId: null },
        };
      }
      if (ownerType === 'organization') {
        const org = body.orgId ? await repo.orgById(body.orgId) : undefined;
        if (!org) throw new AppError('listing.owner_not_found', 404);
        return {
          facts: { ownerType, role: await repo.orgRole(org.id, actor.userId), regionCode: org.regionCode },
          owner: { ownerType, orgId: org.id, scientistId: null, teamId: null },
        };
      }
      const sci = body.scientistId
        ? await repo.scientistById(body.scientistId)
        : await repo.scientistByUser(actor.userId);
      if (!sci) {
        if (body.scientistId) throw new AppError('listing.owner_not_found', 404);
        throw new AppError('listing.scientist_profile_required', 409);
      }
      return {
        facts: { ownerType: 'scientist', self: sci.userId === actor.userId, regionCode: sci.regionCode },
        owner: { ownerType: 'scientist', scientistId: sci.id, teamId: null, orgId: null },
      };
    },

    /** Creates a draft (version 1, a `null → draft` status event). */
    async create<T extends ListingType>(
      type: T,
      actor: Actor,
      body: CreateBody<T>,
      owner: Record<string, string | null>,
    ): Promise<ListingRowOf[T]> {
      const now = ctx.now();
      const {
        ownerType: _o,
        scientistId: _s,
        teamId: _t,
        orgId: _g,
        ...fields
      } = body as Record<string, unknown>;
      const values: Record<string, unknown> = {
        ...fields,
        ...owner,
        regionCode: knownRegion(String(body.regionCode)),
        authorId: actor.userId,
        status: 'draft',
        version: 1,
      };
      checkMerged(type, values);
      if (type === 'need') values.qualityScore = qualityOf(values, now);
      const row = await ctx.db.orm.transaction(async (tx) => {
        const inserted = await repo.insert(tx, type, values);
        await repo.insertVersion(tx, {
          entityType: type,
          entityId: inserted.id,
          version: 1,
          data: snapshot(inserted),
          changedBy: actor.userId,
        });
        await repo.insertStatusEvents(tx, [
          {
            entityType: type,
            entityId: inserted.id,
            fromStatus: null,
            toStatus: 'draft',
            reason: null,
            actorId: actor.userId,
            at: now,
          },
        ]);
        return inserted;
      });
      changed(type, row.id, row.status);
      return row;
    },

    /**
     * A new version: merges the patch, re-checks cross-field rules, checks sensitive words when
     * the listing is public-facing, bumps `version` and stores the version. A published listing
     * edited in a review region goes back to `submitted`.
     */
    async update<T extends ListingType>(
      type: T,
      id: string,
      actor: Actor,
      patch: PatchBody<T>,
      expectedVersion?: number,
    ): Promise<ListingRowOf[T]> {
      const now = ctx.now();
      const result = await ctx.db.orm.transaction(async (tx) => {
        const current = await repo.lock(tx, type, id);
        if (!current) throw new AppError('listing.not_found', 404);
        if (expectedVersion !== undefined && expectedVersion !== current.version)
          throw new AppError('listing.version_conflict', 409);
        const values: Record<string, unknown> = { ...patch };
        if (patch.regionCode !== undefined) values.regionCode = knownRegion(patch.regionCode);
        const merged = { ...current, ...values } as AnyListingRow;
        checkMerged(type, merged as unknown as Record<string, unknown>);
        const regionCode = merged.regionCode;
        const mode = (await svc.publishModeFor(regionCode, tx)).publishMode;
        const status = statusAfterEdit(current.status, mode);
        if (isPublicFacing(status)) {
          assertNoSensitiveWords(ctx.words, textFields(type, merged));
          assertDeadlineAhead(type, merged, now);
        }
        values.version = current.version + 1;
        values.status = status;
        values.updatedAt = now;
        if (type === 'need')
          values.qualityScore = qualityOf(merged as unknown as Record<string, unknown>, now);
        const row = await repo.update(tx, type, id, current.version, values);
        if (!row) throw new AppError('listing.version_conflict', 409);
        await repo.insertVersion(tx, {
          entityType: type,
          entityId: id,
          version: row.version,
          data: snapshot(row),
          changedBy: actor.userId,
        });
        if (status !== current.status)
          await repo.insertStatusEvents(tx, [
            {
              entityType: type,
              entityId: id,
              fromStatus: current.status,
              toStatus: status,
              reason: 'edited',
              actorId: actor.userId,
              at: now,
            },
          ]);
        return row;
      });
      changed(type, id, result.status);
      return result;
    },

    /** Submits: checks, then `submitted` (review region) or straight on to `published` (auto). */
    async submit<T extends ListingType>(type: T, id: string, actor: Actor): Promise<ListingRowOf[T]> {
      const now = ctx.now();
      const row = await ctx.db.orm.transaction(async (tx) => {
        const current = await repo.lock(tx, type, id);
        if (!current) throw new AppError('listing.not_found', 404);
        const mode = (await svc.publishModeFor(current.regionCode, tx)).publishMode;
        const steps = submitSteps(current.status, mode);
        assertNoSensitiveWords(ctx.words, textFields(type, current));
        assertDeadlineAhead(type, current, now);
        const final = steps[steps.length - 1]!;
        const values: Record<string, unknown> = { status: final, rejectionReason: null, updatedAt: now };
        if (final === 'published') Object.assign(values, publishColumns(now));
        const updated = await repo.update(tx, type, id, current.version, values);
        if (!updated) throw new AppError('listing.version_conflict', 409);
        await statusEvents(
          tx,
          type,
          id,
          current.status,
          steps,
          actor.userId,
          now,
          mode === 'auto' ? 'auto_publish' : null,
        );
        return updated;
      });
      changed(type, id, row.status);
      return row;
    },

    /** An officer's decision on a submitted listing. */
    async review<T extends ListingType>(
      type: T,
      id: string,
      actor: Actor,
      decision: 'approve' | 'reject',
      reason: string | null,
      expectedVersion?: number,
    ): Promise<ListingRowOf[T]> {
      const now = ctx.now();
      const row = await ctx.db.orm.transaction(async (tx) => {
        const current = await repo.lock(tx, type, id);
        if (!current) throw new AppError('listing.not_found', 404);
        if (current.status !== 'submitted') throw new AppError('review.not_submitted', 409);
        // The officer decides on what they read: an edit made meanwhile needs a fresh look.
        if (expectedVersion !== undefined && expectedVersion !== current.version)
          throw new AppError('listing.version_conflict', 409);
        const to = transition(current.status, decision);
        const values: Record<string, unknown> = {
          status: to,
          rejectionReason: decision === 'reject' ? reason : null,
          updatedAt: now,
        };
        if (to === 'published') Object.assign(values, publishColumns(now));
        const updated = await repo.update(tx, type, id, current.version, values);
        if (!updated) throw new AppError('listing.version_conflict', 409);
        await repo.insertStatusEvents(tx, [
          {
            entityType: type,
            entityId: id,
            fromStatus: current.status,
            toStatus: to,
            reason: reason ?? null,
            actorId: actor.userId,
            at: now,
          },
        ]);
        return updated;
      });
      changed(type, id, row.status);
      return row;
    },

    /** Closes a listing (owner withdrawing it, or an officer taking it down). */
    async close<T extends ListingType>(
      type: T,
      id: string,
      actor: Actor,
      reason: string | null,
    ): Promise<ListingRowOf[T]> {
      const now = ctx.now();
      const row = await ctx.db.orm.transaction(async (tx) => {
        const current = await repo.lock(tx, type, id);
        if (!current) throw new AppError('listing.not_found', 404);
        const to = transition(current.status, 'close');
        const updated = await repo.update(tx, type, id, current.version, { status: to, updatedAt: now });
        if (!updated) throw new AppError('listing.version_conflict', 409);
        await repo.insertStatusEvents(tx, [
          {
            entityType: type,
            entityId: id,
            fromStatus: current.status,
            toStatus: to,
            reason,
            actorId: actor.userId,
            at: now,
          },
        ]);
        return updated;
      });
      changed(type, id, row.status);
      return row;
    },

    /** Expires what is due (the job); tells the index about each change. */
    async expireDue(now: Date = ctx.now()) {
      const expired = await repo.expire(now, chinaToday(now));
      if (expired.length) ctx.events.changed(expired.map((e) => ({ type: e.type, id: e.id, removed: true })));
      return expired;
    },

    /** Records the caller's acceptance of a confidential need's NDA (idempotent). */
    async acceptNda(needId: string, actor: Actor, ip: string | null, agreementVersion: string) {
      return repo.acceptNda({ needId, userId: actor.userId, ip, agreementVersion, acceptedAt: ctx.now() });
    },
  };

  async function statusEvents(
    tx: Tx,
    type: ListingType,
    id: string,
    from: ListingStatus,
    steps: ListingStatus[],
    actorId: string,
    at: Date,
    autoReason: string | null,
  ) {
    let prev: ListingStatus = from;
    const rows = steps.map((to, i) => {
      // The automatic publish step is the system's act, not the author's.
      const auto = i > 0 && to === 'published';
      const e = {
        entityType: type,
        entityId: id,
        fromStatus: prev,
        toStatus: to,
        reason: auto ? autoReason : null,
        actorId: auto ? null : actorId,
        // One millisecond apart so the history sorts in the order the steps happened.
        at: new Date(at.getTime() + i),
      };
      prev = to;
      return e;
    });
    await repo.insertStatusEvents(tx, rows);
  }

  return svc;
}

export type ListingsService = ReturnType<typeof listingsService>;
