/**
 * The profiles module: scientists, teams and organizations as the public catalog shows them,
 * and organization claims (verified by an officer of the region) with join requests.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organizationsRoutes } from './organizations.routes.ts';
import { orgClaimsRoutes } from './org-claims.routes.ts';
// Registers the profile's part in data export and account deletion.
import './profiles.privacy.ts';
import { scientistsRoutes } from './scientists.routes.ts';
import { teamsRoutes } from './teams.routes.ts';

export const profilesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(scientistsRoutes);
  await app.register(teamsRoutes);
  await app.register(organizationsRoutes);
  await app.register(orgClaimsRoutes);
};
