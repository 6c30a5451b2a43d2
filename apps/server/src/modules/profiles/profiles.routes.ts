/**
 * The profiles module: scientists, teams and organizations as the public catalog shows them.
 * @module
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { organizationsRoutes } from './organizations.routes.ts';
// Registers the profile's part in data export and account deletion.
import './profiles.privacy.ts';
import { scientistsRoutes } from './scientists.routes.ts';
import { teamsRoutes } from './teams.routes.ts';

export const profilesRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(scientistsRoutes);
  await app.register(teamsRoutes);
  await app.register(organizationsRoutes);
};
