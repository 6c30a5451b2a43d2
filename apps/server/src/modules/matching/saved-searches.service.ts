/**
 * Saved searches and in-app notifications: the owner's CRUD and reading side. The alert run
 * that writes notifications lives in alerts.service.ts.
 * @module
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import {
  MAX_SAVED_SEARCHES,
  type NotificationListQuery,
  type NotificationPage,
  type SavedSearchCreate,
  type SavedSearchUpdate,
  type SavedSearchView,
} from '@tianfu/contracts';
import { notifications, savedSearches, users, type Db } from '@tianfu/db';
import { AppError } from '../../errors/app-error.ts';
import type { Locale } from '../../i18n/locale.ts';
import type { Actor } from '../../policy/actor.ts';
import { authorize } from '../../policy/authorize.ts';
import { canUseOwnRecord } from './matching.policy.ts';
import { presentNotification, presentSavedSearch } from './matching.presenter.ts';

/** The saved-search and notification service. */
export function savedSearchService(deps: { db: Db; now: () => Date }) {
  const orm = deps.db.orm;

  async function ownSearch(request: FastifyRequest, actor: Actor, id: string, action: string) {
    const [row] = await orm.select().from(savedSearches).where(eq(savedSearches.id, id));
    if (!row) throw new AppError('matching.saved_search_not_found', 404);
    await authorize(request, canUseOwnRecord(actor, action, { ...row, type: 'saved_search' }));
    return row;
  }

  async function requirePhoneFor(actor: Actor, channels: readonly string[] | undefined): Promise<void> {
    if (!channels?.includes('sms')) return;
    const [user] = await orm.select({ phone: users.phone }).from(users).where(eq(users.id, actor.userId));
    if (!user?.phone)
      throw new AppError('error.validation', 400, { fields: { channels: 'matching.sms_needs_phone' } });
  }

  async function unread(userId: string): Promise<number> {
    const [row] = await orm
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, userId), isNull(notifications.readAt)));
    return Number(row?.n ?? 0);
  }

  return {
    async list(actor: Actor): Promise<SavedSearchView[]> {
      const rows = await orm
        .select()
        .from(savedSearches)
        .where(eq(savedSearches.userId, actor.userId))
        .orderBy(desc(savedSearches.createdAt));
      return rows.map(presentSavedSearch);
    },

    /** @throws AppError 409 `matching.saved_search_limit`, 400 when SMS is chosen without a phone */
    async create(actor: Actor, body: SavedSearchCreate): Promise<SavedSearchView> {
      await requirePhoneFor(actor, body.channels);
      return deps.db.orm.transaction(async (tx) => {
        const [n] = await tx
          .select({ n: count() })
          .from(savedSearches)
          .where(eq(savedSearches.userId, actor.userId));
        if (Number(n?.n ?? 0) >= MAX_SAVED_SEARCHES)
          throw new AppError('matching.saved_search_limit', 409, { params: { max: MAX_SAVED_SEARCHES } });
        const [row] = await tx
          .insert(savedSearches)
          .values({
            userId: actor.userId,
            name: body.name,
            criteria: body.criteria,
            notify: body.notify,
            channels: body.channels,
            // Only what is published from now on is "new" for this search.
            lastRunAt: deps.now(),
          })
          .returning();
        return presentSavedSearch(row!);
      });
    },

    async get(request: FastifyRequest, actor: Actor, id: string): Promise<SavedSearchView> {
      return presentSavedSearch(await ownSearch(request, actor, id, 'matching.saved_search.view'));
    },

    async update(
      request: FastifyRequest,
      actor: Actor,
      id: string,
      body: SavedSearchUpdate,
    ): Promise<SavedSearchView> {
      await ownSearch(request, actor, id, 'matching.saved_search.update');
      await requirePhoneFor(actor, body.channels);
      const patch: Partial<typeof savedSearches.$inferInsert> = {};
      if (body.name !== undefined) patch.name = body.name;
      if (body.criteria !== undefined) patch.criteria = body.criteria;
      if (body.notify !== undefined) patch.notify = body.notify;
      if (body.channels !== undefined) patch.channels = body.channels;
      const [row] = await orm
        .update(savedSearches)
        .set({ ...patch, updatedAt: deps.now() })
        .where(eq(savedSearches.id, id))
        .returning();
      return presentSavedSearch(row!);
    },

    async remove(request: FastifyRequest, actor: Actor, id: string): Promise<void> {
      await ownSearch(request, actor, id, 'matching.saved_search.delete');
      await orm.delete(savedSearches).where(eq(savedSearches.id, id));
    },

    async notifications(
      actor: Actor,
      query: NotificationListQuery,
      locale: Locale,
    ): Promise<NotificationPage> {
      const where = and(
        eq(notifications.userId, actor.userId),
        query.unread ? isNull(notifications.readAt) : undefined,
      );
      const [total] = await orm.select({ n: count() }).from(notifications).where(where);
      const rows = await orm
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      return {
        items: rows.map((r) => presentNotification(r, locale)),
        page: query.page,
        pageSize: query.pageSize,
        total: Number(total?.n ?? 0),
        unread: await unread(actor.userId),
      };
    },

    unread: (actor: Actor) => unread(actor.userId),

    /** @throws AppError 404 `matching.notification_not_found`, 403 someone else's */
    async markRead(request: FastifyRequest, actor: Actor, id: string): Promise<number> {
      const [row] = await orm.select().from(notifications).where(eq(notifications.id, id));
      if (!row) throw new AppError('matching.notification_not_found', 404);
      await authorize(
        request,
        canUseOwnRecord(actor, 'matching.notification.read', { ...row, type: 'notification' }),
      );
      if (!row.readAt)
        await orm.update(notifications).set({ readAt: deps.now() }).where(eq(notifications.id, id));
      return unread(actor.userId);
    },

    async markAllRead(actor: Actor): Promise<{ marked: number; unread: number }> {
      const marked = await orm
        .update(notifications)
        .set({ readAt: deps.now() })
        .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
        .returning({ id: notifications.id });
      return { marked: marked.length, unread: await unread(actor.userId) };
    },
  };
}
