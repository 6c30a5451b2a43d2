/**
 * Saved searches (`/api/saved-searches`) and in-app notifications (`/api/notifications`):
 * the signed-in user's own records only.
 * @module
 */
import type { FastifyInstance } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CatalogIdParams,
  ErrorResponse,
  MarkedRead,
  NotificationListQuery,
  NotificationPage,
  OkResponse,
  SavedSearchCreate,
  SavedSearchList,
  SavedSearchUpdate,
  SavedSearchView,
  UnreadCount,
} from '@tianfu/contracts';
import { requireActor } from '../../policy/authorize.ts';
import { savedSearchService } from './saved-searches.service.ts';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

/** Saved-search and notification routes. */
export function savedSearchRoutes(app: FastifyInstance): FastifyPluginAsyncZod {
  return async (scope) => {
    const svc = () => savedSearchService({ db: app.deps.db, now: app.deps.now });

    scope.get(
      '/api/saved-searches',
      {
        schema: {
          tags: ['saved-searches'],
          summary: 'My saved searches',
          response: { 200: SavedSearchList, 401: ErrorResponse },
        },
      },
      async (request) => {
        const actor = await requireActor(request, 'matching.saved_search.list');
        return { items: await svc().list(actor) };
      },
    );

    scope.post(
      '/api/saved-searches',
      {
        schema: {
          tags: ['saved-searches'],
          summary: 'Save a search (optionally notify me of new matches, in-app and/or by SMS)',
          body: SavedSearchCreate,
          response: { 201: SavedSearchView, ...errors },
        },
      },
      async (request, reply) => {
        const actor = await requireActor(request, 'matching.saved_search.create');
        return reply.status(201).send(await svc().create(actor, request.body));
      },
    );

    scope.get(
      '/api/saved-searches/:id',
      {
        schema: {
          tags: ['saved-searches'],
          summary: 'One of my saved searches',
          params: CatalogIdParams,
          response: { 200: SavedSearchView, ...errors },
        },
      },
      async (request) => {
        const actor = await requireActor(request, 'matching.saved_search.view');
        return svc().get(request, actor, request.params.id);
      },
    );

    scope.patch(
      '/api/saved-searches/:id',
      {
        schema: {
          tags: ['saved-searches'],
          summary: 'Change a saved search',
          params: CatalogIdParams,
          body: SavedSearchUpdate,
          response: { 200: SavedSearchView, ...errors },
        },
      },
      async (request) => {
        const actor = await requireActor(request, 'matching.saved_search.update');
        return svc().update(request, actor, request.params.id, request.body);
      },
    );

    scope.delete(
      '/api/saved-searches/:id',
      {
        schema: {
          tags: ['saved-searches'],
          summary: 'Delete a saved search',
          params: CatalogIdParams,
          response: { 200: OkResponse, ...errors },
        },
      },
      async (request) => {
        const actor = await requireActor(request, 'matching.saved_search.delete');
        await svc().remove(request, actor, request.params.id);
        return { ok: true as const };
      },
    );

    scope.get(
      '/api/notifications',
      {
        schema: {
          tags: ['notifications'],
          summary: 'My notifications, newest first, with the unread count',
          querystring: NotificationListQuery,
          response: { 200: NotificationPage, 400: ErrorResponse, 401: ErrorResponse },
        },
      },
      async (request) => {
        const actor = await requireActor(request, 'matching.notification.list');
        return svc().notifications(actor, request.query, request.locale);
      },
    );

    scope.get(
      '/api/notifications/unread-count',
      {
        schema: {
          tags: ['notifications'],
          summary: 'How many of my notifications are unread',
          response: { 200: UnreadCount, 401: ErrorResponse },
        },
      },
      async (request) => {
        const actor = await requireActor(request, 'matching.notification.list');
        return { unread: await svc().unread(actor) };
      },
    );

    scope.post(
      '/api/notifications/:id/read',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark one notification read',
          params: CatalogIdParams,
          response: { 200: UnreadCount, ...errors },
        },
      },
      async (request) => {
        const actor = await requireActor(request, 'matching.notification.read');
        return { unread: await svc().markRead(request, actor, request.params.id) };
      },
    );

    scope.post(
      '/api/notifications/read-all',
      {
        schema: {
          tags: ['notifications'],
          summary: 'Mark all my notifications read',
          response: { 200: MarkedRead, 401: ErrorResponse },
        },
      },
      async (request) => {
        const actor = await requireActor(request, 'matching.notification.read');
        return svc().markAllRead(actor);
      },
    );
  };
}
