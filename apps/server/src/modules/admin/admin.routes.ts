/**
 * Administration routes under `/api/admin/users` (see packages/contracts/src/admin.ts).
 * Thin: validate (zod), authorize (admin.policy, denials audited), call the service, present.
 * @module
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  AdminDisableRequest,
  AdminRoleGrantRequest,
  AdminRoleParams,
  AdminUserDetail,
  AdminUserPage,
  AdminUserParams,
  AdminUserSearchQuery,
  ErrorResponse,
} from '@tianfu/contracts';
import { authorize, requireActor } from '../../policy/authorize.ts';
import {
  canChangeStatus,
  canListUsers,
  canManageRoles,
  canUseAdminArea,
  canViewUser,
} from './admin.policy.ts';
import { adminService } from './admin.service.ts';

const errors = {
  400: ErrorResponse,
  401: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
};

/** Administration plugin. */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  // One service per request: its audit calls carry that request's actor, IP and id.
  const service = (request: FastifyRequest) =>
    adminService({
      db: app.deps.db,
      now: app.deps.now,
      audit: (event) => app.audit.recordRequest(request, event),
    });

  app.get(
    '/api/admin/users',
    {
      schema: {
        tags: ['admin'],
        summary: 'Search users (administrators: all; officers: their region subtree)',
        querystring: AdminUserSearchQuery,
        response: { 200: AdminUserPage, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'admin.users.list');
      await authorize(request, canListUsers(actor, request.query.region));
      return service(request).listUsers(actor, request.query);
    },
  );

  app.get(
    '/api/admin/users/:id',
    {
      schema: {
        tags: ['admin'],
        summary: 'One user (staff view)',
        params: AdminUserParams,
        response: { 200: AdminUserDetail, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'admin.users.view');
      await authorize(request, canUseAdminArea(actor, 'admin.users.view'));
      const svc = service(request);
      const user = await svc.loadUser(request.params.id);
      await authorize(request, canViewUser(actor, user));
      return svc.getUser(actor, user);
    },
  );

  app.post(
    '/api/admin/users/:id/roles',
    {
      schema: {
        tags: ['admin'],
        summary: 'Grant a staff role (administrators)',
        params: AdminUserParams,
        body: AdminRoleGrantRequest,
        response: { 201: AdminUserDetail, ...errors },
      },
    },
    async (request, reply) => {
      const actor = await requireActor(request, 'admin.roles.manage');
      await authorize(request, canManageRoles(actor, request.params.id));
      const detail = await service(request).grantRole(actor, request.params.id, request.body);
      return reply.status(201).send(detail);
    },
  );

  app.delete(
    '/api/admin/users/:id/roles/:roleId',
    {
      schema: {
        tags: ['admin'],
        summary: 'Revoke a staff role (administrators)',
        params: AdminRoleParams,
        response: { 200: AdminUserDetail, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'admin.roles.manage');
      await authorize(request, canManageRoles(actor, request.params.id));
      return service(request).revokeRole(actor, request.params.id, request.params.roleId);
    },
  );

  app.post(
    '/api/admin/users/:id/disable',
    {
      schema: {
        tags: ['admin'],
        summary: 'Disable an account and end its sessions (administrators)',
        params: AdminUserParams,
        body: AdminDisableRequest.optional(),
        response: { 200: AdminUserDetail, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'admin.users.status');
      await authorize(request, canChangeStatus(actor, request.params.id));
      return service(request).disable(actor, request.params.id, request.body?.reason);
    },
  );

  app.post(
    '/api/admin/users/:id/enable',
    {
      schema: {
        tags: ['admin'],
        summary: 'Enable a disabled account (administrators)',
        params: AdminUserParams,
        response: { 200: AdminUserDetail, ...errors },
      },
    },
    async (request) => {
      const actor = await requireActor(request, 'admin.users.status');
      await authorize(request, canChangeStatus(actor, request.params.id));
      return service(request).enable(actor, request.params.id);
    },
  );
};
